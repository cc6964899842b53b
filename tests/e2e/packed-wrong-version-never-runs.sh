. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
size=$(stat -c %s "$t/hello.run")
trailer=$((size - 64))
# The next version with a correct trailer hash, as a future onebin would write it.
version=$(od -An -tu4 -j $((trailer + 8)) -N4 "$t/hello.run" | tr -d ' ')
printf "\\x$(printf %02x $((version + 1)))" | dd of="$t/hello.run" bs=1 seek=$((trailer + 8)) conv=notrunc status=none
hash=$(dd if="$t/hello.run" bs=1 skip=$trailer count=56 status=none | xxhsum -H64 - | cut -d' ' -f1)
printf "$(echo "$hash" | sed 's/../&\n/g' | tac | tr -d '\n' | sed 's/../\\x&/g')" |
  dd of="$t/hello.run" bs=1 seek=$((trailer + 56)) conv=notrunc status=none
status=0; "$t/hello.run" > "$t/out" 2> "$t/err" || status=$?
[[ $status != 0 && ! -s "$t/out" ]] || fail "wrong-version file ran (status $status)"
grep -q 'unsupported format version' "$t/err" || fail "reason: $(cat "$t/err")"
