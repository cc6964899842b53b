. "$(dirname "$0")/common.inc"
# An AppDir as linuxdeploy writes one, packed as it is (no --entry): AppRun
# is a shell script that sources apprun-hooks/*.sh and execs usr/bin/app;
# the .desktop file and icon sit at its top. It runs in bullseye.
mkdir -p "$t/App.AppDir/usr" "$t/App.AppDir/apprun-hooks"
cp -r "$SAMPLES/privlibs/app/." "$t/App.AppDir/usr/"
cat > "$t/App.AppDir/AppRun" <<'SH'
#!/bin/sh
this_dir=$(dirname "$0")
for hook in "$this_dir"/apprun-hooks/*.sh; do . "$hook"; done
echo "hook: $HOOKED, APPDIR is this dir: $([ "$APPDIR" = "$this_dir" ] && echo yes)"
exec "$this_dir/usr/bin/privlibs" "$@"
SH
chmod 755 "$t/App.AppDir/AppRun"
echo 'export HOOKED=sourced' > "$t/App.AppDir/apprun-hooks/env.sh"
printf '[Desktop Entry]\nType=Application\nName=App\nExec=privlibs\nIcon=app\n' > "$t/App.AppDir/app.desktop"
printf 'P1\n1 1\n1\n' > "$t/App.AppDir/app.pbm"
pack "$t/App.AppDir" "$t/app.run"
roots
run_in bullseye "$t/app.run" > "$t/out" 2>&1 || fail "in bullseye: $(cat "$t/out")"
grep -qx 'hook: sourced, APPDIR is this dir: yes' "$t/out" || fail "AppRun: $(cat "$t/out")"
grep -qx 'data: found next to the program' "$t/out" || fail "the app: $(cat "$t/out")"
grep -q ' app.desktop$' <("$ONEBIN" inspect "$t/app.run") || fail "the .desktop file was not packed"
