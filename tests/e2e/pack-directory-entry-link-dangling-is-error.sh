. "$(dirname "$0")/common.inc"
# An --entry link to nothing in the app is refused naming the link and where
# it leads, and nothing is written.
cp -r "$SAMPLES/privlibs/app" "$t/app"
ln -s privlibs-old "$t/app/bin/app"
! "$ONEBIN" pack "$t/app" --entry bin/app -o "$t/app.run" 2> "$t/err" || fail "packed an entry that leads nowhere"
grep -qF "$t/app/bin/app: --entry leads to bin/privlibs-old, which is not in the app" "$t/err" || fail "message: $(cat "$t/err")"
[[ ! -e "$t/app.run" ]] || fail "an output file was written"
