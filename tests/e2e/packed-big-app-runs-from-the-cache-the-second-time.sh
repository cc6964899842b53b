. "$(dirname "$0")/common.inc"
# An app of 64 MB or more is unpacked once into ~/.cache/onebin/apps and
# run from there on later launches, which decompress nothing (ONEBIN_DEBUG
# says which); a small app never touches the disk cache.
mkdir -p "$t/big/bin" "$t/big/data"
cp "$SAMPLES/hello/hello" "$t/big/bin/"
truncate -s 70M "$t/big/data/level"
pack "$t/big" "$t/big.run" --entry bin/hello
pack "$SAMPLES/hello/hello" "$t/small.run"
[[ $(cache_use "$t/small.run") == "" ]] || fail "the small app used the cache: $(cat "$t/out")"
[[ ! -e $t/home/.cache ]] || fail "the small app made ~/.cache"
[[ $(cache_use "$t/big.run") == "unpacked now" ]] || fail "first launch: $(cat "$t/out")"
[[ $(cache_use "$t/big.run") == "from an earlier launch" ]] || fail "second launch: $(cat "$t/out")"
grep -q "^onebin: exec $t/home/.cache/onebin/apps/[0-9a-f]*-[0-9a-f]*/bin/hello" "$t/out" || fail "$(cat "$t/out")"
grep -q 'decompressed' "$t/out" && fail "the second launch decompressed: $(cat "$t/out")"
[[ -z $(find "$t/home/.cache/onebin/apps" -type f -perm /222 -not -name '.lock-*') ]] ||
  fail "writable files in the cache: $(find "$t/home/.cache/onebin/apps" -type f -perm /222)"
