#!/usr/bin/env bash
# LeakGuard SpotBugs plugin benchmark. See README.md in this directory.
#
#   spotbugs-plugin/bench/run.sh [plugin.jar]
#
# Environment: REPS (timed runs per configuration, default 3), WORK (scratch directory,
# default spotbugs-plugin/target/bench), JAVA_OPTS (for the SpotBugs JVMs, default -Xmx1g).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${WORK:-$ROOT/spotbugs-plugin/target/bench}"
REPS="${REPS:-3}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
VERSION=0.1.0
PLUGIN="${1:-$ROOT/spotbugs-plugin/target/leakguard-spotbugs-plugin-$VERSION.jar}"
CONFORMANCE="$ROOT/conformance/target/leakguard-conformance-$VERSION.jar"
LEAKGUARD_VISITORS=LeakGuardSummaries,LeakGuardDetector,LeakGuardPoolDetector

say() { printf '%s\n' "$*" >&2; }

# --- the plugin jar and the corpus harness
if [[ ! -f "$PLUGIN" || ! -f "$CONFORMANCE" ]]; then
  say "building the plugin jar (mvn -pl spotbugs-plugin -am package)..."
  (cd "$ROOT" && mvn -q -B -pl spotbugs-plugin -am package -DskipTests)
fi

# --- stock SpotBugs, the measured code base and the corpus libraries, from Maven Central
mkdir -p "$WORK"
for profile in spotbugs targets corpus; do
  if [[ ! -d "$WORK/$profile" ]]; then
    say "fetching $profile from Maven Central..."
    mvn -q -B -f "$HERE/pom.xml" -P"$profile" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$WORK/$profile"
  fi
done
TARGET_JARS=()
AUX=()
for jar in "$WORK"/targets/*.jar; do
  case "$(basename "$jar")" in
    HikariCP-*|commons-dbcp2-*|commons-dbutils-*) TARGET_JARS+=("$jar") ;;
    *) AUX+=("$jar") ;;
  esac
done
AUX_PATH="$(IFS=:; echo "${AUX[*]}")"
CORPUS_LIBS="$(ls "$WORK"/corpus/*.jar | tr '\n' ':')"

spotbugs() {
  # shellcheck disable=SC2086
  java $JAVA_OPTS -cp "$WORK/spotbugs/*" edu.umd.cs.findbugs.FindBugs2 -quiet "$@" 2>/dev/null
}

# median of the arguments
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

count_bugs() { grep -c "<BugInstance" "$1" || true; }
count_ours() { grep -c '<BugInstance[^>]* type="Jdbc' "$1" || true; }
count_stock_leaks() { grep -cE '<BugInstance[^>]* type="(OBL|ODR)_' "$1" || true; }

# --- 1. time: default SpotBugs, default + LeakGuard, LeakGuard alone
# Wall-clock time and CPU time (user + system) of each SpotBugs JVM. On a shared machine the
# wall clock also measures the other processes; the CPU time is the steadier of the two.
measure() {
  local TIMEFORMAT='%R %U %S'
  { time "$@" >/dev/null 2>&1; } 2>&1 | tail -1
}

say "timing $REPS run(s) per configuration on: $(for j in "${TARGET_JARS[@]}"; do basename "$j"; done | tr '\n' ' ')"
declare -A WALL CPU
for config in default with-leakguard leakguard-only; do
  walls=()
  cpus=()
  for ((i = 1; i <= REPS; i++)); do
    out="$WORK/$config.xml"
    case "$config" in
      default) args=() ;;
      with-leakguard) args=(-pluginList "$PLUGIN") ;;
      leakguard-only) args=(-pluginList "$PLUGIN" -visitors "$LEAKGUARD_VISITORS") ;;
    esac
    read -r real user sys < <(measure spotbugs "${args[@]}" -xml:withMessages -output "$out" \
      -auxclasspath "$AUX_PATH" "${TARGET_JARS[@]}")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
    walls+=("$real")
    cpus+=("$cpu")
    say "  $config run $i: wall ${real}s, cpu ${cpu}s"
  done
  WALL[$config]=$(median "${walls[@]}")
  CPU[$config]=$(median "${cpus[@]}")
done

pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.1f%%", (a - b) * 100 / b}'; }
classes=$(for j in "${TARGET_JARS[@]}"; do unzip -l "$j" | grep -c '\.class$'; done | awk '{s+=$1} END {print s}')
echo
echo "== Time on commons-dbcp2 + commons-dbutils + HikariCP ($classes classes; median of $REPS runs; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
printf '%-16s %9s %9s %9s %9s %6s %10s\n' "configuration" "wall (s)" "vs dflt" "cpu (s)" "vs dflt" "bugs" "LeakGuard"
for config in default with-leakguard leakguard-only; do
  printf '%-16s %9s %9s %9s %9s %6s %10s\n' "$config" "${WALL[$config]}" "$(pct "${WALL[$config]}" "${WALL[default]}")" \
    "${CPU[$config]}" "$(pct "${CPU[$config]}" "${CPU[default]}")" \
    "$(count_bugs "$WORK/$config.xml")" "$(count_ours "$WORK/$config.xml")"
done
echo "adding the plugin costs $(pct "${CPU[with-leakguard]}" "${CPU[default]}") CPU time and $(pct "${WALL[with-leakguard]}" "${WALL[default]}") wall-clock time (target: at most +15%)"
echo "stock OBL/ODR findings on the same jars: $(count_stock_leaks "$WORK/default.xml")"

# --- 2. precision and recall on the conformance corpus
say "compiling the conformance corpus..."
rm -rf "$WORK/corpus-classes" && mkdir -p "$WORK/corpus-classes"
find "$ROOT/conformance/src/main/java/corpus" -name '*.java' > "$WORK/corpus-files.txt"
javac -nowarn -g --release 17 -proc:none -d "$WORK/corpus-classes" -cp "$CORPUS_LIBS" @"$WORK/corpus-files.txt"
spotbugs -low -xml:withMessages -output "$WORK/corpus-stock.xml" -auxclasspath "$CORPUS_LIBS" "$WORK/corpus-classes"
spotbugs -low -pluginList "$PLUGIN" -visitors "$LEAKGUARD_VISITORS" -xml:withMessages \
  -output "$WORK/corpus-leakguard.xml" -auxclasspath "$CORPUS_LIBS" "$WORK/corpus-classes"
echo
echo "== Precision and recall on the conformance corpus (stock: OBL_*/ODR_* with -low)"
java -cp "$CONFORMANCE" "$HERE/BenchScore.java" "$ROOT/conformance/src/main/java" \
  "$WORK/corpus-stock.xml" "$WORK/corpus-leakguard.xml"
