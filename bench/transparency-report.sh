#!/usr/bin/env bash
# Benchmark of the transparency report: fills an H2 file database under target/bench/transparency/ with a
# hash-chained ledger (default 1,000,000 entries over three years and 60 countries; reused when present), then
# prints the report time (p50 and max of repeated runs) for a quarter, a year and all entries, and PASS/FAIL
# against 500 ms.  Usage: bench/transparency-report.sh [entries] [runs]
# MVN_ARGS="-o" runs Maven offline (with the local repository of an earlier build).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn ${MVN_ARGS-} -q -Dbpmnlint.skip=true test-compile
mvn ${MVN_ARGS-} -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  com.disclosuredesk.bench.TransparencyReportBenchmark "$@"
