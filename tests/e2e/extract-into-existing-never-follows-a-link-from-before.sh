. "$(dirname "$0")/common.inc"
# --into-existing writes into a directory that has files already; a link
# among them (one an earlier archive packed, say bin -> elsewhere) is not
# followed: extraction stops, naming it, and writes nothing through it.
mkdir -p "$t/app/bin"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
pack "$t/app" "$t/app.run" --entry bin/hello
mkdir -m 755 "$t/into" "$t/elsewhere"
ln -s "$t/elsewhere" "$t/into/bin"
status=0
"$ONEBIN" extract --into-existing "$t/app.run" "$t/into" > "$t/out" 2>&1 || status=$?
(( status != 0 )) || fail "extraction went on: $(cat "$t/out")"
grep -qF "$t/into/bin: a link that was there before; extraction does not follow it" "$t/out" || fail "$(cat "$t/out")"
[[ -z $(ls -A "$t/elsewhere") ]] || fail "written through the link: $(ls -A "$t/elsewhere")"
