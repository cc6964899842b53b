#!/bin/bash
# Start-up, size, pack time and memory of onebin against squashfs + squashfuse
# (what an AppImage does), makeself and zstd's own decoder, on three workloads,
# side by side in one run. Writes bench/RESULTS.md. Needs root (drops the page
# cache for cold runs, mounts with FUSE). Workloads: bench/workloads.sh.
# Apps that run from the per-user cache get a second onebin row, the first
# launch (the cache emptied before each run); their "onebin" row is a later one.
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

game_appdir() {  # the game-like app: its program and 300 files of 5 MB
  mkdir -p "$1/bin"
  cp "$build/bench/game_like" "$1/bin/game"
  game_data "$1" 300
}

files_appdir() {  # hello and 20,000 files of 1 KB
  mkdir -p "$1/bin"
  cp "$build/samples/hello/hello" "$1/bin/"
  small_files_data "$1"
}

timed() {  # OUT COMMAND...: runs COMMAND, writes "SECONDS PEAK_RSS_KB" to OUT
  /usr/bin/time -f '%e %M' -o "$1" "${@:2}" >/dev/null
}

pack_onebin() {  # NAME: packs the workload, times it
  case $1 in
    small) timed "$work/$1.pack-time" "$onebin" pack "$build/samples/hello/hello" -o "$work/$1.run" ;;
    medium) python_appdir "$work/python-app"
            timed "$work/$1.pack-time" "$onebin" pack "$work/python-app" --entry bin/python3.11 -o "$work/$1.run" ;;
    large) timed "$work/$1.pack-time" "$onebin" pack /usr/lib/llvm-14 --entry bin/clang -o "$work/$1.run" ;;
    game) game_appdir "$work/game-app"
          timed "$work/$1.pack-time" "$onebin" pack "$work/game-app" --entry bin/game -o "$work/$1.run" ;;
    files) files_appdir "$work/files-app"
           timed "$work/$1.pack-time" "$onebin" pack "$work/files-app" --entry bin/hello -o "$work/$1.run" ;;
  esac
}

# The same tree for every tool: what the packed file holds.
make_competitors() {
  local w=$1 tree=$work/$1.tree
  "$onebin" extract "$work/$w.run" "$tree" >/dev/null
  du -sb "$tree" | cut -f1 > "$work/$w.tree-bytes"
  for comp in zstd xz; do
    timed "$work/$w.sqfs-$comp.pack-time" mksquashfs "$tree" "$work/$w.sqfs-$comp" -comp $comp -noappend -quiet
  done
  [[ ${no_makeself[$w]:-} ]] ||
    timed "$work/$w.makeself.pack-time" makeself --quiet --nox11 --zstd --complevel 19 "$tree" "$work/$w.makeself" "$w" "./${entry[$w]}"
  # The payload alone: back-to-back zstd frames, as the zstd CLI reads them.
  local size payload index
  size=$(stat -c %s "$work/$w.run")
  payload=$(od -An -t u8 -j $((size - 48)) -N 8 "$work/$w.run" | tr -d ' ')
  index=$(od -An -t u8 -j $((size - 40)) -N 8 "$work/$w.run" | tr -d ' ')
  dd if="$work/$w.run" of="$work/$w.payload.zst" bs=1M iflag=skip_bytes,count_bytes skip=$payload count=$((index - payload)) status=none
}

# Whether the packed workload runs from the per-user cache (64 MB or 4,096
# files: the stub's choice); its "onebin" row is then a later launch, and a
# "first launch" row (the cache emptied before each run) is added.
runs_from_cache() {  # NAME
  local said; said=$(ONEBIN_DEBUG=1 "$work/$1.run" ${args[$1]} 2>&1 >/dev/null)
  grep -q '^onebin: cache: ' <<<"$said"
}

commands() {  # NAME: tool name and command, one per line, tab-separated
  launch_commands "$1" "${args[$1]}"
  runs_from_cache "$1" && printf 'onebin, first launch\t%s\n' "$work/$1.run ${args[$1]}"
  printf 'zstd -d (payload only)\t%s\n' "zstd -q -d -c $work/$1.payload.zst"
}

median_ms() {  # hyperfine JSON -> median in ms
  python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$1"
}

measure() {  # NAME TOOL COMMAND
  local w=$1 tool=$2 cmd=$3 key shell=(-N) run=() empty=true; key=$(echo "$1-$2" | tr -c 'a-z0-9-\n' '_')
  read -ra run <<<"$cmd"
  if needs_shell "$cmd"; then shell=(); run=(sh -c "$cmd"); fi
  [[ $tool == "onebin, first launch" ]] && empty="rm -rf $XDG_CACHE_HOME/onebin"
  hyperfine "${shell[@]}" --style none --warmup 2 --runs "$runs" --prepare "$empty" --output null \
    --export-json "$work/$key.warm.json" "$cmd" >/dev/null
  hyperfine "${shell[@]}" --style none --runs 5 --prepare "sh -c '$empty; sync; echo 3 > /proc/sys/vm/drop_caches'" \
    --output null --export-json "$work/$key.cold.json" "$cmd" >/dev/null
  $empty
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
    echo "warm-up runs) and of 5 cold runs (page cache dropped before each), from exec to exit of the command each table names."
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
    echo "| tool | warm (ms) | cold (ms) | peak RSS (KB) | file size (bytes) | ratio | pack time (s) | pack peak RSS (MB) |"
    echo "|---|---|---|---|---|---|---|---|"
  } >> "$work/table.md"
  while IFS=$'\t' read -r tool cmd; do
    echo "== $w: $tool" >&2
    IFS='|' read -r warm cold rss <<<"$(measure $w "$tool" "$cmd")"
    case $tool in
      onebin) file=$work/$w.run; timing=$work/$w.pack-time ;;
      squashfuse-*) file=$work/$w.sqfs-${tool#squashfuse-}; timing=$work/$w.sqfs-${tool#squashfuse-}.pack-time ;;
      makeself) file=$work/$w.makeself; timing=$work/$w.makeself.pack-time ;;
      zstd*) file=$work/$w.payload.zst; timing="" ;;
      *) file=""; timing="" ;;
    esac
    pack=""; pack_rss=""
    [[ $timing ]] && read -r pack pack_rss < <(tail -1 "$timing") && pack_rss=$((pack_rss / 1024))
    size=${file:+$(size_of "$file")}
    ratio=${size:+$(python3 -c "print('%.3f' % ($size / $tree_bytes))")}
    echo "| $tool | $warm | $cold | $rss | ${size:-} | ${ratio:-} | ${pack:-} | ${pack_rss:-} |" >> "$work/table.md"
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
