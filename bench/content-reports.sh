#!/usr/bin/env bash
# Notice intake of content reports (issue 16), measured against a started application; prints figures
# (docs/performance.md). Runs com.disclosuredesk.bench.ContentReportBenchmark, which measures in one run:
#   (a) the bare engine's rate of process starts (a trivial process over /engine-rest, as bench/load.sh) and notice
#       intake (POST /api/content-reports) at the same number of clients when 90% of the notices join an open case:
#       rate, p50, p99 (targets: intake at least the bare engine's rate, p99 under 200 ms at 8 clients);
#   (b) a burst of 100,000 notices about 1,000 subjects: the time, and that it ended as 1,000 cases holding 100,000
#       notices with 100,000 receipts in the gateway's feed (nothing lost).
# Never part of mvn verify.
#
#   bench/content-reports.sh --start                       # start the jar on a fresh H2 file (port 8093), measure, stop
#   bench/content-reports.sh --base http://localhost:8080  # an application that is already running (demo users)
#   bench/content-reports.sh --start --notices 2000 --subjects 20 --seconds 5 --warmup-seconds 2   # a small smoke run
#
# Options of the benchmark: --clients 8 --seconds 20 --warmup-seconds 5 --join-ratio 0.9 --hot-subjects 100
# --notices 100000 --subjects 1000 --skip-load --skip-burst. Of this script: --start (start the packaged jar with the
# demo profile on a fresh H2 file under target/bench/content-reports, with the options of scripts/jvm.options, the heap
# bounded at 512 MB), --port 8093 (with --start), --base URL (without --start; default http://localhost:8093).
# Environment: MVN_ARGS (extra Maven arguments, e.g. "-o"), SKIP_BUILD=1 (reuse the jar and the test classes).
set -euo pipefail
cd "$(dirname "$0")/.."

START=0
PORT=8093
BASE=""
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --start) START=1; shift ;;
    --port) PORT="$2"; shift 2 ;;
    --base) BASE="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
BASE="${BASE:-http://localhost:$PORT}"

mkdir -p target/bench/content-reports
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  # shellcheck disable=SC2086
  mvn ${MVN_ARGS-} -q -B -Dbpmnlint.skip=true -DskipTests package
  # shellcheck disable=SC2086
  mvn ${MVN_ARGS-} -q -B -Dbpmnlint.skip=true test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
fi

APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if [ "$START" = "1" ]; then
  RUN="$(date +%Y%m%d%H%M%S)"
  DIR="$(pwd)/target/bench/content-reports/h2-$RUN"
  mkdir -p "$DIR"
  LOG="target/bench/content-reports/app-$RUN.log"
  JVM_OPTIONS=()
  while IFS= read -r line; do
    case "$line" in ''|'#'*) ;; *) JVM_OPTIONS+=("${line//\{name\}/content-reports-$RUN}") ;; esac
  done < scripts/jvm.options
  SPRING_PROFILES_ACTIVE=demo \
  SPRING_DATASOURCE_URL="jdbc:h2:file:$DIR/disclosure-desk;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;RETENTION_TIME=1000;QUERY_CACHE_SIZE=256" \
  DISCLOSURE_DESK_NODE_ID="bench-content-reports" \
    java "${JVM_OPTIONS[@]}" -Xmx512m -jar target/disclosure-desk-0.1.0-SNAPSHOT.jar --server.port="$PORT" >"$LOG" 2>&1 &
  APP_PID=$!
  echo "application starting on port $PORT (pid $APP_PID, log $LOG)"
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the application exited; see $LOG" >&2; exit 1; fi
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null
fi

java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    com.disclosuredesk.bench.ContentReportBenchmark --base "$BASE" "${ARGS[@]+"${ARGS[@]}"}"
