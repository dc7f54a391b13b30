#!/usr/bin/env bash
# `leakguard scan` at scale: a whole JDK's sources (src.zip), and optionally hibernate-core's.
#
#   bash bench/source/scale.sh                      the JDK's src.zip, every module
#   bash bench/source/scale.sh --hibernate          ... then hibernate-core 7.4.16.Final's sources
#   bash bench/source/scale.sh --modules java.base,java.sql --no-retained
#
# Options:
#   --src-zip PATH      the src.zip to scan (default: $JAVA_HOME/lib/src.zip, or the lib/src.zip of
#                       the java on PATH, if it is a real file; else Temurin 25's)
#   --modules a,b       scan only these modules of the src.zip (default: all of them)
#   --hibernate         also scan hibernate-core's -sources.jar (fetched from Maven Central once)
#   --skip-jdk          do not scan the src.zip (with --hibernate: hibernate-core only)
#   --threads N         default: the number of cores
#   --xmx SIZE          heap limit of the scan (default: 2g)
#   --timeout S         stop a scan after S seconds (default: 1200) and report how far it got
#   --no-retained       skip the second, sampled run that measures the live heap
#   --sample-every S    seconds between two live-heap samples of that run (default: 5)
#
# Each scan is one JVM with the launcher's JVM options (bin/leakguard), -Xmx2g and a GC log:
#   java <launcher options> -Xmx2g -Xlog:gc:file=target/scale-NAME.gc.log -jar <all jar>
#        scan --root DIR --threads N -f json -o target/scale-NAME.json DIR
# measured with GNU /usr/bin/time -v (wall, CPU, peak RSS), then, unless --no-retained, once more
# with `jcmd <pid> GC.class_histogram` every --sample-every seconds (each sample is a full
# collection, so that run is not timed): the largest live heap seen, per line scanned.
# Prints one Markdown table per code base, each figure next to its target.
# Everything it writes goes under bench/source/target/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
repo="$(cd "$here/../.." && pwd -P)"
work="$here/target"

src_zip=""
modules=""
hibernate=""
skip_jdk=""
threads=""
xmx="2g"
limit=1200
retained=yes
sample_every=5
hibernate_gav="org.hibernate.orm:hibernate-core:7.4.16.Final"
while [ $# -gt 0 ]; do
  case "$1" in
    --src-zip) src_zip="$2"; shift 2 ;;
    --modules) modules="$2"; shift 2 ;;
    --hibernate) hibernate=yes; shift ;;
    --skip-jdk) skip_jdk=yes; shift ;;
    --threads) threads="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    --timeout) limit="$2"; shift 2 ;;
    --no-retained) retained=""; shift ;;
    --sample-every) sample_every="$2"; shift 2 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "scale.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -n "$skip_jdk" ] && [ -z "$hibernate" ]; then
  echo "scale.sh: --skip-jdk without --hibernate leaves nothing to scan" >&2
  exit 2
fi

mkdir -p "$work/tmp" "$work/jars"
# The JVMs' temporary files (and jcmd's attach file, made in the target's working directory) stay here.
cd "$work"

# --- the JDK that runs the scans, and the src.zip ---------------------------------------------
java="java"
java_home="${JAVA_HOME:-}"
if [ -n "$java_home" ]; then
  java="$java_home/bin/java"
elif command -v java >/dev/null 2>&1; then
  java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
jcmd="jcmd"
if [ -x "$(dirname "$(command -v "$java")")/jcmd" ]; then
  jcmd="$(dirname "$(command -v "$java")")/jcmd"
fi
if [ -z "$skip_jdk" ] && [ -z "$src_zip" ]; then
  # -f follows a symbolic link: a dangling one (Debian's JDK without its source package) is not taken.
  if [ -n "$java_home" ] && [ -f "$java_home/lib/src.zip" ]; then
    src_zip="$java_home/lib/src.zip"
  else
    src_zip="/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip"
  fi
fi
if [ -z "$skip_jdk" ] && [ ! -f "$src_zip" ]; then
  echo "scale.sh: no src.zip at $src_zip (use --src-zip PATH)" >&2
  exit 2
fi

unpack() { # zip or jar, destination folder
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$1" -d "$2"
  else
    (cd "$2" && jar xf "$1")
  fi
}

jdk_src="$work/jdk-src"
jdk_paths=()
if [ -z "$skip_jdk" ]; then
  stamp="$(readlink -f "$src_zip") $(stat -L -c '%s %Y' "$src_zip")"
  if [ ! -f "$jdk_src/.unpacked" ] || [ "$(cat "$jdk_src/.unpacked")" != "$stamp" ]; then
    echo "unpacking $src_zip into $jdk_src" >&2
    rm -rf "$jdk_src"
    mkdir -p "$jdk_src"
    unpack "$(readlink -f "$src_zip")" "$jdk_src"
    echo "$stamp" > "$jdk_src/.unpacked"
  fi
  if [ -n "$modules" ]; then
    IFS=',' read -r -a wanted <<<"$modules"
    for m in "${wanted[@]}"; do
      if [ ! -d "$jdk_src/$m" ]; then
        echo "scale.sh: no module $m in $src_zip" >&2
        exit 2
      fi
      jdk_paths+=("$jdk_src/$m")
    done
  else
    jdk_paths=("$jdk_src")
  fi
fi

hib_src="$work/hibernate-src"
if [ -n "$hibernate" ]; then
  IFS=':' read -r group artifact version <<<"$hibernate_gav"
  jar="$work/jars/$artifact-$version-sources.jar"
  if [ ! -f "$jar" ]; then
    echo "fetching $hibernate_gav:jar:sources" >&2
    offline=""
    if [ -f "$HOME/.m2/repository/${group//.//}/$artifact/$version/$artifact-$version-sources.jar" ]; then
      offline="-o"
    fi
    MAVEN_OPTS="${MAVEN_OPTS:-} -Djava.io.tmpdir=$work/tmp" \
      mvn -q -B $offline org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=$hibernate_gav:jar:sources" "-DoutputDirectory=$work/jars" 2>&1 \
      | sed -e $'s/\x1b\\[[0-9;]*m//g' >&2
    [ -f "$jar" ] || { echo "scale.sh: could not fetch $hibernate_gav:jar:sources" >&2; exit 1; }
  fi
  if [ ! -f "$hib_src/.unpacked-$version" ]; then
    rm -rf "$hib_src"
    mkdir -p "$hib_src"
    unpack "$jar" "$hib_src"
    touch "$hib_src/.unpacked-$version"
  fi
fi

# --- the scan jar and the launcher's JVM options ------------------------------------------------
"$repo/bin/leakguard" --version >&2
scan_jar="$(ls -t "$repo"/checker/source/target/leakguard-source-*-all.jar | head -n 1)"
launcher_opts="$(sed -n 's/.*LEAKGUARD_JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$repo/bin/leakguard" | tail -n 1)"
jvm_opts="${LEAKGUARD_JAVA_OPTS:-$launcher_opts}"
cores="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"
threads="${threads:-$cores}"
have_gnu_time=""
if /usr/bin/time -v true >/dev/null 2>&1; then
  have_gnu_time=yes
fi

# The java process under `time` and `timeout` (the first descendant named java).
java_pid() {
  local queue=("$1") p c
  while [ ${#queue[@]} -gt 0 ]; do
    p="${queue[0]}"
    queue=("${queue[@]:1}")
    if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = "java" ]; then
      echo "$p"
      return
    fi
    for c in $(cat "/proc/$p/task/$p/children" 2>/dev/null); do queue+=("$c"); done
  done
}

json_number() { # key, file: the last "key": N (the summary comes last)
  sed -n "s/.*\"$1\" *: *\([0-9][0-9]*\).*/\1/p" "$2" 2>/dev/null | tail -n 1 || true
}

# One scan. Writes target/scale-TAG.{json,gc.log,stderr,time,cmd,figures}; with sample=yes also
# target/scale-TAG.histo.txt (the largest live-heap sample).
# Lines of the *.java files under the paths (wc -l; the engine counts a little differently).
wc_lines() {
  find "$@" -name '*.java' -type f -print0 | xargs -0 cat | wc -l
}

scan() { # tag, sample (yes or ""), root, paths...
  local tag="$1" sample="$2" root="$3"
  shift 3
  local report="$work/scale-$tag.json" gclog="$work/scale-$tag.gc.log" err="$work/scale-$tag.stderr"
  local timef="$work/scale-$tag.time" figures="$work/scale-$tag.figures"
  rm -f "$report" "$gclog" "$err" "$timef" "$figures" "$work/scale-$tag.histo.txt"
  # shellcheck disable=SC2206 # a list of options
  local cmd=("$java" $jvm_opts "-Xmx$xmx" "-Xlog:gc:file=$gclog" "-Djava.io.tmpdir=$work/tmp"
    -jar "$scan_jar" scan --root "$root" --threads "$threads" -f json -o "$report" "$@")
  printf '%q ' "${cmd[@]}" > "$work/scale-$tag.cmd"
  echo >> "$work/scale-$tag.cmd"
  echo "scan $tag: $(cat "$work/scale-$tag.cmd")" >&2
  local load_before start end status pid jpid rss=0 cpu=-1 hwm max_live=0 max_live_at="" samples=0
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  start="$(date +%s%N)"
  if [ -n "$have_gnu_time" ]; then
    /usr/bin/time -v -o "$timef" timeout --signal=TERM --kill-after=30 "$limit" "${cmd[@]}" \
      >/dev/null 2>"$err" &
  else
    timeout --signal=TERM --kill-after=30 "$limit" "${cmd[@]}" >/dev/null 2>"$err" &
  fi
  pid=$!
  local next=$((start / 1000000000 + sample_every)) now t total
  # Timed run with GNU time: nothing else runs beside the scan.
  while { [ -n "$sample" ] || [ -z "$have_gnu_time" ]; } && kill -0 "$pid" 2>/dev/null; do
    jpid="$(java_pid "$pid")"
    if [ -z "$have_gnu_time" ] && [ -n "$jpid" ]; then
      hwm="$(sed -n 's/^VmHWM: *\([0-9]*\) kB/\1/p' "/proc/$jpid/status" 2>/dev/null || true)"
      if [ -n "$hwm" ] && [ "$hwm" -gt "$rss" ]; then rss="$hwm"; fi
    fi
    now="$(date +%s)"
    if [ -n "$sample" ] && [ -n "$jpid" ] && [ "$now" -ge "$next" ]; then
      # A live-object histogram: a full collection first, then the objects still reachable.
      if "$jcmd" "$jpid" GC.class_histogram > "$work/scale-$tag.histo.tmp" 2>/dev/null; then
        total="$(awk '/^Total/ {print $3}' "$work/scale-$tag.histo.tmp")"
        if [ -n "$total" ]; then
          samples=$((samples + 1))
          if [ "$total" -gt "$max_live" ]; then
            max_live="$total"
            t=$(( ($(date +%s%N) - start) / 1000000000 ))
            max_live_at="$(grep -E '^leakguard: (indexing|tracing callers|scanned) ' "$err" | tail -n 1 | sed 's/^leakguard: //' || true)"
            max_live_at="$t s after the start (last progress line then: ${max_live_at:-none yet})"
            cp "$work/scale-$tag.histo.tmp" "$work/scale-$tag.histo.txt"
          fi
        fi
      fi
      next=$(( $(date +%s) + sample_every ))
    fi
    sleep 0.2
  done
  set +e
  wait "$pid"
  status=$?
  set -e
  end="$(date +%s%N)"
  rm -f "$work/scale-$tag.histo.tmp" "$work"/.attach_pid*
  if [ -n "$have_gnu_time" ]; then
    status="$(sed -n 's/.*Exit status: *//p' "$timef")"
    status="${status:-255}"
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$timef")"
    cpu="$(awk -F': *' '/User time \(seconds\)|System time \(seconds\)/ {t += $2} END {printf "%d", t * 1000}' "$timef")"
  fi
  # GC log: "[12.345s][info][gc] GC(7) Pause Full (Allocation Failure) 1900M->1500M(1990M) 2345.678ms".
  # Full collections that jcmd asked for (Heap Inspection) are counted apart.
  local gc
  gc="$(awk '
    /Pause/ && match($0, /[0-9.]+ms$/) { ms = substr($0, RSTART, RLENGTH - 2) + 0; all += ms; pauses++
      if ($0 ~ /Pause Full/) {
        if ($0 ~ /Heap Inspection|Diagnostic Command/) { asked++; askedms += ms }
        else {
          full++; fullms += ms
          if (first == "" && match($0, /^\[[0-9.]+s\]/)) first = substr($0, 2, RLENGTH - 3) + 0
          if (match($0, /M\([0-9]+M\)/)) { cap = substr($0, RSTART + 2, RLENGTH - 4) + 0; caps[full] = cap; if (cap > maxcap) maxcap = cap }
          if (match($0, /->[0-9]+M/)) {
            after = substr($0, RSTART + 2, RLENGTH - 3) + 0
            if (after > maxafter) maxafter = after
            if (minafter == "" || after < minafter) minafter = after
          }
        }
      }
    }
    END { for (i in caps) if (caps[i] == maxcap) atlimit++
          printf "%d %.0f %d %.0f %d %.0f %d %d %s %d", full, fullms, asked, askedms, pauses, all, maxafter, minafter, (first == "" ? "-" : first), atlimit }' "$gclog" 2>/dev/null || echo "0 0 0 0 0 0 0 0 - 0")"
  local full fullms asked askedms pauses pausems maxafter minafter firstfull atlimit
  read -r full fullms asked askedms pauses pausems maxafter minafter firstfull atlimit <<<"$gc"
  local files lines skipped findings oom progress
  files="$(json_number files "$report")"
  lines="$(json_number lines "$report")"
  skipped="$(json_number skipped "$report")"
  findings="$(json_number findings "$report")"
  oom="$(cat "$err" "$report" 2>/dev/null | grep -c 'OutOfMemoryError' || true)"
  progress="$(grep -E '^leakguard: (indexing|tracing callers|scanned) ' "$err" | tail -n 1 | sed 's/^leakguard: //' || true)"
  if [ -f "$report" ]; then
    # why files were skipped, most frequent first
    grep -o '"reason" *: *"[^"]*"' "$report" | sed 's/"reason" *: *"//; s/"$//' | cut -c1-80 \
      | sort | uniq -c | sort -rn > "$work/scale-$tag.skipped.txt" || true
  fi
  {
    echo "tag=$tag"
    echo "status=$status"
    echo "wall_ms=$(( (end - start) / 1000000 ))"
    echo "cpu_ms=$cpu"
    echo "rss_kb=$rss"
    echo "files=${files:-}"
    echo "lines=${lines:-}"
    echo "skipped=${skipped:-}"
    echo "findings=${findings:-}"
    echo "full=$full"
    echo "full_ms=$fullms"
    echo "asked=$asked"
    echo "asked_ms=$askedms"
    echo "pauses=$pauses"
    echo "pause_ms=$pausems"
    echo "max_after_full_mb=$maxafter"
    echo "min_after_full_mb=$minafter"
    echo "first_full_s=$firstfull"
    echo "full_at_limit=$atlimit"
    echo "oom=$oom"
    echo "max_live=$max_live"
    echo "max_live_at=$max_live_at"
    echo "samples=$samples"
    echo "progress=$progress"
    echo "load_before=$load_before"
    echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "java_files=$(find "$@" -name '*.java' -type f | wc -l)"
    echo "wc_lines=$(wc_lines "$@")"
  } > "$figures"
  if [ "$status" = 2 ]; then
    echo "scale.sh: the scan exited with 2 (usage error):" >&2
    cat "$err" >&2
    exit 1
  fi
}

get() { sed -n "s/^$1=//p" "$2"; }

# The timed run finished (exit 0 or 1, with a report).
finished() {
  case "$(get status "$1")" in 0|1) [ -n "$(get lines "$1")" ] ;; *) return 1 ;; esac
}

table() { # name, timed figures, sampled figures (may be absent), wall-time target in s (or "")
  local name="$1" f="$2" s="$3" wall_target="$4"
  local status wall cpu rss files lines skipped findings full fullms pauses pausems oom progress
  status="$(get status "$f")"; wall="$(get wall_ms "$f")"; cpu="$(get cpu_ms "$f")"; rss="$(get rss_kb "$f")"
  files="$(get files "$f")"; lines="$(get lines "$f")"; skipped="$(get skipped "$f")"
  findings="$(get findings "$f")"; full="$(get full "$f")"; fullms="$(get full_ms "$f")"
  pauses="$(get pauses "$f")"; pausems="$(get pause_ms "$f")"; oom="$(get oom "$f")"
  progress="$(get progress "$f")"
  local live="" live_at="" samples="" lines_s="" status_s=""
  if [ -n "$s" ] && [ -f "$s" ]; then
    live="$(get max_live "$s")"; live_at="$(get max_live_at "$s")"; samples="$(get samples "$s")"
    lines_s="$(get lines "$s")"; status_s="$(get status "$s")"
  fi
  echo
  echo "### $name"
  echo
  if [ -n "$lines" ]; then
    echo "Exit status $status; report: $files files, $lines lines, $findings findings, $skipped skipped;" \
      "load average $(get load_before "$f") before, $(get load_after "$f") after."
  else
    echo "Exit status $status, no report; load average $(get load_before "$f") before," \
      "$(get load_after "$f") after."
  fi
  echo "The tree: $(get java_files "$f") .java files, $(get wc_lines "$f") lines (wc -l)."
  if [ "$status" = 124 ] || [ "$status" = 137 ]; then
    echo "**Stopped after the --timeout of $limit s**, $(if [ -n "$progress" ]; then echo "at: $progress"; else echo "before its first progress line (one every ten seconds, in every pass)"; fi)."
  elif [ "$status" != 0 ] && [ "$status" != 1 ]; then
    echo "**The scan failed (exit $status)**: see target/scale-$(get tag "$f").stderr."
  fi
  if [ "$(get full "$f")" -gt 0 ]; then
    echo "Full GCs from $(get first_full_s "$f") s on, $(get full_at_limit "$f") of $(get full "$f") with the heap already grown to its largest" \
      "size (the others grew it); heap after a full GC between $(get min_after_full_mb "$f") MB and $(get max_after_full_mb "$f") MB."
  fi
  if [ -n "$retained" ] && [ ! -f "${s:-/nonexistent}" ]; then
    echo "No sampled run: the timed run did not finish, so the live heap would only show the -Xmx limit."
  fi
  echo
  echo "| figure | value | target | met |"
  echo "|---|---:|---|---|"
  awk -v st="$status" -v wall="$wall" -v cpu="$cpu" -v rss="$rss" -v lines="$lines" -v sk="$skipped" \
      -v full="$full" -v fullms="$fullms" -v pauses="$pauses" -v pausems="$pausems" -v oom="$oom" \
      -v wt="$wall_target" -v th="$threads" -v xmx="$xmx" -v live="$live" -v samples="$samples" \
      -v lines_s="$lines_s" -v st_s="$status_s" -v limit="$limit" 'BEGIN {
    done = (st == 0 || st == 1) && lines != "";
    s = wall / 1000.0
    yn = "";
    if (wt != "") yn = (done && s <= wt) ? "yes" : "no";
    printf "| wall time | %.1f s | %s | %s |\n", s, (wt != "" ? "<= " wt " s" : "-"), yn
    if (cpu >= 0) printf "| CPU time (user + system) | %.1f s | - | |\n", cpu / 1000.0
    else printf "| CPU time | n/a | - | |\n"
    fits = done && oom == 0
    printf "| peak RSS | %.0f MB | -Xmx%s fits (no OutOfMemoryError, scan completes) | %s |\n", rss / 1024.0, xmx, (fits ? "yes" : "no")
    printf "| lines | %s | - | |\n", (lines == "" ? "n/a (no report)" : lines)
    if (done) {
      lps = lines / s
      printf "| lines/s | %.0f (%.0f per thread, %d threads) | >= %d (50,000 per core) | %s |\n", lps, lps / th, th, 50000 * th, (lps >= 50000 * th ? "yes" : "no")
      if (cpu > 0) printf "| lines per CPU-second | %.0f | >= 50,000 | %s |\n", lines / (cpu / 1000.0), (lines / (cpu / 1000.0) >= 50000 ? "yes" : "no")
    } else {
      printf "| lines/s | n/a | >= %d | no |\n", 50000 * th
    }
    printf "| files skipped | %s | - | |\n", (sk == "" ? "n/a" : sk)
    share = (wall > 0) ? 100.0 * fullms / wall : 0
    printf "| full GCs | %d, %.1f s (%.1f %% of wall time) | no full-GC storm (< 5 %% of wall time) | %s |\n", full, fullms / 1000.0, share, (share < 5 ? "yes" : "no")
    printf "| all GC pauses | %d, %.1f s | - | |\n", pauses, pausems / 1000.0
    if (live != "" && live > 0 && lines_s != "" && lines_s > 0) {
      kb = live / 1024.0 / lines_s
      printf "| largest live heap (%d samples) | %.0f MB, %.2f KB per line | <= 0.5 KB per line | %s |\n", samples, live / 1048576.0, kb, (kb <= 0.5 ? "yes" : "no")
    } else if (live != "" && live > 0) {
      printf "| largest live heap (%d samples) | %.0f MB (the sampled run did not finish: exit %s) | <= 0.5 KB per line | no |\n", samples, live / 1048576.0, st_s
    } else {
      printf "| live heap | not measured | <= 0.5 KB per line | |\n"
    }
  }'
  if [ -n "$live_at" ]; then
    echo
    echo "Largest live-heap sample $live_at; its histogram: target/$(basename "${s%.figures}").histo.txt."
  fi
}

rm -f "$work"/scale-jdk* "$work"/scale-hibernate*
if [ -z "$skip_jdk" ]; then
  scan jdk "" "$jdk_src" "${jdk_paths[@]}"
  if [ -n "$retained" ] && finished "$work/scale-jdk.figures"; then
    scan jdk-retained yes "$jdk_src" "${jdk_paths[@]}"
  fi
fi
if [ -n "$hibernate" ]; then
  scan hibernate "" "$hib_src" "$hib_src"
  if [ -n "$retained" ] && finished "$work/scale-hibernate.figures"; then
    scan hibernate-retained yes "$hib_src" "$hib_src"
  fi
fi

echo
echo "LeakGuard $("$repo/bin/leakguard" --version 2>/dev/null | head -n 1 | sed 's/^LeakGuard //')," \
  "$("$java" -version 2>&1 | head -n 1), $cores cores, $threads threads, -Xmx$xmx," \
  "JVM options: $jvm_opts; $(date -u '+%Y-%m-%d %H:%M UTC')"
if [ -z "$skip_jdk" ]; then
  what="all modules"
  [ -n "$modules" ] && what="modules $modules"
  table "JDK sources: $src_zip ($what)" "$work/scale-jdk.figures" \
    "$([ -n "$retained" ] && [ -f "$work/scale-jdk-retained.figures" ] && echo "$work/scale-jdk-retained.figures")" 120
fi
if [ -n "$hibernate" ]; then
  table "hibernate-core sources: $hibernate_gav (no class path)" "$work/scale-hibernate.figures" \
    "$([ -n "$retained" ] && [ -f "$work/scale-hibernate-retained.figures" ] && echo "$work/scale-hibernate-retained.figures")" ""
fi
echo
echo "Wall time, CPU time and peak RSS: the timed run (GNU time). Live heap: a second run, sampled"
echo "with jcmd GC.class_histogram every $sample_every s (each sample is a full collection; those are"
echo "not counted above). Other work on the machine inflates wall times; CPU time is steadier."
echo "Details: bench/source/target/scale-*.{gc.log,stderr,skipped.txt,histo.txt,cmd}."
