#!/usr/bin/env bash
# Load and speed of the whole application, on H2 and on PostgreSQL, same machine, same run (docs/performance.md).
# Builds the jar and its class data sharing archive (scripts/cds-archive.sh), starts a local PostgreSQL cluster
# (scripts/postgres-local.sh, installed from Debian when missing) with a fresh database, then runs
# com.disclosuredesk.bench.LoadBenchmark, which starts the application itself (-Xmx512m, ports from 8083 up) on a
# fresh H2 file database and on the PostgreSQL database, measures, stops it, prints the figures and writes them into
# docs/performance.md. Stops everything it started. Never part of mvn verify.
#
#   bench/load.sh                       # both databases, 8 clients, 20 s per load phase, 200 lifecycle orders
#   bench/load.sh --runs 2              # everything twice (the machine is shared: compare runs)
#   bench/load.sh --only h2             # one database (h2 or postgresql)
#   bench/load.sh --no-docs             # print only
#   bench/load.sh --no-cds              # no restart with class data sharing
#
# More options go to the benchmark: --clients 8 --seconds 20 --warmup-seconds 10 --lifecycle-orders 200
# --jvm "-Xmx512m ..." (default: the options of scripts/jvm.options) --jar JAR. Environment: MVN_ARGS (extra Maven
# arguments, e.g. "-o" offline with a warm local repository; default none, so that a fresh machine downloads what it
# needs), SKIP_BUILD=1 (reuse the jar, test classes and archive), PG_LOCAL_DIR (default target/bench/postgres),
# H2_QUERY_CACHE_SIZE (default 256), H2_DURABILITY (default ";WRITE_DELAY=0;RETENTION_TIME=1000", the embedded
# default's; H2_DURABILITY= measures H2's own buffered commits, as before issue 14).
set -euo pipefail
cd "$(dirname "$0")/.."

ONLY=""
RUNS=1
CDS=1
DOCS="--docs docs/performance.md"
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --no-docs) DOCS=""; shift ;;
    --no-cds) CDS=0; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

mkdir -p target/bench/load
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  # shellcheck disable=SC2086
  mvn ${MVN_ARGS-} -q -B -Dbpmnlint.skip=true -DskipTests package
  # shellcheck disable=SC2086
  mvn ${MVN_ARGS-} -q -B -Dbpmnlint.skip=true test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
fi

CDS_ARGS=()
if [ "$CDS" = "1" ]; then
  if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f target/bench/cds/app.jsa ]; then
    scripts/cds-archive.sh target/disclosure-desk-0.1.0-SNAPSHOT.jar target/bench/cds
  fi
  CDS_ARGS=(--cds-dir target/bench/cds)
fi

RUN="$(date +%Y%m%d%H%M%S)"
export PG_LOCAL_DIR="${PG_LOCAL_DIR:-$(pwd)/target/bench/postgres}"
PG_STARTED=0
PG_DBS=()
cleanup() {
  for db in "${PG_DBS[@]+"${PG_DBS[@]}"}"; do scripts/postgres-local.sh dropdb "$db" >/dev/null 2>&1 || true; done
  if [ "$PG_STARTED" = "1" ]; then scripts/postgres-local.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
if [ -z "$ONLY" ] || [ "$ONLY" = "postgresql" ]; then
  if ! scripts/postgres-local.sh status >/dev/null 2>&1; then
    scripts/postgres-local.sh start >/dev/null
    PG_STARTED=1
  fi
  eval "$(scripts/postgres-local.sh env)"
fi

# a fresh database of each kind for every run, H2 and PostgreSQL alternating
DBS=()
for r in $(seq 1 "$RUNS"); do
  if [ -z "$ONLY" ] || [ "$ONLY" = "h2" ]; then
    H2_DIR="$(pwd)/target/bench/load/h2-$RUN-$r"
    mkdir -p "$H2_DIR"
    DBS+=(--db "h2,jdbc:h2:file:$H2_DIR/disclosure-desk;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000${H2_DURABILITY-;WRITE_DELAY=0;RETENTION_TIME=1000};QUERY_CACHE_SIZE=${H2_QUERY_CACHE_SIZE:-256},sa,")
  fi
  if [ -z "$ONLY" ] || [ "$ONLY" = "postgresql" ]; then
    PG_DB="bench_load_${RUN}_$r"
    PG_DBS+=("$PG_DB")
    PG_URL="$(scripts/postgres-local.sh createdb "$PG_DB")"
    DBS+=(--db "postgresql,$PG_URL,$DISCLOSURE_DESK_DB_USER,$DISCLOSURE_DESK_DB_PASSWORD")
  fi
done

# shellcheck disable=SC2086
java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    com.disclosuredesk.bench.LoadBenchmark --log-dir target/bench/load "${DBS[@]}" "${CDS_ARGS[@]+"${CDS_ARGS[@]}"}" \
    $DOCS "${ARGS[@]+"${ARGS[@]}"}"
