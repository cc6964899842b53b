#!/bin/bash
# Time to first window: from starting an app to its first window larger than
# 50x50 existing on the X server (polled every 10 ms with xwininfo), for
# trixie's qt5ct (Qt 5), mousepad (GTK 3), zenity (GTK 4) and chromium-bsu
# (SDL 2 + OpenGL): unpacked in the trixie-apps test root, packed (onebin
# pack APP --root trixie-apps, default level) in that same root, so that the
# difference is onebin's, and packed in bullseye with a desktop's X
# libraries. Each is started through tests/roots/in-root.sh (a mount
# namespace and chroot, the same cost for every column). Median of RUNS warm
# runs after one not counted. Prints a Markdown table.
# Needs root and the test roots (tests/roots/build-roots.sh).
# Usage: bench/run-time-to-first-window.sh [BUILD_DIR] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
runs=${2:-7}
roots=$("$here/../tests/roots/build-roots.sh")
in_root=$here/../tests/roots/in-root.sh
work=$(mktemp -d)
exec 8> "$work/display"
Xvfb -displayfd 8 -screen 0 1024x768x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work" "$roots"/trixie-apps/onebin-bench-* "$roots"/bullseye-x11/onebin-bench-*' EXIT
for _ in $(seq 100); do [[ -s "$work/display" ]] && break; sleep 0.1; done
export DISPLAY=":$(head -n 1 "$work/display")" GSK_RENDERER=cairo  # GSK_RENDERER: see tests/e2e/packed-gtk4-*

declare -A program=([qt5ct]=/usr/bin/qt5ct [mousepad]=/usr/bin/mousepad [zenity]=/usr/bin/zenity [chromium-bsu]=/usr/games/chromium-bsu)
declare -A class=([qt5ct]=qt5ct [mousepad]=Mousepad [zenity]=zenity [chromium-bsu]=chromium-bsu)
declare -A args=([zenity]=--info)
apps=(qt5ct mousepad zenity chromium-bsu)

has_window() {  # CLASS
  xwininfo -root -tree 2>/dev/null | grep -F "\"$1\")" | grep -qE ' ([5-9][0-9]|[1-9][0-9]{2,})x([5-9][0-9]|[1-9][0-9]{2,})\+'
}

# One launch: ms from start to the window; the app is killed after.
first_window() {  # CLASS ROOT COMMAND...
  local class=$1 root=$2 start now pid
  start=$(date +%s%N)
  setsid "$in_root" "$root" "${@:3}" > /dev/null 2>&1 &
  pid=$!
  until has_window "$class"; do
    sleep 0.01
    (( $(date +%s%N) - start < 30000000000 )) || { kill -- -$pid; echo "no $class window after 30 s" >&2; exit 1; }
  done
  now=$(date +%s%N)
  kill -- -$pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  while has_window "$class"; do sleep 0.05; done
  echo $(( (now - start) / 1000000 ))
}

median_of() {  # CLASS ROOT COMMAND...: the median of $runs launches after one not counted
  first_window "$@" > /dev/null
  for _ in $(seq "$runs"); do first_window "$@"; done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo "| app | unpacked in trixie | packed, in trixie | packed, in bullseye | packed size |"
echo "|---|---|---|---|---|"
for app in "${apps[@]}"; do
  "$build/onebin" pack "$roots/trixie-apps${program[$app]}" -o "$work/$app.run" --root "$roots/trixie-apps" > /dev/null
  row="| $app | $(median_of "${class[$app]}" "$roots/trixie-apps" "${program[$app]}" ${args[$app]:-}) ms |"
  for root in trixie-apps bullseye-x11; do
    dir=$(mktemp -d "$roots/$root/onebin-bench-XXXXXX")
    cp "$work/$app.run" "$dir/"
    row+=" $(median_of "${class[$app]}" "$roots/$root" "/${dir##*/}/$app.run" ${args[$app]:-}) ms |"
  done
  echo "$row $(stat -c %s "$work/$app.run") |"
done
