. "$(dirname "$0")/common.inc"
# An --entry link that leads out of the app is refused with the link named,
# and nothing is written.
cp -r "$SAMPLES/privlibs/app" "$t/app"
ln -s /usr/bin/true "$t/app/bin/host-true"
ln -s host-true "$t/app/bin/app"
! "$ONEBIN" pack "$t/app" --entry bin/app -o "$t/app.run" 2> "$t/err" || fail "packed an entry that leads out of the app"
grep -qF "$t/app/bin/app: --entry leads to the link bin/host-true -> /usr/bin/true, outside the app" "$t/err" || fail "message: $(cat "$t/err")"
[[ ! -e "$t/app.run" ]] || fail "an output file was written"
