#!/usr/bin/env bash
# DSA export benchmark (issue 17): fills the statements queue cr_statement of a fresh in-memory H2 database with N
# statements, runs dsa.StatementSender against the loopback stub (test code, no network beyond loopback) until the
# queue is empty, and prints statements/s next to what 500,000 decisions a day need (5.8/s). Exits 0 on PASS.
#
#   bench/dsa-export.sh                                  # 50,000 statements (a few minutes at most)
#   bench/dsa-export.sh --statements 2000 --port 8095    # a quick run, stub on a fixed loopback port
#
# Environment: BENCH_XMX (heap, default 1g), BENCH_JAVA_OPTS, MVN_ARGS (e.g. "-o").
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p target/bench
# shellcheck disable=SC2086
mvn ${MVN_ARGS-} -q -Dbpmnlint.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

# shellcheck disable=SC2086
exec java -Xmx"${BENCH_XMX:-1g}" ${BENCH_JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    com.disclosuredesk.bench.DsaExportBenchmark "$@"
