. "$(dirname "$0")/common.inc"
echo "extra data" > "$t/notes.txt"
pack "$SAMPLES/hello/hello" "$t/hello.run" --add "$t/notes.txt:share/doc/notes.txt"
"$ONEBIN" extract "$t/hello.run" "$t/tree" > /dev/null
cmp "$t/notes.txt" "$t/tree/share/doc/notes.txt" || fail "added file missing or different"
