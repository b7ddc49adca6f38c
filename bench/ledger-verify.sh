#!/usr/bin/env bash
# Benchmark of the public ledger verification (issue 17, "one ledger"): fills an H2 file database under
# target/bench/ledger-verify/ with a correct hash chain of 1,000,000 legal-order entries and 1,000,000 moderation
# entries interleaved in one sequence (reused when present), then prints the time of a full verification (cold), of a
# cached call, and of the incremental verification after 1,000 appends (500 legal orders, 500 moderation decisions,
# appended by the application's own code), with entries/s and heap figures. No web server, no port: plain JDBC and
# the application's classes. Prints figures; never part of mvn verify.
#   Usage: bench/ledger-verify.sh [legal-entries] [moderation-entries] [page]
# MVN_ARGS="-o" runs Maven offline; SKIP_BUILD=1 reuses the compiled classes and classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD-}" ]; then
  mvn ${MVN_ARGS-} -q -Dbpmnlint.skip=true test-compile
  mkdir -p target/bench
  mvn ${MVN_ARGS-} -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
fi
# the heap is bounded on purpose: the verification pages through the chain, so 2 million entries fit in 256 MB
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  com.disclosuredesk.bench.LedgerVerifyBenchmark "$@"
