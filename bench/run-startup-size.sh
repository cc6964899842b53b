#!/bin/bash
# Start-up, size, pack time and memory of onebin against squashfs + squashfuse
# (what an AppImage does), makeself and zstd's own decoder, on three workloads,
# side by side in one run. Writes bench/RESULTS.md. Needs root (drops the page
# cache for cold runs, mounts with FUSE). Workloads: bench/workloads.sh.
# Usage: bench/run-startup-size.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
onebin=$build/onebin
. "$here/workloads.sh"
results=$here/RESULTS.md
runs=${RUNS:-7}
rm -rf "$work" && mkdir -p "$work"
for tool in hyperfine mksquashfs squashfuse makeself zstd python3; do
  command -v $tool >/dev/null || { echo "missing $tool (scripts/install-deps --bench installs it)" >&2; exit 1; }
done

python_appdir() {
  mkdir -p "$1/bin" "$1/lib"
  cp /usr/bin/python3.11 "$1/bin/"
  cp -a /usr/lib/python3.11 "$1/lib/"
  rm -rf "$1/lib/python3.11/dist-packages" "$1/lib/python3.11/test"
}

pack_onebin() {  # NAME: packs the workload, times it
  case $1 in
    small) /usr/bin/time -f %e -o "$work/$1.pack-time" "$onebin" pack "$build/samples/hello/hello" -o "$work/$1.run" >/dev/null ;;
    medium) python_appdir "$work/python-app"
            /usr/bin/time -f %e -o "$work/$1.pack-time" "$onebin" pack "$work/python-app" --entry bin/python3.11 -o "$work/$1.run" >/dev/null ;;
    large) /usr/bin/time -f %e -o "$work/$1.pack-time" "$onebin" pack /usr/lib/llvm-14 --entry bin/clang -o "$work/$1.run" >/dev/null ;;
  esac
}

# The same tree for every tool: what the packed file holds.
make_competitors() {
  local w=$1 tree=$work/$1.tree
  "$onebin" extract "$work/$w.run" "$tree" >/dev/null
  du -sb "$tree" | cut -f1 > "$work/$w.tree-bytes"
  for comp in zstd xz; do
    /usr/bin/time -f %e -o "$work/$w.sqfs-$comp.pack-time" mksquashfs "$tree" "$work/$w.sqfs-$comp" -comp $comp -noappend -quiet >/dev/null
  done
  /usr/bin/time -f %e -o "$work/$w.makeself.pack-time" \
    makeself --quiet --nox11 --zstd --complevel 19 "$tree" "$work/$w.makeself" "$w" "./${entry[$w]}" >/dev/null
  # The payload alone: back-to-back zstd frames, as the zstd CLI reads them.
  local size payload index
  size=$(stat -c %s "$work/$w.run")
  payload=$(od -An -t u8 -j $((size - 48)) -N 8 "$work/$w.run" | tr -d ' ')
  index=$(od -An -t u8 -j $((size - 40)) -N 8 "$work/$w.run" | tr -d ' ')
  dd if="$work/$w.run" of="$work/$w.payload.zst" bs=1M iflag=skip_bytes,count_bytes skip=$payload count=$((index - payload)) status=none
}

commands() {  # NAME: tool name and command, one per line, tab-separated
  launch_commands "$1" "${args[$1]}"
  printf 'zstd -d (payload only)\t%s\n' "zstd -q -d -c $work/$1.payload.zst"
}

median_ms() {  # hyperfine JSON -> median in ms
  python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$1"
}

measure() {  # NAME TOOL COMMAND
  local w=$1 tool=$2 cmd=$3 key shell=(-N) run=(); key=$(echo "$1-$2" | tr -c 'a-z0-9-\n' '_')
  read -ra run <<<"$cmd"
  if needs_shell "$cmd"; then shell=(); run=(sh -c "$cmd"); fi
  hyperfine "${shell[@]}" --style none --warmup 2 --runs "$runs" --output null --export-json "$work/$key.warm.json" "$cmd" >/dev/null
  hyperfine "${shell[@]}" --style none --runs 5 --prepare 'sh -c "sync; echo 3 > /proc/sys/vm/drop_caches"' --output null \
    --export-json "$work/$key.cold.json" "$cmd" >/dev/null
  /usr/bin/time -f %M -o "$work/$key.rss" "${run[@]}" >/dev/null 2>&1
  local rss; rss=$(tail -1 "$work/$key.rss")
  echo "$(median_ms "$work/$key.warm.json")|$(median_ms "$work/$key.cold.json")|$rss"
}

size_of() { stat -c %s "$1"; }

write_results() {
  {
    echo "# Benchmark results"
    echo
    echo "Written by \`bench/run.sh\` on $(date -u +%Y-%m-%d). Machine: $(nproc) cores,"
    echo "$(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo), $(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -1),"
    echo "kernel $(uname -r), $(. /etc/os-release; echo "$PRETTY_NAME"). Times are medians of $runs warm runs (after 2"
    echo "warm-up runs) and of 5 cold runs (page cache dropped before each), from exec to exit of \`PROGRAM --version\`."
    echo "Peak memory is the largest resident set among the processes of one run (GNU time)."
    echo
    cat "$work/table.md"
    echo
    echo "## Stub start-up profile (ONEBIN_DEBUG=1, one warm run)"
    echo
    echo "Times are since the stub started; the *thread time* line sums each step over the decoding"
    echo "threads (one per core), so it can exceed the wall time between the timing lines."
    echo
    cat "$work/profile.md"
  } > "$results"
}

: > "$work/table.md"; : > "$work/profile.md"
for w in "${workloads[@]}"; do
  echo "== $w: packing" >&2
  pack_onebin $w
  make_competitors $w
  tree_bytes=$(cat "$work/$w.tree-bytes")
  {
    echo "## $w: \`${entry[$w]} ${args[$w]}\`, tree of $((tree_bytes / 1000000)) MB ($tree_bytes bytes)"
    echo
    echo "| tool | warm (ms) | cold (ms) | peak RSS (KB) | file size (bytes) | ratio | pack time (s) |"
    echo "|---|---|---|---|---|---|---|"
  } >> "$work/table.md"
  while IFS=$'\t' read -r tool cmd; do
    echo "== $w: $tool" >&2
    IFS='|' read -r warm cold rss <<<"$(measure $w "$tool" "$cmd")"
    case $tool in
      onebin) file=$work/$w.run; pack=$(cat "$work/$w.pack-time") ;;
      squashfuse-*) file=$work/$w.sqfs-${tool#squashfuse-}; pack=$(cat "$work/$w.sqfs-${tool#squashfuse-}.pack-time") ;;
      makeself) file=$work/$w.makeself; pack=$(cat "$work/$w.makeself.pack-time") ;;
      zstd*) file=$work/$w.payload.zst; pack="" ;;
      *) file=""; pack="" ;;
    esac
    size=${file:+$(size_of "$file")}
    ratio=${size:+$(python3 -c "print('%.3f' % ($size / $tree_bytes))")}
    echo "| $tool | $warm | $cold | $rss | ${size:-} | ${ratio:-} | ${pack:-} |" >> "$work/table.md"
  done < <(commands $w)
  echo >> "$work/table.md"
  {
    echo "### $w"
    echo
    echo '```'
    "$work/$w.run" ${args[$w]} >/dev/null 2>&1  # warm the page cache after the cold runs
    ONEBIN_DEBUG=1 "$work/$w.run" ${args[$w]} 2>&1 >/dev/null | grep -E 'timing|thread time'
    echo '```'
  } >> "$work/profile.md"
done
write_results
echo "wrote $results" >&2
