. "$(dirname "$0")/common.inc"
# onebin sign on a symbolic link to a packed file signs the file it points
# to: the link stays a link and verify --key passes on the target.
pack "$SAMPLES/hello/hello" "$t/hello.run"
ln -s hello.run "$t/link"
"$ONEBIN" keygen "$t/key" > /dev/null || fail "keygen"
"$ONEBIN" sign "$t/link" --key "$t/key" > "$t/out" 2>&1 || fail "sign: $(cat "$t/out")"
[[ -L $t/link && $(readlink "$t/link") == hello.run ]] || fail "the link became: $(ls -l "$t/link")"
"$ONEBIN" verify "$t/hello.run" --key "$t/key.pub" > "$t/out" 2>&1 || fail "its target is not signed: $(cat "$t/out")"
