#!/usr/bin/env bash
# Scores the source engine on a public set of real JDBC leak fixes: bench/leakfixes/README.md.
#   bash bench/leakfixes/run.sh DATASET_DIR [--list]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
repo="$(cd "$here/../.." && pwd -P)"
if [ $# -lt 1 ] || [ ! -f "$1/JLeaks.csv" ]; then
  echo "usage: bench/leakfixes/run.sh DATASET_DIR [--list]  (DATASET_DIR holds JLeaks.csv and JLeaksDataset/)" >&2
  exit 2
fi
data="$(cd "$1" && pwd -P)"
shift
"$repo/bin/leakguard" --version >/dev/null # builds the scan jar when it is missing or stale
jar="$(ls -t "$repo"/checker/source/target/leakguard-source-*-all.jar | head -n 1)"
work="$here/target/work"
rm -rf "$work"
mkdir -p "$work"
java -Xss512m -cp "$jar" "$here/LeakFixes.java" "$data" "${1:-}" "$work"
