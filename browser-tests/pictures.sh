#!/usr/bin/env bash
# Regenerates the pictures in docs/images/: the BPMN diagrams of processes/*.bpmn (bpmn-js, SVG) and the main
# screens (Tasklist, Cockpit, the transparency page) from the packaged application on a throwaway database.
# Needs Java 17, Maven, Node.js 18+ and Debian's chromium (apt-get install chromium). About 2-3 minutes.
#
#   browser-tests/pictures.sh                   # everything
#   browser-tests/pictures.sh --only diagrams   # only the BPMN diagrams (no build, a few seconds)
#   browser-tests/pictures.sh --only screens
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--only" ] || [ "${2:-}" != "diagrams" ]; then
  # the screens come from the application as it is in this working tree
  mvn -B -q package -DskipTests
fi
node browser-tests/pictures.js "$@"
