#!/bin/bash
# Memory each way of shipping holds while the app runs, for the workloads of
# bench/run-startup-size.sh (run that first: it leaves the packed files and
# trees in $ONEBIN_BENCH_DIR). Each app is started so that it waits on its
# standard input; while it waits we read:
#   in tmpfs/memfds  growth of Shmem in /proc/meminfo: files kept in memory
#                    that the kernel cannot drop (onebin's view, memfds)
#   helpers          PSS of the processes the launcher keeps beside the app
#                    (onebin's watcher, the squashfuse daemon, makeself's shell)
#   app              PSS of the app's own processes
#   on disk          bytes the launcher extracted to disk (makeself's /tmp dir)
# Appends a table to bench/RESULTS.md. Needs root (FUSE mounts).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/workloads.sh"
runs=${RUNS:-3}
fifo=$work/held.fifo

declare -A wait_args=([small]="" [medium]="-c 'import sys; sys.stdin.read()'" [large]="-E -x c -"
                      [game]="data/part1 data/part2" [files]="")

commands() {  # NAME: tool, helper process names, command; tab-separated
  local tool cmd
  while IFS=$'\t' read -r tool cmd; do
    printf '%s\t%s\t%s\n' "$tool" "$(helpers "$1" "$tool")" "$cmd"
  done < <(launch_commands "$1" "${wait_args[$1]}")
}

helpers() {  # WORKLOAD TOOL: names of the processes the launcher keeps beside the app
  case $2 in
    onebin) echo "$1.run" | cut -c1-15 ;;  # the watcher keeps the stub's name
    squashfuse-*) echo squashfuse ;;
    makeself) echo "$1.makeself" | cut -c1-15 ;;
    *) echo - ;;
  esac
}

shmem_kb() { awk '/^Shmem:/ {print $2}' /proc/meminfo; }

pss_kb() {  # PROCESS_NAME...: summed PSS of the processes with these names
  local total=0 pid kb
  for pid in $(pgrep -x "$@" 2>/dev/null | sort -u); do
    kb=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo $total
}

pss_of_names() {  # NAME...: PSS summed over each name in turn
  local total=0 name
  for name in "$@"; do [ "$name" = - ] || total=$((total + $(pss_kb "$name"))); done
  echo $total
}

disk_kb() { du -sk /tmp/selfgz* 2>/dev/null | awk '{s += $1} END {print s + 0}'; }

# One run: starts COMMAND with stdin on a FIFO, waits until the app is up,
# samples, then closes the FIFO so the app exits. Prints
# "shmem helpers app disk" in KB.
held_once() {  # WORKLOAD HELPERS COMMAND
  local w=$1 helpers=$2 cmd=$3 before sample app name
  name=$(basename "${entry[$w]}")
  rm -f "$fifo"; mkfifo "$fifo"
  before=$(shmem_kb)
  HELLO_WAIT_STDIN=1 bash -c "$cmd" <"$fifo" >/dev/null 2>&1 &
  local job=$!
  exec 9>"$fifo"
  for _ in $(seq 600); do pgrep -x "$name" >/dev/null && break; sleep 0.05; done
  pgrep -x "$name" >/dev/null || { echo "$w: $name did not start: $cmd" >&2; exit 1; }
  sleep 1  # the app finishes starting and blocks on stdin
  app=$(pss_kb "$name")
  sample="$(($(shmem_kb) - before)) $(pss_of_names $helpers) $app $(disk_kb)"
  exec 9>&-
  wait $job || true
  wait_until_gone $helpers
  echo "$sample"
}

# The next run's Shmem baseline is only right once this run's helpers (onebin's
# watcher removing its view) have finished freeing what they held.
wait_until_gone() {  # PROCESS_NAME...
  local name
  for name in "$@"; do
    [ "$name" = - ] && continue
    for _ in $(seq 600); do pgrep -x "$name" >/dev/null || break; sleep 0.05; done
    if pgrep -x "$name" >/dev/null; then echo "$name still runs 30 s after the app exited" >&2; exit 1; fi
  done
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
mb() { python3 -c "print('%.1f' % ($1 / 1024))"; }

# Columns of one tool: the median of each over $runs runs.
held() {  # WORKLOAD HELPERS COMMAND
  local samples=() i col
  for i in $(seq "$runs"); do samples+=("$(held_once "$@")"); done
  for col in 1 2 3 4; do
    mb "$(printf '%s\n' "${samples[@]}" | cut -d' ' -f$col | median)"
  done | paste -sd' '
}

{
  echo
  echo "## Memory held while the app runs (MB, median of $runs runs)"
  echo
  echo "The app waits on its standard input (hello, game: HELLO_WAIT_STDIN=1; python3.11 -c 'sys.stdin.read()';"
  echo "clang -E -x c -). *In tmpfs/memfds* is what the kernel cannot drop under memory pressure (no swap"
  echo "here); page cache of squashfuse's files and of the unpacked tree is left out because the kernel"
  echo "can drop it. *Helpers*: PSS of the processes the launcher keeps beside the app. *App*: PSS of"
  echo "the app's processes. *On disk*: what the launcher extracted to disk."
  for w in "${workloads[@]}"; do
    echo
    echo "### $w"
    echo
    echo "| tool | in tmpfs/memfds | helpers | app | on disk |"
    echo "|---|---|---|---|---|"
    while IFS=$'\t' read -r tool helpers cmd; do
      echo "== $w: $tool" >&2
      columns=$(held "$w" "$helpers" "$cmd")
      read -r shmem helper app disk <<<"$columns"
      echo "| $tool | $shmem | $helper | $app | $disk |"
    done < <(commands "$w")
  done
} >> "$here/RESULTS.md"
rm -f "$fifo"
echo "appended to $here/RESULTS.md" >&2
