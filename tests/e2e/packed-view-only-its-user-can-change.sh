. "$(dirname "$0")/common.inc"
# The view (in /dev/shm here: no XDG_RUNTIME_DIR) is a 0700 directory of the
# user's: another user can neither read nor replace the app's libraries,
# which are plain files there now, not sealed memfds.
cp -r "$SAMPLES/privlibs/app" "$t/app"
printf '#!/bin/sh\necho "view: $APPDIR"\nexec sleep 5\n' > "$t/app/AppRun"
chmod 755 "$t/app/AppRun"
pack "$t/app" "$t/app.run"
unset XDG_RUNTIME_DIR
"$t/app.run" > "$t/out" &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$t"' EXIT
for _ in $(seq 50); do [[ -s "$t/out" ]] && break; sleep 0.1; done
view=$(sed -n 's/^view: //p' "$t/out")
[[ $view == /dev/shm/onebin-* && -f $view/lib/libgreeting.so ]] || fail "no view with the library: $(cat "$t/out")"
[[ $(stat -c '%a %u' "$view") == "700 $(id -u)" ]] || fail "view: $(stat -c '%a %U' "$view")"
if setpriv --reuid=65534 --regid=65534 --clear-groups sh -c "cat '$view/lib/libgreeting.so' > /dev/null || echo x > '$view/lib/libgreeting.so'" 2> /dev/null; then
  fail "another user could read or write $view/lib/libgreeting.so"
fi
