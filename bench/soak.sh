#!/usr/bin/env bash
# Soak test, run by hand (never by the build): the packaged application on the embedded default (H2 file database in
# target/bench/soak/data, demo users, JVM options of scripts/jvm.options) under a realistic mix -- submissions (some
# incomplete, then clarified), status and message-feed polling, analyses and approvals over /engine-rest as the demo
# users analyst and approver, withdrawals racing approvals -- killed with kill -9 and restarted every ten minutes.
# After each restart it reads back everything that was acknowledged (201, 204, 200) and prints what was lost (nothing,
# it should be), then the resident memory, the pool's connections and the database size over time and the p50/p99/max
# of each kind of call. Only loopback traffic. The report is also written to target/bench/soak/report.md; the
# application's log is target/bench/soak/app.log. See docs/performance.md ("Soak").
#
#   bench/soak.sh                          # 60 minutes, kill -9 every 10 minutes
#   bench/soak.sh --minutes 30             # shorter
#   bench/soak.sh --kill-every-minutes 5
#   bench/soak.sh --fresh                  # delete the database of an earlier soak first
#   bench/soak.sh --app-args "--some.property=value"
#
# Environment: MVN_ARGS (extra Maven arguments, e.g. "-o" offline with a warm local repository), SKIP_BUILD=1 (reuse
# the jar and the test classes).
set -euo pipefail
cd "$(dirname "$0")/.."

ARGS=()
FRESH=0
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) FRESH=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  # shellcheck disable=SC2086
  mvn ${MVN_ARGS-} -q -B -Dbpmnlint.skip=true -DskipTests package
  # shellcheck disable=SC2086
  mvn ${MVN_ARGS-} -q -B -Dbpmnlint.skip=true test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
fi
if [ "$FRESH" = "1" ]; then
  rm -rf target/bench/soak
fi
# a copy of the jar and the classes: a build during the soak (which restarts the application every ten minutes) must
# not change what runs
RUN=target/bench/soak/run
rm -rf "$RUN"
mkdir -p "$RUN"
cp target/disclosure-desk-0.1.0-SNAPSHOT.jar "$RUN/app.jar"
cp -r target/test-classes "$RUN/test-classes"
cp -r target/classes "$RUN/classes"

exec java -Xmx256m -cp "$RUN/test-classes:$RUN/classes:$(cat target/bench/classpath.txt)" \
    com.disclosuredesk.bench.SoakRun --dir target/bench/soak --jar "$RUN/app.jar" "${ARGS[@]+"${ARGS[@]}"}"
