#!/usr/bin/env bash
# Throughput and memory of `leakguard scan` on real JDBC-heavy open-source code.
#
#   bash bench/source/run.sh              3 timed runs per thread count, median wall time
#   bash bench/source/run.sh --runs 5
#
# Fetches the -sources.jar of each code base from Maven Central (once), unpacks it into
# bench/source/target/src/, then scans everything with --threads 1 and with all cores through
# bin/leakguard (so with the launcher's JVM options) and prints a Markdown table.
# Target: >= 50,000 lines/s per core, and < 512 MB peak RSS for ~100 KLOC.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
repo="$(cd "$here/../.." && pwd -P)"
work="$here/target"
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$repo/pom.xml" | head -n 1
}

# code base name | Maven coordinates (the versions the rest of LeakGuard pins) | folders kept
codebases=(
  "hikaricp|com.zaxxer:HikariCP:$(pom_property hikaricp.version)|."
  "dbcp2|org.apache.commons:commons-dbcp2:2.14.0|."
  "dbutils|commons-dbutils:commons-dbutils:$(pom_property dbutils.version)|."
  "spring-jdbc|org.springframework:spring-jdbc:$(pom_property spring.version)|."
  "h2-jdbc|com.h2database:h2:$(pom_property h2.version)|org/h2/jdbc org/h2/jdbcx org/h2/tools"
)

mkdir -p "$work/jars" "$work/src"
for entry in "${codebases[@]}"; do
  IFS='|' read -r name gav keep <<<"$entry"
  IFS=':' read -r group artifact version <<<"$gav"
  jar="$work/jars/$artifact-$version-sources.jar"
  dest="$work/src/$name"
  if [ ! -f "$jar" ]; then
    echo "fetching $gav:sources" >&2
    (cd "$work" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=$gav:jar:sources" "-DoutputDirectory=$work/jars" 2>&1) \
      | sed -e $'s/\x1b\\[[0-9;]*m//g' >&2
  fi
  if [ ! -f "$dest/.unpacked-$version" ]; then
    rm -rf "$dest" "$work/unpack"
    mkdir -p "$dest" "$work/unpack"
    (cd "$work/unpack" && jar xf "$jar")
    for folder in $keep; do
      mkdir -p "$dest/$folder"
      cp -R "$work/unpack/$folder/." "$dest/$folder/"
    done
    rm -rf "$work/unpack"
    touch "$dest/.unpacked-$version"
  fi
done

# Build the scan jar if needed (the launcher does it), outside the timed runs.
"$repo/bin/leakguard" --version >&2

cores="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"
have_gnu_time=""
if /usr/bin/time -v true >/dev/null 2>&1; then
  have_gnu_time=yes
fi

# One run: prints "<wall ms> <peak RSS in KB> <exit code> <CPU ms (user+sys), or -1>".
measure() {
  local report="$1"; shift
  local start end status rss cpu=-1
  start="$(date +%s%N)"
  if [ -n "$have_gnu_time" ]; then
    set +e
    /usr/bin/time -v -o "$work/time.txt" "$repo/bin/leakguard" "$@" >/dev/null 2>"$work/stderr.txt"
    status=$?
    set -e
    end="$(date +%s%N)"
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$work/time.txt")"
    cpu="$(awk -F': *' '/User time \(seconds\)|System time \(seconds\)/ {t += $2} END {printf "%d", t * 1000}' "$work/time.txt")"
  else
    # No GNU time: watch the process's high-water mark (VmHWM) until it exits.
    "$repo/bin/leakguard" "$@" >/dev/null 2>"$work/stderr.txt" &
    local pid=$! hwm
    rss=0
    while kill -0 "$pid" 2>/dev/null; do
      hwm="$(sed -n 's/^VmHWM: *\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null || true)"
      if [ -n "$hwm" ] && [ "$hwm" -gt "$rss" ]; then rss="$hwm"; fi
      sleep 0.05
    done
    set +e
    wait "$pid"
    status=$?
    set -e
    end="$(date +%s%N)"
  fi
  if [ "$status" -ge 2 ]; then
    echo "run.sh: the scan failed (exit $status):" >&2
    cat "$work/stderr.txt" >&2
    exit 1
  fi
  echo "$(( (end - start) / 1000000 )) $rss $status $cpu"
}

json_number() {
  sed -n "s/.*\"$1\" *: *\([0-9]*\).*/\1/p" "$2" | tail -n 1
}

results=()
# one untimed run: the files into the page cache
measure "$work/warmup.json" scan --root "$work/src" --threads "$cores" -f json -o "$work/warmup.json" "$work/src" >/dev/null
for threads in 1 "$cores"; do
  walls=()
  cpus=()
  peak=0
  for i in $(seq 1 "$runs"); do
    report="$work/report-t$threads.json"
    read -r ms rss status cpu <<<"$(measure "$report" scan --root "$work/src" --threads "$threads" -f json -o "$report" "$work/src")"
    walls+=("$ms")
    cpus+=("$cpu")
    if [ "$rss" -gt "$peak" ]; then peak="$rss"; fi
  done
  median="$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  cpu_median="$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  files="$(json_number files "$work/report-t$threads.json")"
  lines="$(json_number lines "$work/report-t$threads.json")"
  findings="$(json_number findings "$work/report-t$threads.json")"
  results+=("$threads $files $lines $median $peak $findings $cpu_median")
done

# One expression with a long chain of calls (generated builder and DSL code): the time must grow
# linearly with the chain. Each size is one new JVM, so start-up is included.
chain_rows=()
for n in 1000 10000; do
  mkdir -p "$work/chain-$n"
  awk -v n="$n" 'BEGIN {
    printf "class Chain%d {\n  String build() {\n    return new StringBuilder()", n
    for (i = 0; i < n; i++) printf ".append(%d)", i
    print ".toString();\n  }\n}"
  }' > "$work/chain-$n/Chain$n.java"
  read -r ms rss status cpu <<<"$(measure "$work/chain-$n.json" scan -f json -o "$work/chain-$n.json" "$work/chain-$n")"
  skipped="$(json_number skipped "$work/chain-$n.json")"
  chain_rows+=("$n $ms $rss ${skipped:-0}")
done

echo
echo "LeakGuard $("$repo/bin/leakguard" --version 2>/dev/null | head -n 1 | sed 's/^LeakGuard //'),"\
  "$(java -version 2>&1 | head -n 1), $cores cores, median of $runs runs"
echo
echo "| threads | files | lines | findings | wall time | lines/s | lines/s per core | CPU time | lines per CPU-second | peak RSS |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for r in "${results[@]}"; do
  read -r threads files lines ms peak findings cpu <<<"$r"
  awk -v t="$threads" -v f="$files" -v l="$lines" -v ms="$ms" -v kb="$peak" -v n="$findings" -v cpu="$cpu" 'BEGIN {
    s = ms / 1000.0; lps = l / s;
    cs = (cpu < 0) ? "n/a" : sprintf("%.2f s", cpu / 1000.0);
    lpc = (cpu <= 0) ? "n/a" : sprintf("%.0f", l / (cpu / 1000.0));
    printf "| %d | %d | %d | %d | %.2f s | %.0f | %.0f | %s | %s | %.0f MB |\n", t, f, l, n, s, lps, lps / t, cs, lpc, kb / 1024.0
  }'
done
echo
echo "Per code base: $(for e in "${codebases[@]}"; do IFS='|' read -r n g k <<<"$e"; printf '%s=%s ' "$n" "$g"; done)"
echo "Targets: >= 50000 lines/s per core; < 512 MB peak RSS."
echo
echo "| chained calls in one expression | wall time (JVM start-up included) | peak RSS | skipped files | target |"
echo "|---:|---:|---:|---:|---|"
for r in "${chain_rows[@]}"; do
  read -r n ms rss skipped <<<"$r"
  awk -v n="$n" -v ms="$ms" -v kb="$rss" -v sk="$skipped" 'BEGIN {
    printf "| %d | %.2f s | %.0f MB | %d | %s |\n", n, ms / 1000.0, kb / 1024.0, sk, (n == 10000 ? "< 1 s, analysed (0 skipped)" : "")
  }'
done
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a) (other work on the machine inflates wall times; CPU time is the steadier measure)"
