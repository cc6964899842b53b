. "$(dirname "$0")/common.inc"
# --onebin-cache=never runs even a big app from memory: nothing is made in
# ~/.cache, and the view is gone once the app has exited.
mkdir -p "$t/big/bin" "$t/big/data"
cp "$SAMPLES/hello/hello" "$t/big/bin/"
truncate -s 70M "$t/big/data/level"
pack "$t/big" "$t/big.run" --entry bin/hello
HOME=$t/home "$t/big.run" --onebin-cache=never a > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -qx 'arg 1: a' "$t/out" || fail "the app printed: $(cat "$t/out")"
[[ ! -e $t/home/.cache ]] || fail "never made $(find "$t/home/.cache")"
for i in $(seq 50); do [[ -z $(ls -A "$XDG_RUNTIME_DIR") ]] && break; sleep 0.1; done
[[ -z $(ls -A "$XDG_RUNTIME_DIR") ]] || fail "left: $(ls -A "$XDG_RUNTIME_DIR")"
