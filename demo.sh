#!/usr/bin/env bash
# LeakGuard's main job on the bundled code: build, then compile the sources with javac + Error Prone
# + the LeakGuard checks, print the findings javac-style and write SARIF and text reports.
#
#   ./demo.sh              the bundled conformance corpus
#   ./demo.sh DIR|FILE...  your own sources (compiled against the corpus' libraries)
set -euo pipefail
cd "$(dirname "$0")"
out=target/leakguard
mkdir -p "$out"

echo "== building LeakGuard (mvn package, tests skipped) =="
mvn -q -B -DskipTests package dependency:build-classpath \
  -pl checker/errorprone -am \
  -Dmdep.outputFile=target/runner.classpath -Dmdep.includeScope=test

runner_cp="checker/errorprone/target/classes:checker/core/target/classes:$(cat checker/errorprone/target/runner.classpath)"
if [ $# -eq 0 ]; then set -- conformance/src/main/java/corpus; fi
mapfile -t sources < <(find "$@" -name '*.java' | sort)
echo "== LeakGuard (Error Prone engine) on ${#sources[@]} files: $* =="

status=0
java \
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED \
  --add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED \
  --add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED \
  -cp "$runner_cp" dev.leakguard.errorprone.LeakGuardJavac \
  --root . --sarif "$out/leakguard.sarif" --text "$out/leakguard.txt" --fail-on never \
  -- -d "$out/classes" -cp "$runner_cp" --release 17 -encoding UTF-8 "${sources[@]}" || status=$?
echo "== reports: $out/leakguard.sarif, $out/leakguard.txt =="
exit $status
