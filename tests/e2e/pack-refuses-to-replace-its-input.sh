. "$(dirname "$0")/common.inc"
# "onebin pack x -o x" is refused and x is left as it was (it was replaced
# by the packed file, exit 0).
cp "$SAMPLES/hello/hello" "$t/hello"
sum=$(sha256sum < "$t/hello")
if (cd "$t" && "$ONEBIN" pack hello -o ./hello 2> "$t/err"); then fail "replaced its input"; fi
grep -q 'hello: is the program being packed; give another -o' "$t/err" || fail "message: $(cat "$t/err")"
[[ $(sha256sum < "$t/hello") == "$sum" ]] || fail "the input changed"
