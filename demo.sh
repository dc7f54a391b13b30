#!/usr/bin/env bash
# LeakGuard end to end on the bundled sample app (samples/app), from a fresh clone:
#   1. builds LeakGuard and the sample app (mvn package, tests skipped); the sample app's build
#      runs the LeakGuard runner (javac + Error Prone + the LeakGuard checks) over its sources;
#   2. prints those static findings;
#   3. reproduces the login outage on a pool of 3 connections, shows the fixed twin under load,
#      runs every sample scenario on a verifier pool, and prints each static finding as confirmed
#      at runtime or not exercised, and each runtime leak as found statically or missed.
# Exit code 1 when static analysis and the runtime disagree.
#
#   ./demo.sh              the sample app, as above
#   ./demo.sh DIR|FILE...  the runner over self-contained sources (compiled against the
#                          conformance corpus' libraries only: JDBC, Spring JDBC, Commons
#                          DbUtils); for instance ./demo.sh conformance/src/main/java/corpus.
#                          A project with other dependencies: leakguard:check or bin/leakguard scan
set -euo pipefail
cd "$(dirname "$0")"
out=target/leakguard
log=target/demo-build.log
mkdir -p "$out"

# Builds the modules named in $1 and what they need; the build log is shown only if it fails.
build() {
  echo "== building LeakGuard${2:-} (mvn package, tests skipped) =="
  if ! mvn -q -B -DskipTests package dependency:build-classpath -pl "$1" -am \
      -Dmdep.outputFile=target/demo.classpath -Dmdep.includeScope=test >"$log" 2>&1; then
    cat "$log"
    echo "demo: the build failed (log: $log)" >&2
    exit 2
  fi
}

if [ $# -eq 0 ]; then
  app=samples/app
  build "$app" " and the sample app"
  echo
  echo "== static findings on $app/src/main/java (LeakGuard runner, Error Prone engine) =="
  cat "$app/target/leakguard/static.txt"
  echo "(reports: $app/target/leakguard/static.sarif, static.txt)"
  echo
  exec java -cp "$app/target/test-classes:$app/target/classes:$(cat "$app/target/demo.classpath")" \
    dev.leakguard.sampleapp.demo.Demo --sarif "$app/target/leakguard/static.sarif"
fi

build checker/errorprone
runner_cp="checker/errorprone/target/classes:checker/core/target/classes:$(cat checker/errorprone/target/demo.classpath)"
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
if [ "$status" -eq 2 ]; then
  echo "demo: these sources do not compile against JDBC and the corpus' libraries alone; for a" \
    "project with its own dependencies use leakguard:check in its Maven build, or" \
    "bin/leakguard scan DIR (no build needed; see README.md)" >&2
fi
exit $status
