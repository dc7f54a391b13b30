#!/usr/bin/env bash
# Measures the runtime verifier's overhead: borrow/prepare/query/iterate/close cycles against
# HikariCP over in-memory H2, with and without the verifier, and prints a table with the ratio.
# Options are passed to the benchmark: --cycles N --rounds N --warmup N --rows N, and
# --max-ratio R to exit 1 when the default verifier is more than R times slower (CPU time).
# MAVEN_ARGS is passed to the build step, e.g. MAVEN_ARGS=-o for an offline build.
set -euo pipefail

samples="$(cd "$(dirname "$0")" && pwd)"
verifier="$samples/verifier"

# shellcheck disable=SC2086 # MAVEN_ARGS holds several flags
mvn ${MAVEN_ARGS:-} -q -f "$samples/pom.xml" -pl verifier -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test

classpath="$verifier/target/test-classes:$verifier/target/classes:$(cat "$verifier/target/benchmark-classpath.txt")"
exec java -Xms512m -Xmx512m -cp "$classpath" dev.leakguard.verifier.bench.OverheadBenchmark "$@"
