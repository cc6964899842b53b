. "$(dirname "$0")/common.inc"
# --entry may name a link to the program, as AppDirs link usr/bin/app to the
# real file: the packed file runs what the link leads to.
cp -r "$SAMPLES/privlibs/app" "$t/app"
mkdir "$t/app/usr" "$t/app/usr/bin" && ln -s ../../bin/privlibs "$t/app/usr/bin/app"
pack "$t/app" "$t/app.run" --entry usr/bin/app
"$t/app.run" > "$t/out" || fail "the packed app failed: $(cat "$t/out")"
grep -qx 'greeting: hello, private library' "$t/out" || fail "it printed: $(cat "$t/out")"
