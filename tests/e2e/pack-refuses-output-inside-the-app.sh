. "$(dirname "$0")/common.inc"
# An output inside the app directory is refused (the next pack would take
# the previous output in), also by default when packing ".".
cp -r "$SAMPLES/privlibs/app" "$t/app"
if "$ONEBIN" pack "$t/app" --entry bin/privlibs -o "$t/app/share/p.run" 2> "$t/err"; then fail "wrote into the app"; fi
grep -q "p.run: inside the app directory $t/app, where the next pack would take it in" "$t/err" || fail "message: $(cat "$t/err")"
if (cd "$t/app" && "$ONEBIN" pack . --entry bin/privlibs 2> "$t/err"); then fail "wrote app.run into the app"; fi
grep -q '^onebin: error: app.run: inside the app directory \.' "$t/err" || fail "message: $(cat "$t/err")"
[[ -z $(find "$t/app" -name '*.run*') ]] || fail "left: $(find "$t/app" -name '*.run*')"
(cd "$t" && "$ONEBIN" pack app/ --entry bin/privlibs --level 1 > /dev/null) || fail "app/ with the default output"
[[ -x "$t/app.run" ]] || fail "the default output of app/ is not app.run: $(ls "$t")"
