#!/usr/bin/env bash
# Real-world benchmark: runs leakguard:check with all three engines (errorprone, spotbugs,
# source) on pinned, JDBC-heavy open-source code bases from Maven Central and prints per-project
# numbers, judged against verdicts.tsv. See README.md beside this file.
#
# Everything it writes goes below bench/realworld/target/ (sources, work projects, a private
# Maven repository, results, logs), except the LeakGuard build's own target/ folders.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
T=$HERE/target
M2=$T/m2
RESULTS=$T/results
LOGS=$T/logs
LG=$(cd "$HERE/../.." && pwd)
ONLY=""
REBUILD=0
NORUN=0
CHECK=0
ENGINES=errorprone,spotbugs,source

usage() {
  cat <<'EOF'
usage: bench/realworld/run.sh [options]

  --only a,b        only these code bases (names from projects.tsv)
  --rebuild         rebuild LeakGuard even if its sources did not change
  --leakguard DIR   test the LeakGuard checkout in DIR (default: the one this script lives in)
  --no-run          do not run anything: report from the last results
  --check           exit 1 when a location judged FALSE is reported again or one judged TRUE
                    is no longer reported; also list the findings nobody has judged yet
  -h, --help        this text

Exit status: 0 fine, 1 --check found a regression, 2 usage or setup error (or a bad verdicts.tsv),
3 a code base did not compile or build, or an engine did not run on it.
EOF
}

while [[ $# -gt 0 ]]; do
  case $1 in
    --only) ONLY=${2:?--only needs a comma-separated list}; shift 2 ;;
    --only=*) ONLY=${1#--only=}; shift ;;
    --rebuild) REBUILD=1; shift ;;
    --leakguard) LG=$(cd "${2:?--leakguard needs a directory}" && pwd); shift 2 ;;
    --leakguard=*) LG=$(cd "${1#--leakguard=}" && pwd); shift ;;
    --no-run) NORUN=1; shift ;;
    --check) CHECK=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

die() { echo "run.sh: $*" >&2; exit 2; }
log() { echo "[realworld] $*"; }
now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

command -v mvn >/dev/null || die "mvn is not on the PATH"
command -v java >/dev/null || die "java is not on the PATH"
[[ -f $LG/pom.xml && -d $LG/maven-plugin ]] || die "$LG is not a LeakGuard checkout (no pom.xml and maven-plugin/)"

mkdir -p "$T/tmp" "$RESULTS" "$LOGS" "$T/work"
# temporary files of this script, Maven and the JVMs it starts stay below target/
export TMPDIR=$T/tmp
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djava.io.tmpdir=$T/tmp"
MVN=(mvn -B -Dmaven.repo.local="$M2")

# The LeakGuard version under test: the root POM's own <version> (the first one after the
# parent's artifactId).
lg_version() {
  awk '/<artifactId>leakguard-parent<\/artifactId>/ { seen = 1; next }
       seen && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$LG/pom.xml"
}

# A private local repository, seeded once from the user's (~/.m2/repository) without
# dev/leakguard, so that the LeakGuard under test is the one built here and nothing is
# installed into ~/.m2. Plain copies, no hard links.
seed_m2() {
  [[ -f $M2/.seeded ]] && return 0
  local src=${MAVEN_USER_REPOSITORY:-$HOME/.m2/repository} e d
  log "seeding the private Maven repository $M2 from $src (once)"
  rm -rf "$M2"
  mkdir -p "$M2"
  if [[ -d $src ]]; then
    for e in "$src"/*; do
      [[ -e $e ]] || continue
      if [[ $(basename "$e") == dev ]]; then
        mkdir -p "$M2/dev"
        for d in "$e"/*; do
          [[ -e $d && $(basename "$d") != leakguard ]] && cp -r "$d" "$M2/dev/"
        done
      else
        cp -r "$e" "$M2/"
      fi
    done
  fi
  rm -rf "$M2/dev/leakguard"
  touch "$M2/.seeded"
}

# A hash of the LeakGuard checkout's sources (everything but build output, .git and bench/).
lg_hash() {
  (cd "$LG" && find . \( -type d \( -name target -o -name .git -o -name .idea \) -o -path ./bench \) -prune \
      -o -type f ! -name .git -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)
}

# Builds and installs LeakGuard into the private repository when its sources changed since the
# last build (or with --rebuild).
build_leakguard() {
  local stamp=$T/leakguard.built hash t0
  hash="$(lg_hash) $LG"
  if [[ $REBUILD == 0 && -f $stamp && $(cat "$stamp") == "$hash" && -d $M2/dev/leakguard/leakguard-maven-plugin ]]; then
    log "LeakGuard $LG_VERSION from $LG: unchanged since the last build"
    return 0
  fi
  log "building LeakGuard $LG_VERSION from $LG into the private repository (mvn -B -q -DskipTests install)"
  t0=$(now)
  if ! (cd "$LG" && "${MVN[@]}" -q -DskipTests install) >"$LOGS/leakguard-build.log" 2>&1; then
    tail -40 "$LOGS/leakguard-build.log" >&2
    die "the LeakGuard build failed (log: $LOGS/leakguard-build.log)"
  fi
  # the spotbugs engine runs only when LeakGuard's SpotBugs plugin resolves from the build's
  # repositories (SpotBugsEngine resolves dev.leakguard:leakguard-spotbugs-plugin:<plugin version>)
  ls "$M2/dev/leakguard/leakguard-spotbugs-plugin/$LG_VERSION/"*.jar >/dev/null 2>&1 \
    || die "the LeakGuard build did not install leakguard-spotbugs-plugin $LG_VERSION: the spotbugs engine could not run"
  echo "$hash" >"$stamp"
  log "LeakGuard built in $(secs "$t0" "$(now)") s"
}

# The report tool (tool/): a small Maven module outside the root reactor, built into target/tool.
TOOL_CP=""
build_tool() {
  local stamp=$T/tool/.built newest
  newest=$(find "$HERE/tool" -type f -newer "$stamp" 2>/dev/null | head -1 || true)
  if [[ ! -f $stamp || -n $newest || ! -f $T/tool/classpath.txt ]]; then
    log "building the report tool (bench/realworld/tool)"
    local off=()
    [[ -f $stamp ]] && off=(-o)
    if ! "${MVN[@]}" "${off[@]}" -q -f "$HERE/tool/pom.xml" compile dependency:build-classpath \
        -Dmdep.outputFile="$T/tool/classpath.txt" >"$LOGS/tool-build.log" 2>&1; then
      cat "$LOGS/tool-build.log" >&2
      die "the report tool does not build (log: $LOGS/tool-build.log)"
    fi
    touch "$stamp"
  fi
  TOOL_CP="$T/tool/classes:$(cat "$T/tool/classpath.txt")"
}
tool() { java -cp "$TOOL_CP" bench.realworld.RealWorld "$@"; }

# projects.tsv without comments and blank lines, selected by --only.
selected_projects() {
  local name rest
  grep -v -e '^#' -e '^[[:space:]]*$' "$HERE/projects.tsv" | while IFS=$'\t' read -r name rest; do
    if [[ -z $ONLY || ",$ONLY," == *",$name,"* ]]; then
      printf '%s\t%s\n' "$name" "$rest"
    fi
  done
}

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' <<<"$1"; }

# <dependency> elements for "G:A:V[:classifier]" items separated by commas ("-" = none).
dependency_xml() {
  local list=$1 item g a v c
  [[ $list == - || -z $list ]] && return 0
  IFS=, read -r -a items <<<"$list"
  for item in "${items[@]}"; do
    IFS=: read -r g a v c <<<"$item"
    [[ -n $g && -n $a && -n $v ]] || { echo "bad dependency '$item' (want G:A:V)" >&2; return 1; }
    printf '    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>' "$g" "$a" "$v"
    [[ -n $c ]] && printf '<classifier>%s</classifier>' "$c"
    printf '<scope>provided</scope></dependency>\n'
  done
}

# The work project of one code base: its sources are the artifact's -sources.jar (unpacked by
# maven-dependency-plugin into src/main/java, with the tsv's includes and excludes), compiled with
# maven-compiler-plugin against the artifact's own jar and its dependencies.
write_pom() {
  local dir=$1 name=$2 coords=$3 release=$4 deps=$5 includes=$6 excludes=$7 g a v
  IFS=: read -r g a v <<<"$coords"
  [[ -n $g && -n $a && -n $v ]] || { echo "bad coordinates '$coords' (want G:A:V)" >&2; return 1; }
  [[ $includes == - || -z $includes ]] && includes='**/*.java'
  local ex='META-INF/**,**/module-info.java'
  [[ $excludes != - && -n $excludes ]] && ex="$ex,$excludes"
  local depxml
  depxml=$(dependency_xml "$deps") || return 1
  cat >"$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by bench/realworld/run.sh from projects.tsv: $name -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.realworld</groupId>
  <artifactId>$name</artifactId>
  <version>0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.compiler.release>$release</maven.compiler.release>
  </properties>
  <dependencies>
    <!-- the artifact's own jar: a source file left out still resolves from it -->
    <dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version><scope>provided</scope></dependency>
$depxml
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
        <executions>
          <execution>
            <id>unpack-sources</id>
            <phase>initialize</phase>
            <goals><goal>unpack</goal></goals>
            <configuration>
              <artifactItems>
                <artifactItem>
                  <groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version>
                  <classifier>sources</classifier><type>jar</type>
                  <outputDirectory>\${project.basedir}/src/main/java</outputDirectory>
                  <includes>$(xml_escape "$includes")</includes>
                  <excludes>$(xml_escape "$ex")</excludes>
                </artifactItem>
              </artifactItems>
              <markersDirectory>\${project.basedir}/.markers</markersDirectory>
            </configuration>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.14.1</version>
        <configuration>
          <release>$release</release>
          <proc>none</proc>
          <showWarnings>false</showWarnings>
          <compilerArgs><arg>-nowarn</arg><arg>-Xlint:none</arg><arg>-Xmaxerrs</arg><arg>20</arg></compilerArgs>
        </configuration>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>3.3.1</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-clean-plugin</artifactId>
        <version>3.4.0</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
}

# Writes the status file of one code base: key=value lines the report reads.
status() {
  local file=$RESULTS/$1.status
  shift
  : >"$file"
  while [[ $# -gt 0 ]]; do
    local v=$2
    v=${v//$'\t'/ }
    printf '%s=%s\n' "$1" "${v//$'\n'/ }" >>"$file"
    shift 2
  done
}

# compile + leakguard:check of one work project; extra arguments go to Maven (-o)
check_build() {
  local W=$1
  shift
  "${MVN[@]}" "$@" -f "$W/pom.xml" clean compile "$PLUGIN:check" \
      -Dleakguard.engines="$ENGINES" -Dleakguard.failOnSeverity=never >"$W/build.log" 2>&1
}

FAILED=()
run_project() {
  local name=$1 coords=$2 release=$3 deps=$4 includes=$5 excludes=$6
  local W=$T/work/$name key t0 rc=0 off=() files=0 lines=0 dt err engines_line note=""
  key="$coords|$release|$deps|$includes|$excludes"
  if [[ ! -f $W/.key || $(cat "$W/.key") != "$key" ]]; then
    rm -rf "$W"
    mkdir -p "$W"
    if ! write_pom "$W" "$name" "$coords" "$release" "$deps" "$includes" "$excludes" 2>"$W/pom.err"; then
      status "$name" status setup-error error "$(cat "$W/pom.err")" seconds 0
      FAILED+=("$name (projects.tsv: $(cat "$W/pom.err"))")
      return 0
    fi
    echo "$key" >"$W/.key"
  fi
  rm -f "$RESULTS/$name.tsv" "$RESULTS/$name.sarif"
  # once everything a code base needs is in the private repository, run offline: nothing is downloaded again
  [[ -f $W/.fetched ]] && off=(-o)
  log "$name ($coords): compile + leakguard:check [$ENGINES]"
  t0=$(now)
  check_build "$W" "${off[@]}" || rc=$?
  if [[ ${#off[@]} -gt 0 ]] && grep -q 'offline mode' "$W/build.log"; then
    # something new is needed (another LeakGuard, Error Prone or SpotBugs version): fetch it once
    log "$name: something is missing from the private repository; running online"
    rc=0
    check_build "$W" || rc=$?
  fi
  dt=$(secs "$t0" "$(now)")
  cp "$W/build.log" "$LOGS/$name.log"
  if [[ -d $W/src/main/java ]]; then
    files=$(find "$W/src/main/java" -name '*.java' | wc -l)
    lines=$(find "$W/src/main/java" -name '*.java' -print0 | xargs -0 -r cat | wc -l)
  fi
  if [[ $rc != 0 ]]; then
    if grep -q 'maven-compiler-plugin.*:compile' "$W/build.log" && grep -q 'COMPILATION ERROR' "$W/build.log"; then
      err=$(grep -m1 -E '^\[ERROR\] .*\.java:\[[0-9]+' "$W/build.log" | sed -e 's/^\[ERROR\] //' -e "s#$W/src/main/java/##")
      status "$name" status compile-failed seconds "$dt" files "$files" lines "$lines" error "${err:-see $LOGS/$name.log}"
      log "$name: DOES NOT COMPILE: ${err:-see $LOGS/$name.log}"
      FAILED+=("$name (does not compile: ${err:-see log})")
    else
      err=$(grep -m1 -E '^\[ERROR\]' "$W/build.log" | sed -e 's/^\[ERROR\] //')
      status "$name" status build-failed seconds "$dt" files "$files" lines "$lines" error "${err:-see $LOGS/$name.log}"
      log "$name: BUILD FAILED: ${err:-see $LOGS/$name.log}"
      FAILED+=("$name (build failed: ${err:-see log})")
    fi
    return 0
  fi
  touch "$W/.fetched"
  if [[ ! -f $W/target/leakguard/leakguard.sarif ]]; then
    status "$name" status build-failed seconds "$dt" files "$files" lines "$lines" error "no SARIF report"
    FAILED+=("$name (no SARIF report)")
    return 0
  fi
  cp "$W/target/leakguard/leakguard.sarif" "$RESULTS/$name.sarif"
  # what the engines said about files they could not analyse (their findings may be incomplete)
  local nnotes
  nnotes=$(grep -c '^\[WARNING\] LeakGuard \[' "$W/build.log" || true)
  if [[ $nnotes -gt 0 ]]; then
    note="$nnotes engine note(s), the first: $(grep -m1 '^\[WARNING\] LeakGuard \[' "$W/build.log" | sed -e 's/^\[WARNING\] //' -e "s#[^ ]*/work/$name/src/main/java/##g")"
    log "$name: WARNING: $note"
  fi
  rc=0
  engines_line=$(tool extract "$name" "$W/target/leakguard/leakguard.sarif" "$ENGINES" "$RESULTS/$name.tsv") || rc=$?
  if [[ $rc == 3 ]]; then
    status "$name" status engine-missing seconds "$dt" files "$files" lines "$lines" engines "$engines_line" error "$engines_line" note "$note"
    log "$name: AN ENGINE DID NOT RUN: $engines_line"
    grep -E 'engine did not run|LeakGuard.*WARN|\[WARNING\] LeakGuard' "$W/build.log" | head -5 >&2 || true
    FAILED+=("$name (engine did not run: $engines_line)")
    return 0
  elif [[ $rc != 0 ]]; then
    status "$name" status build-failed seconds "$dt" files "$files" lines "$lines" error "cannot read the SARIF report"
    FAILED+=("$name (cannot read the SARIF report)")
    return 0
  fi
  status "$name" status ok seconds "$dt" files "$files" lines "$lines" engines "$engines_line" note "$note"
  log "$name: $(($(wc -l <"$RESULTS/$name.tsv") - 1)) findings, $files files, $lines lines, $dt s (engines: $engines_line)"
}

T_START=$(now)
LG_VERSION=$(lg_version)
[[ -n $LG_VERSION ]] || die "cannot read LeakGuard's version from $LG/pom.xml"
PLUGIN=dev.leakguard:leakguard-maven-plugin:$LG_VERSION
seed_m2
build_tool

mapfile -t PROJECTS < <(selected_projects)
if [[ -n $ONLY ]]; then
  IFS=, read -r -a wanted <<<"$ONLY"
  for w in "${wanted[@]}"; do
    printf '%s\n' "${PROJECTS[@]}" | cut -f1 | grep -qx -- "$w" || die "--only: no code base '$w' in projects.tsv"
  done
fi
[[ ${#PROJECTS[@]} -gt 0 ]] || die "no code base selected"

if [[ $NORUN == 0 ]]; then
  build_leakguard
  for p in "${PROJECTS[@]}"; do
    IFS=$'\t' read -r name coords release deps includes excludes <<<"$p"
    run_project "$name" "$coords" "$release" "${deps:--}" "${includes:--}" "${excludes:--}"
  done
  log "analysis wall time: $(secs "$T_START" "$(now)") s in total"
fi

rc=0
report_args=(report --projects "$HERE/projects.tsv" --results "$RESULTS" --verdicts "$HERE/verdicts.tsv" --known "$HERE/known.tsv")
[[ -n $ONLY ]] && report_args+=(--only "$ONLY")
[[ $CHECK == 1 ]] && report_args+=(--check)
tool "${report_args[@]}" || rc=$?
rmdir "$T/tmp" 2>/dev/null || true
if [[ ${#FAILED[@]} -gt 0 ]]; then
  echo >&2
  echo "run.sh: these code bases were not analysed completely:" >&2
  printf '  - %s\n' "${FAILED[@]}" >&2
  [[ $rc == 0 ]] && rc=3
fi
exit $rc
