#!/bin/bash
# Time from execve to the first line of main, for the small and medium
# workloads of bench/run-startup-size.sh (run that first: it leaves the packed
# files and trees in $ONEBIN_BENCH_DIR). Appends a table to bench/RESULTS.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
work=${ONEBIN_BENCH_DIR:-/var/tmp/onebin-bench}
ttm=$build/bench/time_to_main
py_start='import time; print(time.monotonic_ns())'
mnt=$work/mnt-ttm
mkdir -p "$mnt"
row() { echo "| $1 | $2 | $3 |"; }
{
  echo
  echo "## Time from execve to main (median of 15 warm runs, ms)"
  echo
  echo "python's figure is to its first line of Python code, so it includes the interpreter's own start-up."
  echo
  echo "| tool | small (hello) | medium (python3.11) |"
  echo "|---|---|---|"
  row unpacked "$(HELLO_PRINT_START=1 "$ttm" "$work/small.tree/bin/hello")" \
    "$("$ttm" "$work/medium.tree/bin/python3.11" -c "$py_start")"
  row onebin "$(HELLO_PRINT_START=1 "$ttm" "$work/small.run")" "$("$ttm" "$work/medium.run" -c "$py_start")"
  for comp in zstd xz; do
    squashfuse "$work/small.sqfs-$comp" "$mnt"
    small=$(HELLO_PRINT_START=1 "$ttm" "$mnt/bin/hello"); fusermount -u "$mnt"
    squashfuse "$work/medium.sqfs-$comp" "$mnt"
    medium=$("$ttm" "$mnt/bin/python3.11" -c "$py_start"); fusermount -u "$mnt"
    row "squashfuse-$comp (already mounted)" "$small" "$medium"
  done
  row makeself "$(HELLO_PRINT_START=1 "$ttm" "$work/small.makeself" --quiet)" \
    "$("$ttm" "$work/medium.makeself" --quiet -- -c "$py_start")"
} >> "$here/RESULTS.md"
echo "appended to $here/RESULTS.md" >&2
