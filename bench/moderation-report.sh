#!/usr/bin/env bash
# Benchmark of the transparency report with its moderation part (issue 17): fills an H2 file database under
# target/bench/moderation/ with set-based SQL (default 1,000,000 moderation decisions with their cases, notices,
# complaints, reversals, referrals and Art. 23 measures, and 1,000,000 legal-order ledger entries, over three years;
# reused when present), then prints the report time (p50 and p95) for a month, a quarter, a year and three years, and
# PASS/FAIL against 500 ms at p50. No web server, no port. Usage: bench/moderation-report.sh [decisions] [runs]
# MVN_ARGS="-o" runs Maven offline (with the local repository of an earlier build).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn ${MVN_ARGS-} -q -Dbpmnlint.skip=true test-compile
mvn ${MVN_ARGS-} -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  com.disclosuredesk.bench.ModerationReportBenchmark "$@"
