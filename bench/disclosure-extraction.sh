#!/usr/bin/env bash
# Disclosure extraction benchmark: generates (or reuses) a large embedded subscriber directory in an
# H2 file database under target/bench/ and times the extraction of orders through JdbcSubscriberDirectory,
# as the disclosure step does. Prints figures; exits 0 on PASS, 1 on FAIL.
#
#   bench/disclosure-extraction.sh                      # 1,000,000 accounts, ~50 million IP log rows
#   bench/disclosure-extraction.sh --accounts 100000    # a quick run
#   bench/disclosure-extraction.sh --help               # all options
#
# Environment: BENCH_XMX (heap, default 2g), BENCH_JAVA_OPTS (more JVM options, e.g. -Xlog:gc),
# MVN_ARGS (extra Maven arguments, e.g. "-o" offline with a warm local repository; default none).
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p target/bench
# shellcheck disable=SC2086
mvn ${MVN_ARGS-} -q -Dbpmnlint.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

# shellcheck disable=SC2086
exec java -Xmx"${BENCH_XMX:-2g}" ${BENCH_JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    com.disclosuredesk.bench.DisclosureExtractionBenchmark "$@"
