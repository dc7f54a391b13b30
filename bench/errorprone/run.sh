#!/usr/bin/env bash
# Compile-time cost of LeakGuard's Error Prone checks on real JDBC-heavy code.
#
# Each code base is compiled three ways, N times each, in a rotating order:
#   a  plain javac (for information)
#   b  Error Prone's floor: javac + Error Prone with exactly one trivial built-in check enabled
#   c  (b) plus every LeakGuard check (as warnings)
# LeakGuard's cost is median(c) - median(b), and also the time Error Prone's own per-check timers
# give the LeakGuard checks inside javac; the target is at most 3% of median(b).
#
# Usage: bash bench/errorprone/run.sh [--runs N] [--warmup N] [--only NAME[,NAME]]
#                                     [--rebuild | --no-build] [--leakguard-jars CORE.jar:EP.jar]
#                                     [--profile]
# Everything it downloads or writes goes to bench/errorprone/target/.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/target"

# ---------------------------------------------------------------------------------------------
# Pinned inputs. The code bases are compiled from their published -sources.jar against the
# dependencies their POMs declare; nothing else is put on their class path.
DBCP2_GAV="org.apache.commons:commons-dbcp2:2.14.0"
DBUTILS_GAV="commons-dbutils:commons-dbutils:1.8.1"
DEPENDENCY_PLUGIN_VERSION="3.8.1"
RELEASE=17
CODEBASES=(dbcp2 dbutils)
declare -A GAV=([dbcp2]="$DBCP2_GAV" [dbutils]="$DBUTILS_GAV")
# Error Prone's floor, way (b): one built-in check that only looks at literal trees and, for the
# rare long literal, at its last character (see README.md, "Choices worth knowing").
FLOOR_CHECK=LongLiteralLowerCaseSuffix
TARGET_PERCENT=3
# LeakGuard's checks are read from the measured jar's service file (every check it registers).
LEAKGUARD_CHECKS=()

RUNS=5
WARMUP=1
BUILD=auto
LG_JARS=""
ONLY=""
PROFILE=0

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while (($#)); do
  case "$1" in
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --runs=*) RUNS=${1#*=}; shift ;;
    --warmup) WARMUP=${2:?--warmup needs a number}; shift 2 ;;
    --warmup=*) WARMUP=${1#*=}; shift ;;
    --only) ONLY=${2:?--only needs a name}; shift 2 ;;
    --only=*) ONLY=${1#*=}; shift ;;
    --rebuild) BUILD=always; shift ;;
    --no-build) BUILD=never; shift ;;
    --leakguard-jars) LG_JARS=${2:?--leakguard-jars needs CORE.jar:EP.jar}; BUILD=never; shift 2 ;;
    --leakguard-jars=*) LG_JARS=${1#*=}; BUILD=never; shift ;;
    --profile) PROFILE=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs must be a positive integer" >&2; exit 2; }
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "run.sh: --warmup must be a non-negative integer" >&2; exit 2; }
if [[ -n "$ONLY" ]]; then
  IFS=, read -r -a CODEBASES <<<"$ONLY"
  for cb in "${CODEBASES[@]}"; do
    [[ -n "${GAV[$cb]:-}" ]] || { echo "run.sh: unknown code base '$cb' (known: ${!GAV[*]})" >&2; exit 2; }
  done
fi

log() { printf '==> %s\n' "$*"; }
die() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

# Reads <tag>value</tag> (first occurrence) from a POM.
pom_value() {
  sed -n "s:.*<$2>\([^<]*\)</$2>.*:\1:p" "$1" | head -n 1
}

JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
command -v "$JAVAC" >/dev/null || die "javac not found (set JAVA_HOME or put a JDK 17+ on PATH)"
command -v mvn >/dev/null || die "mvn not found"
JAVAC_VERSION=$("$JAVAC" -version 2>&1 | head -n 1)
JDK_MAJOR=$(sed -n 's/^javac \([0-9]*\).*/\1/p' <<<"$JAVAC_VERSION")
[[ -n "$JDK_MAJOR" && "$JDK_MAJOR" -ge 17 ]] || die "need javac 17 or newer, found '$JAVAC_VERSION'"

EP_VERSION=${EP_VERSION:-$(pom_value "$ROOT/pom.xml" errorprone.version)}
[[ -n "$EP_VERSION" ]] || die "cannot read errorprone.version from $ROOT/pom.xml"
EP_GAV="com.google.errorprone:error_prone_core:$EP_VERSION"
PROJECT_VERSION=$(pom_value "$ROOT/pom.xml" version)

mkdir -p "$WORK"

# ---------------------------------------------------------------------------------------------
# 1. LeakGuard's jars
if [[ -n "$LG_JARS" ]]; then
  IFS=: read -r LG_CORE_JAR LG_EP_JAR <<<"$LG_JARS"
  LG_CORE_JAR=$(readlink -f "$LG_CORE_JAR")
  LG_EP_JAR=$(readlink -f "$LG_EP_JAR")
else
  LG_CORE_JAR="$ROOT/checker/core/target/leakguard-core-$PROJECT_VERSION.jar"
  LG_EP_JAR="$ROOT/checker/errorprone/target/leakguard-errorprone-$PROJECT_VERSION.jar"
fi

need_build() { # prints why the jars must be built, or nothing
  [[ -f "$LG_CORE_JAR" && -f "$LG_EP_JAR" ]] || { echo "jars missing"; return 0; }
  local jar module newer
  for module in core errorprone; do
    if [[ $module == core ]]; then jar=$LG_CORE_JAR; else jar=$LG_EP_JAR; fi
    newer=$(find "$ROOT/checker/$module/src/main" "$ROOT/checker/$module/pom.xml" "$ROOT/pom.xml" \
      -type f -newer "$jar" 2>/dev/null | head -n 1)
    if [[ -n "$newer" ]]; then
      echo "${newer#"$ROOT"/} is newer than the jar"
      return 0
    fi
  done
}

case "$BUILD" in
  always) why="--rebuild" ;;
  never) why="" ;;
  auto) why=$(need_build) ;;
esac
if [[ -n "$why" ]]; then
  # Offline first: the build needs nothing the repository's own build has not fetched already.
  log "building LeakGuard ($why): mvn -o -q -B -DskipTests package -pl checker/errorprone -am"
  if ! (cd "$ROOT" && mvn -o -q -B -DskipTests package -pl checker/errorprone -am) >"$WORK/build.log" 2>&1; then
    log "the offline build failed (${WORK#"$ROOT"/}/build.log); trying again with Maven Central"
    if ! (cd "$ROOT" && mvn -q -B -DskipTests package -pl checker/errorprone -am) >"$WORK/build.log" 2>&1; then
      cat "$WORK/build.log" >&2
      die "building LeakGuard failed (log above, also in ${WORK#"$ROOT"/}/build.log)"
    fi
  fi
fi
[[ -f "$LG_CORE_JAR" ]] || die "no LeakGuard core jar at $LG_CORE_JAR"
[[ -f "$LG_EP_JAR" ]] || die "no LeakGuard Error Prone jar at $LG_EP_JAR"
# Every check the jar registers for Error Prone (what a build following the README enables).
SERVICES=META-INF/services/com.google.errorprone.bugpatterns.BugChecker
rm -rf "$WORK/services"
mkdir -p "$WORK/services"
(cd "$WORK/services" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf "$LG_EP_JAR" "$SERVICES") ||
  die "cannot read $SERVICES from $LG_EP_JAR"
mapfile -t LEAKGUARD_CHECKS < <(sed 's/#.*//; s/.*\.//; s/[[:space:]]//g' "$WORK/services/$SERVICES" 2>/dev/null | grep .)
((${#LEAKGUARD_CHECKS[@]})) || die "no checks listed in $SERVICES of $LG_EP_JAR"
# Regular expression matching a LeakGuard diagnostic: "warning: [JdbcConnectionLeak] ..."
LG_DIAG="\[($(IFS='|'; echo "${LEAKGUARD_CHECKS[*]}"))\]"

# ---------------------------------------------------------------------------------------------
# 2. Code bases and Error Prone from Maven Central, through a small generated reactor
FETCH="$WORK/fetch"
STAMP="dependency-plugin=$DEPENDENCY_PLUGIN_VERSION ep=$EP_GAV"
for cb in "${!GAV[@]}"; do STAMP+=" $cb=${GAV[$cb]}"; done
STAMP=$(tr ' ' '\n' <<<"$STAMP" | sort | tr '\n' ' ')

gav_xml() { # G:A:V [extra xml] -> <dependency>
  local g a v
  IFS=: read -r g a v <<<"$1"
  printf '<groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>' "$g" "$a" "$v"
}

write_module_pom() { # dir artifactId dependency-gav executions-xml
  mkdir -p "$1"
  cat >"$1/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by bench/errorprone/run.sh: fetches benchmark inputs; builds nothing. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.leakguard.fetch</groupId>
  <artifactId>$2</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>$(gav_xml "$3")</dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>$DEPENDENCY_PLUGIN_VERSION</version>
        <executions>
$4
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF
}

fetch_inputs() {
  rm -rf "$FETCH" "$WORK/src" "$WORK/lib"
  mkdir -p "$FETCH" "$WORK/src" "$WORK/lib"
  local modules="" cb g a v
  for cb in "${!GAV[@]}"; do
    IFS=: read -r g a v <<<"${GAV[$cb]}"
    modules+="    <module>$cb</module>"$'\n'
    write_module_pom "$FETCH/$cb" "fetch-$cb" "${GAV[$cb]}" "
          <execution>
            <id>sources</id>
            <phase>generate-resources</phase>
            <goals><goal>unpack</goal></goals>
            <configuration>
              <artifactItems>
                <artifactItem>$(gav_xml "${GAV[$cb]}")<classifier>sources</classifier><type>jar</type></artifactItem>
              </artifactItems>
              <includes>**/*.java</includes>
              <outputDirectory>$WORK/src/$cb</outputDirectory>
            </configuration>
          </execution>
          <execution>
            <id>classpath</id>
            <phase>generate-resources</phase>
            <goals><goal>copy-dependencies</goal></goals>
            <configuration>
              <includeScope>runtime</includeScope>
              <excludeArtifactIds>$a</excludeArtifactIds>
              <outputDirectory>$WORK/lib/$cb</outputDirectory>
            </configuration>
          </execution>"
  done
  modules+="    <module>errorprone</module>"
  write_module_pom "$FETCH/errorprone" "fetch-errorprone" "$EP_GAV" "
          <execution>
            <id>classpath</id>
            <phase>generate-resources</phase>
            <goals><goal>copy-dependencies</goal></goals>
            <configuration>
              <includeScope>runtime</includeScope>
              <outputDirectory>$WORK/lib/errorprone</outputDirectory>
            </configuration>
          </execution>"
  cat >"$FETCH/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by bench/errorprone/run.sh: fetches benchmark inputs; builds nothing. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.leakguard.fetch</groupId>
  <artifactId>fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <modules>
$modules
  </modules>
</project>
EOF
  if ! mvn -q -B -f "$FETCH/pom.xml" generate-resources >"$FETCH/mvn.log" 2>&1; then
    cat "$FETCH/mvn.log" >&2
    die "fetching the benchmark inputs from Maven Central failed (log above)"
  fi
  printf '%s\n' "$STAMP" >"$FETCH/done"
}

if [[ "$(cat "$FETCH/done" 2>/dev/null)" != "$STAMP" ]]; then
  log "fetching sources, class paths and Error Prone $EP_VERSION from Maven Central"
  fetch_inputs
else
  log "inputs already fetched (${FETCH#"$ROOT"/}/done matches the pinned versions)"
fi

jars_in() { # dir -> colon-joined jar list (sorted), empty if none
  [[ -d "$1" ]] || return 0
  find "$1" -maxdepth 1 -name '*.jar' | LC_ALL=C sort | paste -sd: -
}

EP_PATH=$(jars_in "$WORK/lib/errorprone")
[[ -n "$EP_PATH" ]] || die "no Error Prone jars in $WORK/lib/errorprone"

# A small javac plugin of this benchmark (timings/) prints, at the end of a compilation, the time
# Error Prone's own per-check timers measured for the LeakGuard checks: LeakGuard's cost without
# the noise of whole-process timing. It shares Error Prone's processor path to see its timers.
TIMINGS="$WORK/check-timings"
rm -rf "$TIMINGS"
mkdir -p "$TIMINGS/META-INF/services"
if ! "$JAVAC" -source 17 -target 17 -encoding UTF-8 -proc:none -classpath "$EP_PATH" -d "$TIMINGS" \
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED \
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED \
  "$HERE/timings/bench/leakguard/CheckTimings.java" >"$WORK/check-timings.log" 2>&1; then
  cat "$WORK/check-timings.log" >&2
  die "compiling the timing plugin (bench/errorprone/timings) failed"
fi
echo bench.leakguard.CheckTimings >"$TIMINGS/META-INF/services/com.sun.source.util.Plugin"

PROCESSOR_PATH="$EP_PATH:$LG_CORE_JAR:$LG_EP_JAR:$TIMINGS"

declare -A CP FILES LINES
for cb in "${CODEBASES[@]}"; do
  [[ -d "$WORK/src/$cb" ]] || die "no sources for $cb in $WORK/src/$cb"
  find "$WORK/src/$cb" -name '*.java' | LC_ALL=C sort >"$WORK/src/$cb.files"
  FILES[$cb]=$(wc -l <"$WORK/src/$cb.files")
  [[ "${FILES[$cb]}" -gt 0 ]] || die "no .java files for $cb"
  LINES[$cb]=$(xargs cat <"$WORK/src/$cb.files" | wc -l)
  CP[$cb]=$(jars_in "$WORK/lib/$cb")
done

# ---------------------------------------------------------------------------------------------
# 3. Compiling
EP_JVM=()
for p in api code comp file main model parser processing tree util; do
  EP_JVM+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
EP_JVM+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED"
  "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED")
EP_COMMON=(-XDcompilePolicy=simple --should-stop=ifError=FLOW -processorpath "$PROCESSOR_PATH"
  "-Xplugin:BenchCheckTimings $(IFS=,; echo "${LEAKGUARD_CHECKS[*]}") $FLOOR_CHECK")
PLUGIN_B="-Xplugin:ErrorProne -XepDisableAllChecks -Xep:$FLOOR_CHECK:WARN"
PLUGIN_C="$PLUGIN_B"
for id in "${LEAKGUARD_CHECKS[@]}"; do PLUGIN_C+=" -Xep:$id:WARN"; done
# Same for all three ways. -proc:none: none of the inputs carries an annotation processor, and
# javac 17 still loads -Xplugin from -processorpath with it (the sanity check proves that).
# No -nowarn (nor -Xlint:none): javac then drops every non-mandatory warning, Error Prone's too.
COMMON=(--release "$RELEASE" -encoding UTF-8 -proc:none -Xmaxwarns 100000 -Xmaxerrs 1000)

# Peak memory when GNU time is there; wall and CPU time come from bash's own `time`.
RSS_TOOL=()
[[ -x /usr/bin/time ]] && RSS_TOOL=(/usr/bin/time -f '%M')

ELAPSED_MS=0 # wall time of the last compile
CPU_MS=0     # user + system CPU time of the last compile (all of javac's threads)
RSS_KB=0     # peak resident memory of the last compile, 0 if unknown
# compile <sources-list-file> <classpath> <mode a|b|c> <log> <outdir> [extra javac options...]
compile() {
  local files=$1 cp=$2 mode=$3 logf=$4 out=$5
  shift 5
  rm -rf "$out"
  mkdir -p "$out"
  local -a cmd=("$JAVAC" "$@")
  case "$mode" in
    a) ;;
    b) cmd+=("${EP_JVM[@]}" "${EP_COMMON[@]}" "$PLUGIN_B") ;;
    c) cmd+=("${EP_JVM[@]}" "${EP_COMMON[@]}" "$PLUGIN_C") ;;
  esac
  cmd+=("${COMMON[@]}" -d "$out")
  [[ -n "$cp" ]] && cmd+=(-classpath "$cp")
  cmd+=("@$files")
  printf '%q ' "${cmd[@]}" >"$logf.cmd"
  echo >>"$logf.cmd"
  local rc=0 real user sys TIMEFORMAT='%3R %3U %3S'
  if ((${#RSS_TOOL[@]})); then
    { time "${RSS_TOOL[@]}" -o "$logf.rss" "${cmd[@]}" >"$logf" 2>&1; } 2>"$logf.time" || rc=$?
    RSS_KB=$(tail -n 1 "$logf.rss" 2>/dev/null || echo 0)
    [[ "$RSS_KB" =~ ^[0-9]+$ ]] || RSS_KB=0
  else
    { time "${cmd[@]}" >"$logf" 2>&1; } 2>"$logf.time" || rc=$?
  fi
  read -r real user sys <"$logf.time"
  ELAPSED_MS=$(awk -v r="$real" 'BEGIN{printf "%d", r * 1000}')
  CPU_MS=$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%d", (u + s) * 1000}')
  return "$rc"
}

check_time_ns() { # log check-id|total -> nanoseconds Error Prone's timers gave that check (0 if none)
  awk -v id="$2" '($1 == "CHECK-TIME" || $1 == "OTHER-TIME") && $2 == id { v = $3 } END { print v + 0 }' "$1"
}

main_cpu_ms() { # log -> CPU milliseconds of javac's main thread, from the timing plugin (0 if none)
  awk '$1 == "MAIN-CPU" { v = $2 } END { printf "%d", v / 1e6 }' "$1"
}

compile_or_die() { # what files cp mode log out
  local what=$1
  shift
  if ! compile "$@"; then
    echo >&2
    echo "---- javac output ($what, mode $3) ----" >&2
    cat "$4" >&2
    echo "---- command (also in ${4#"$ROOT"/}.cmd) ----" >&2
    cat "$4.cmd" >&2
    if grep -q 'BugChecker: dev.leakguard.* Unable to get public no-arg constructor' "$4"; then
      echo "HINT: Error Prone loads plugin checks from -processorpath with java.util.ServiceLoader," >&2
      echo "      which needs a public no-arg constructor on every class listed in" >&2
      echo "      META-INF/services/com.google.errorprone.bugpatterns.BugChecker (an @Inject" >&2
      echo "      constructor taking ErrorProneFlags may stay beside it)." >&2
    fi
    die "compiling $what (mode $3) failed"
  fi
}

mkdir -p "$WORK/logs" "$WORK/out"
rm -f "$WORK"/logs/*
# javac writes its crash reports (javac.<date>.args) into the current directory: keep them here.
cd "$WORK"

echo
echo "LeakGuard compile-time benchmark (Error Prone front-end)"
echo "  javac:        $JAVAC_VERSION ($(command -v "$JAVAC")), --release $RELEASE, $(nproc) cores"
echo "  Error Prone:  $EP_GAV"
echo "  LeakGuard:    ${LG_CORE_JAR#"$ROOT"/}"
echo "                ${LG_EP_JAR#"$ROOT"/}"
if git -C "$ROOT" rev-parse --short HEAD >/dev/null 2>&1; then
  dirty=""
  [[ -n "$(git -C "$ROOT" status --porcelain -- checker 2>/dev/null)" ]] && dirty=" (checker/ has uncommitted changes)"
  echo "  repository:   $(git -C "$ROOT" rev-parse --short HEAD)$dirty"
fi
for cb in "${CODEBASES[@]}"; do
  printf '  %-13s %s sources: %s files, %s lines; class path: %s\n' "$cb:" "${GAV[$cb]}" \
    "${FILES[$cb]}" "${LINES[$cb]}" \
    "$(if [[ -n "${CP[$cb]}" ]]; then tr ':' '\n' <<<"${CP[$cb]}" | xargs -n1 basename | paste -sd' ' -; else echo "(JDK only)"; fi)"
done
echo "  runs:         $RUNS per way and code base, after $WARMUP untimed warm-up round(s)"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "  load average: $LOAD_BEFORE"
if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN{exit !(l + 0 > n * 0.5)}' 2>/dev/null; then
  echo "  NOTE: the machine is already busy; wall times will be noisy (compare the CPU-time table too)"
fi
echo

# Sanity: the plugin loads, the LeakGuard checks report in (c) only, and the floor check reports in
# both (b) and (c).
SANITY="$WORK/sanity"
rm -rf "$SANITY"
mkdir -p "$SANITY"
find "$HERE/sanity" -name '*.java' | LC_ALL=C sort >"$SANITY/files"
log "sanity check: a known connection leak must be reported by (c) only, a lower-case long suffix by (b) and (c)"
compile_or_die "sanity file" "$SANITY/files" "" c "$SANITY/c.log" "$SANITY/out"
if ! grep -q 'warning: \[JdbcConnectionLeak\]' "$SANITY/c.log"; then
  cat "$SANITY/c.log" >&2
  die "the LeakGuard checks did not report the known leak in bench/errorprone/sanity: the plugin was not loaded or the checks are broken"
fi
compile_or_die "sanity file" "$SANITY/files" "" b "$SANITY/b.log" "$SANITY/out"
if grep -Eq "$LG_DIAG" "$SANITY/b.log"; then
  cat "$SANITY/b.log" >&2
  die "LeakGuard reported in mode (b): it would not be a clean baseline"
fi
for m in b c; do
  if ! grep -q "warning: \[$FLOOR_CHECK\]" "$SANITY/$m.log"; then
    cat "$SANITY/$m.log" >&2
    die "the floor check $FLOOR_CHECK did not report in mode ($m): Error Prone did not run the one check (b) is defined by"
  fi
done
if [[ "$(check_time_ns "$SANITY/b.log" total)" != 0 ]] || ! grep -q '^CHECK-TIME total' "$SANITY/c.log"; then
  cat "$SANITY/b.log" "$SANITY/c.log" >&2
  die "the timing plugin (bench/errorprone/timings) did not report, or saw LeakGuard run in (b)"
fi
echo "    ok: $(grep -m1 'warning: \[JdbcConnectionLeak\]' "$SANITY/c.log" | sed "s:^$HERE/::")"
echo "    ok: $(grep -m1 "warning: \[$FLOOR_CHECK\]" "$SANITY/b.log" | sed "s:^$HERE/::")"

# Rotating order: every way is first, middle and last equally often over six rounds.
ORDERS=("a b c" "b c a" "c a b" "a c b" "c b a" "b a c")
declare -A TIMES CPU RSS INJAVAC MAINCPU
for cb in "${CODEBASES[@]}"; do
  for m in a b c; do TIMES[$cb.$m]=""; CPU[$cb.$m]=""; RSS[$cb.$m]=""; MAINCPU[$cb.$m]=""; done
  for id in total "${LEAKGUARD_CHECKS[@]}" "$FLOOR_CHECK"; do INJAVAC[$cb.$id]=""; done
done

total_rounds=$((WARMUP + RUNS))
for ((r = 0; r < total_rounds; r++)); do
  order=${ORDERS[$((r % ${#ORDERS[@]}))]}
  if ((r < WARMUP)); then label="warm-up $((r + 1))/$WARMUP"; else label="run $((r - WARMUP + 1))/$RUNS"; fi
  line=""
  for cb in "${CODEBASES[@]}"; do
    for m in $order; do
      logf="$WORK/logs/$cb-$m-$r.log"
      compile_or_die "$cb" "$WORK/src/$cb.files" "${CP[$cb]}" "$m" "$logf" "$WORK/out/$cb-$m"
      line+=" $cb/$m $(awk -v ms="$ELAPSED_MS" 'BEGIN{printf "%.2fs", ms/1000}')"
      if ((r >= WARMUP)); then
        TIMES[$cb.$m]+=" $ELAPSED_MS"
        CPU[$cb.$m]+=" $CPU_MS"
        RSS[$cb.$m]+=" $RSS_KB"
        [[ $m == a ]] || MAINCPU[$cb.$m]+=" $(main_cpu_ms "$logf")"
        if [[ $m == c ]]; then
          for id in total "${LEAKGUARD_CHECKS[@]}" "$FLOOR_CHECK"; do
            INJAVAC[$cb.$id]+=" $(check_time_ns "$logf" "$id")"
          done
        fi
      fi
    done
  done
  log "$label (order $order):$line"
done

# --profile: one more (c) compile per code base under Java Flight Recorder (a sample every
# millisecond, deep stacks), aggregated by profile/jfr_top.py into target/profile/<code base>.txt.
if ((PROFILE)); then
  JFR="${JAVA_HOME:+$JAVA_HOME/bin/}jfr"
  command -v "$JFR" >/dev/null || die "--profile needs the JDK's jfr tool"
  command -v python3 >/dev/null || die "--profile needs python3 (for profile/jfr_top.py)"
  PROF="$WORK/profile"
  rm -rf "$PROF"
  mkdir -p "$PROF/repository"
  for cb in "${CODEBASES[@]}"; do
    log "profiling (c) on $cb with Java Flight Recorder"
    # The repository option keeps JFR's scratch files out of the system's temporary directory.
    compile_or_die "$cb" "$WORK/src/$cb.files" "${CP[$cb]}" c "$PROF/$cb-c.log" "$PROF/out-$cb" \
      "-J-XX:FlightRecorderOptions=stackdepth=2048,repository=$PROF/repository" \
      "-J-XX:StartFlightRecording=filename=$PROF/$cb-c.jfr,settings=profile,jdk.ExecutionSample#period=1ms"
    "$JFR" print --stack-depth 2048 --events jdk.ExecutionSample "$PROF/$cb-c.jfr" |
      python3 "$HERE/profile/jfr_top.py" dev.leakguard 25 >"$PROF/$cb.txt"
    echo "    $(head -n 1 "$PROF/$cb.txt"); by LeakGuard method (nearest the top):"
    sed -n '/frame nearest the top/,/^$/p' "$PROF/$cb.txt" | sed -n '2,11p' | sed 's/^/    /'
  done
  rm -rf "$PROF/repository" "$PROF"/out-*
fi

minimum() { # numbers... -> smallest
  printf '%s\n' "$@" | LC_ALL=C sort -n | head -n 1
}

median() { # numbers... -> median
  printf '%s\n' "$@" | LC_ALL=C sort -n | awk '{v[NR]=$1} END{ if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2 }'
}

# ---------------------------------------------------------------------------------------------
# 4. Results
REPORT="$WORK/report.txt"

# table <title> <name of the associative array of per-run milliseconds>
table() {
  local -n t=$2
  local cb ma mb mc sa=0 sb=0 sc=0
  echo "$1"
  printf '%-9s %6s %7s %9s %9s %9s %9s %9s %11s  %s\n' \
    "code base" "files" "lines" "(a)javac" "(b)floor" "(c)b+LG" "LG added" "LG/(b)" "floor/javac" "target ${TARGET_PERCENT}%"
  row() {
    awk -v cb="$1" -v f="$2" -v l="$3" -v a="$4" -v b="$5" -v c="$6" -v target="$TARGET_PERCENT" 'BEGIN{
      lg = c - b; r = 100 * lg / b;
      printf "%-9s %6d %7d %9.2f %9.2f %9.2f %+9.2f %8.1f%% %10.2fx  %s\n",
        cb, f, l, a/1000, b/1000, c/1000, lg/1000, r, b/a, (lg < 0 ? "noise" : r <= target ? "met" : "MISSED") }'
  }
  local files=0 lines=0
  for cb in "${CODEBASES[@]}"; do
    # shellcheck disable=SC2086
    ma=$(median ${t[$cb.a]})
    # shellcheck disable=SC2086
    mb=$(median ${t[$cb.b]})
    # shellcheck disable=SC2086
    mc=$(median ${t[$cb.c]})
    row "$cb" "${FILES[$cb]}" "${LINES[$cb]}" "$ma" "$mb" "$mc"
    sa=$(awk -v x="$sa" -v y="$ma" 'BEGIN{print x + y}')
    sb=$(awk -v x="$sb" -v y="$mb" 'BEGIN{print x + y}')
    sc=$(awk -v x="$sc" -v y="$mc" 'BEGIN{print x + y}')
    files=$((files + FILES[$cb]))
    lines=$((lines + LINES[$cb]))
  done
  if ((${#CODEBASES[@]} > 1)); then
    row "together" "$files" "$lines" "$sa" "$sb" "$sc"
  fi
}

{
  echo
  table "Median WALL time of $RUNS runs, seconds. (b) = Error Prone's floor (one trivial check, $FLOOR_CHECK);
LG = LeakGuard's cost = (c) - (b); target: LG/(b) <= ${TARGET_PERCENT}%; (a) plain javac is for information
(\"noise\": (c) was faster than (b), so other load swamped LeakGuard's cost; judge by the tables below)" TIMES
  echo
  table "Median CPU time (user + system, all javac threads) of the same runs, seconds; less sensitive to other load" CPU
  echo
  echo "Median CPU time of javac's main thread (where Error Prone and its checks run), seconds, from the"
  echo "timing plugin; hardly touched by other load (it leaves out the JIT compiler's and GC's threads):"
  printf '%-9s %12s %12s %9s %9s  %s\n' "code base" "(b)floor" "(c)b+LG" "LG added" "LG/(b)" "target ${TARGET_PERCENT}%"
  mb_sum=0
  mc_sum=0
  for cb in "${CODEBASES[@]}"; do
    # shellcheck disable=SC2086
    mb=$(median ${MAINCPU[$cb.b]})
    # shellcheck disable=SC2086
    mc=$(median ${MAINCPU[$cb.c]})
    mb_sum=$(awk -v x="$mb_sum" -v y="$mb" 'BEGIN{print x + y}')
    mc_sum=$(awk -v x="$mc_sum" -v y="$mc" 'BEGIN{print x + y}')
    main_row() {
      awk -v cb="$1" -v b="$2" -v c="$3" -v target="$TARGET_PERCENT" 'BEGIN{ lg = c - b; r = b > 0 ? 100 * lg / b : 0;
        printf "%-9s %12.2f %12.2f %+9.2f %8.1f%%  %s\n", cb, b/1000, c/1000, lg/1000, r,
          (b == 0 ? "?" : lg < 0 ? "noise" : r <= target ? "met" : "MISSED") }'
    }
    main_row "$cb" "$mb" "$mc"
  done
  if ((${#CODEBASES[@]} > 1)); then
    main_row together "$mb_sum" "$mc_sum"
  fi
  echo
  echo "LeakGuard's own time inside javac in (c), from Error Prone's per-check timers (median of $RUNS runs),"
  echo "as a share of the floor (b); the least noisy view of LeakGuard's cost when the machine is busy:"
  echo "(\"fastest\" puts the fastest LG run over the fastest (b) run: the estimate least touched by other load;"
  echo " \"floor check\" is $FLOOR_CHECK's own timer in (c), for scale)"
  printf '%-9s %12s %12s %12s %12s %12s  %s\n' "code base" "LG median" "of (b) wall" "of (b) CPU" "fastest" "floor check" "target ${TARGET_PERCENT}%"
  for cb in "${CODEBASES[@]}"; do
    # shellcheck disable=SC2086
    awk -v cb="$cb" -v lg="$(median ${INJAVAC[$cb.total]})" -v b="$(median ${TIMES[$cb.b]})" \
      -v bc="$(median ${CPU[$cb.b]})" -v lgmin="$(minimum ${INJAVAC[$cb.total]})" \
      -v bmin="$(minimum ${TIMES[$cb.b]})" -v floor="$(median ${INJAVAC[$cb.$FLOOR_CHECK]})" \
      -v target="$TARGET_PERCENT" 'BEGIN{ lg = lg / 1e6; r = 100 * lg / b;
        printf "%-9s %10.3f s %11.1f%% %11.1f%% %11.1f%% %9.0f ms  %s\n", cb, lg/1000, r, 100 * lg / bc,
          100 * lgmin / 1e6 / bmin, floor / 1e6, (r <= target ? "met" : "MISSED") }'
  done
  for cb in "${CODEBASES[@]}"; do
    per=""
    for id in "${LEAKGUARD_CHECKS[@]}"; do
      # shellcheck disable=SC2086
      per+=$(awk -v id="$id" -v ns="$(median ${INJAVAC[$cb.$id]})" 'BEGIN{printf " %s %.0f ms,", id, ns / 1e6}')
    done
    echo "  $cb per check:${per%,}"
  done
  echo
  echo "Spread of the wall times (min .. max over the $RUNS runs) and median peak memory of javac:"
  for cb in "${CODEBASES[@]}"; do
    for m in a b c; do
      # shellcheck disable=SC2086
      printf '%s\n' ${TIMES[$cb.$m]} | LC_ALL=C sort -n | awk -v cb="$cb" -v m="$m" \
        -v rss="$(median ${RSS[$cb.$m]})" \
        '{v[NR]=$1} END{ printf "  %-8s (%s)  %6.2f .. %6.2f s", cb, m, v[1]/1000, v[NR]/1000;
                         if (rss > 0) printf "   %5.0f MiB", rss/1024; printf "\n" }'
    done
  done
  echo "  load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
} | tee "$REPORT"

# Findings of (c): the same on every run; the first timed run's log is the one reported.
total_findings=0
SUMMARY="$WORK/findings-summary.txt"
{
echo
echo "LeakGuard findings in mode (c) (warnings; full lists in ${WORK#"$ROOT"/}/findings-<code base>.txt):"
for cb in "${CODEBASES[@]}"; do
  first="$WORK/logs/$cb-c-$WARMUP.log"
  prefix="$WORK/src/$cb/"
  grep -E "warning: $LG_DIAG" "$first" | sed "s:^$prefix::" >"$WORK/findings-$cb.txt" || true
  n=$(wc -l <"$WORK/findings-$cb.txt")
  total_findings=$((total_findings + n))
  counts=""
  for id in "${LEAKGUARD_CHECKS[@]}"; do
    k=$(grep -c "warning: \[$id\]" "$WORK/findings-$cb.txt" || true)
    ((k == 0)) || counts+=" $id=$k"
  done
  echo "  $cb: $n finding(s):${counts:- none}"
  # The same findings on every run (every round, warm-up included), or the engine is not
  # deterministic.
  for ((r = 0; r < total_rounds; r++)); do
    if ! { grep -E "warning: $LG_DIAG" "$WORK/logs/$cb-c-$r.log" || true; } | sed "s:^$prefix::" |
      cmp -s - "$WORK/findings-$cb.txt"; then
      echo "  WARNING: $cb round $((r + 1)) reported other findings than the first timed run: the results are not stable"
    fi
  done
  if ((n > 0)); then
    echo "  first $(( n < 10 ? n : 10 )):"
    head -n 10 "$WORK/findings-$cb.txt" | sed 's/^/    /'
  fi
  notes=$(grep -E 'LeakGuard (skipped|could not)' "$first" || true)
  if [[ -n "$notes" ]]; then
    echo "  notes from LeakGuard ($(wc -l <<<"$notes")), first 5:"
    head -n 5 <<<"$notes" | sed "s:$prefix::g; s/^/    /"
  fi
  echo
done
} >"$SUMMARY"
cat "$SUMMARY"
cat "$SUMMARY" >>"$REPORT"

if ((total_findings == 0)); then
  {
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    echo "!! Mode (c) reported NO LeakGuard finding in any code base. The sanity check passed, so"
    echo "!! the plugin loads; check that the checks really analyse these sources before trusting"
    echo "!! the (c) - (b) numbers above."
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  } | tee -a "$REPORT"
fi
echo "Report: ${REPORT#"$ROOT"/}; javac logs and command lines: ${WORK#"$ROOT"/}/logs/"
