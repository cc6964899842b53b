#!/bin/bash
# Time from execve of the launcher to the first instruction of the app's main
# (build/bench/time_to_main), warm and cold, for the workloads of
# bench/run-startup-size.sh (run that first: it leaves the packed files and
# trees in $ONEBIN_BENCH_DIR). Appends two tables to bench/RESULTS.md.
# Needs root (drops the page cache, mounts with FUSE).
# Usage: bench/run-time-to-main.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
. "$here/workloads.sh"
ttm=$build/bench/time_to_main
tools=(unpacked onebin squashfuse-zstd squashfuse-xz makeself)

time_to_main() {  # WORKLOAD TOOL [--cold]
  local w=$1 tool=$2 cmd run=()
  cmd=$(launch_commands "$w" "${args[$w]}" | awk -F'\t' -v t="$tool" '$1 == t {print $2}')
  [[ $cmd ]] || { echo -; return; }  # not measured for this workload (no_makeself)
  read -ra run <<<"$cmd"
  needs_shell "$cmd" && run=(sh -c "$cmd")
  "$ttm" ${3:-} "$(basename "${entry[$w]}")" "${run[@]}"
}

table() {  # TITLE [--cold]
  local tool w row
  echo
  echo "## Time from execve to main in ms, $1"
  echo
  echo "| tool |$(for w in "${workloads[@]}"; do printf ' %s (%s) |' "$w" "$(basename "${entry[$w]}")"; done)"
  echo "|---|$(for w in "${workloads[@]}"; do printf -- '---|'; done)"
  for tool in "${tools[@]}"; do
    row="| $tool |"
    for w in "${workloads[@]}"; do
      echo "== time to main $1: $w: $tool" >&2
      row+=" $(time_to_main "$w" "$tool" ${2:-}) |"
    done
    echo "$row"
  done
}

{
  echo
  echo "From the launcher's execve to the first instruction of the app's main, noted by a preloaded"
  echo "library that wraps \`__libc_start_main\` (\`bench/main_clock.c\`): after the loader and the"
  echo "app's constructors, before any of main's own work. squashfuse's figures include mounting."
  table "warm page cache (median of 15 runs after a warm-up)"
  table "cold page cache (median of 5 runs, page cache dropped before each)" --cold
} >> "$here/RESULTS.md"
echo "appended to $here/RESULTS.md" >&2
