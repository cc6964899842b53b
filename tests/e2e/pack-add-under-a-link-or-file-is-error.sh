. "$(dirname "$0")/common.inc"
# --add whose DEST lies under a link of the app, or under a file another
# --add put there, is a pack error naming both (pack said success, or failed
# only when it read back a file the stub refuses: "parent is not a directory").
mkdir -p "$t/app/bin"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
ln -s bin "$t/app/programs"
echo extra > "$t/extra"
status=0
"$ONEBIN" pack "$t/app" --entry bin/hello -o "$t/a.run" --add "$t/extra:programs/extra" > "$t/out" 2>&1 || status=$?
(( status != 0 )) || fail "packed under a link: $(cat "$t/out")"
grep -qx 'onebin: error: programs/extra: cannot go into the app: programs is a link there, not a directory' "$t/out" || fail "$(cat "$t/out")"
status=0
"$ONEBIN" pack "$t/app" --entry bin/hello -o "$t/b.run" --add "$t/extra:x" --add "$t/extra:x/y" > "$t/out" 2>&1 || status=$?
(( status != 0 )) || fail "packed under a file: $(cat "$t/out")"
grep -qx 'onebin: error: x/y: cannot go into the app: x is a file there, not a directory' "$t/out" || fail "$(cat "$t/out")"
[[ ! -e $t/a.run && ! -e $t/b.run ]] || fail "an output was written"
