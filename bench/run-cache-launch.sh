#!/bin/bash
# Launch time and memory held of game-like apps by size: a small program
# (the hello sample) and SIZE MB of data in files of 5 MB, about 55%
# compressible (each file 45% random bytes, 55% zeros), for each SIZE given
# (default 16 64 256); then the same program with 20,000 files of 1 KB. Columns: unpacked; packed, run from memory
# (--onebin-cache=never); packed, run from the cache once it holds the app
# (--onebin-cache=always, warm). The view in memory holds every file of the
# app (tmpfs pages) while it runs; the cached tree holds only page cache,
# which the kernel may drop. Medians of RUNS (default 10) runs by farm-bench. Prints a Markdown
# table. Usage: bench/run-cache-launch.sh [BUILD_DIR] [RUNS] [SIZE...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
runs=${2:-10}
sizes=("${@:3}")
(( ${#sizes[@]} )) || sizes=(16 64 256)
. "$here/workloads.sh"  # its data makers; this script's own files and cache are in $work below
work=$(mktemp -d /var/tmp/onebin-bench-cache-XXXXXX)
trap 'rm -rf "$work"' EXIT
median_ms() {  # COMMAND...: farm-bench's median wall time in ms
  farm-bench -n "$runs" --timeout 600 -- "$@" 2>&1 | awk '$1 == "A" && $2 == "wall" { printf "%.1f", $5 * 1000 }'
}
echo "| data | unpacked | packed, from memory | packed, from the cache (warm) | memory view while it runs |"
echo "|---|---|---|---|---|"
row() {  # NAME: times the app in $work/NAME and prints its row
  local app=$work/$1
  cp "$build/samples/hello/hello" "$app/bin/"
  "$build/onebin" pack "$app" -o "$app.run" --entry bin/hello --level 3 --quiet
  export HOME=$work/home-$1 XDG_CACHE_HOME=$work/home-$1/.cache
  mkdir -p "$HOME"
  "$app.run" --onebin-cache=always > /dev/null  # fills the cache
  local unpacked memory cached
  unpacked=$(median_ms "$app/bin/hello")
  memory=$(median_ms "$app.run" --onebin-cache=never)
  cached=$(median_ms "$app.run" --onebin-cache=always)
  echo "| $2 | $unpacked ms | $memory ms | $cached ms | $(du -sm "$app" | cut -f1) MB |"
}
for size in "${sizes[@]}"; do
  mkdir -p "$work/app-$size/bin"
  game_data "$work/app-$size" $(( size / 5 ))
  row "app-$size" "$size MB"
done
mkdir -p "$work/small-files/bin"
small_files_data "$work/small-files"
row small-files "20,000 files of 1 KB"
