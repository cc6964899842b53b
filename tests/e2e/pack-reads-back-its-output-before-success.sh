. "$(dirname "$0")/common.inc"
# pack reads its output back as the stub does before the output takes its
# place: a tree the reader refuses (here an --add into a directory that is a
# link) fails the pack with the reader's reason, and no output is left.
mkdir -p "$t/app/bin" "$t/app/data"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
ln -s data "$t/app/share"
echo extra > "$t/extra.txt"
if "$ONEBIN" pack "$t/app" --entry bin/hello --add "$t/extra.txt:share/extra.txt" -o "$t/app.run" --level 3 2> "$t/err"; then
  fail "reported success for a file the stub refuses: $("$t/app.run" 2>&1)"
fi
grep -q "app.run: the packed file does not read back (.*parent is not a directory)" "$t/err" || fail "message: $(cat "$t/err")"
[[ -z $(ls "$t" | grep 'app\.run') ]] || fail "left: $(ls "$t")"
