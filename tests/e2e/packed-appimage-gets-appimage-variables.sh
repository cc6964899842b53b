. "$(dirname "$0")/common.inc"
# A converted AppImage's AppRun gets what AppImage's runtime gives it:
# APPIMAGE (the packed file's absolute path: Electron's updater and many
# AppRun scripts read it), APPDIR (its files), OWD (the caller's directory)
# and ARGV0 (the name it was started by); a plain packed program gets
# APPIMAGE and APPDIR too. Before, only ARGV0 and AppRun's APPDIR were set.
mkdir -p "$t/AppDir/usr/bin"
printf '#!/bin/sh\necho "APPIMAGE=$APPIMAGE"\necho "OWD=$OWD"\necho "ARGV0=$ARGV0"\n[ -x "$APPDIR/AppRun" ] && echo "APPDIR has AppRun"\n' > "$t/AppDir/AppRun"
chmod 755 "$t/AppDir/AppRun"
type2_appimage "$t/AppDir" "$t/Tool-x86_64.AppImage"
mkdir "$t/out-dir" "$t/caller"
pack "$t/Tool-x86_64.AppImage" "$t/out-dir/Tool.run"
real=$(realpath "$t/out-dir/Tool.run") caller=$(realpath "$t/caller")
(cd "$t/caller" && env -u APPIMAGE -u OWD -u APPDIR ../out-dir/Tool.run) > "$t/out" 2>&1 || fail "run: $(cat "$t/out")"
[[ $(cat "$t/out") == "APPIMAGE=$real"$'\n'"OWD=$caller"$'\n'"ARGV0=../out-dir/Tool.run"$'\n'"APPDIR has AppRun" ]] ||
  fail "AppRun printed: $(cat "$t/out")"
mkdir -p "$t/plain/bin"
printf '#!/bin/sh\necho "APPIMAGE=$APPIMAGE"\n[ -x "$APPDIR/bin/show" ] && echo "APPDIR has bin/show"\n' > "$t/plain/bin/show"
chmod 755 "$t/plain/bin/show"
pack "$t/plain" "$t/out-dir/show.run" --entry bin/show
env -u APPIMAGE -u APPDIR "$t/out-dir/show.run" > "$t/out" 2>&1 || fail "plain run: $(cat "$t/out")"
[[ $(cat "$t/out") == "APPIMAGE=$(realpath "$t/out-dir/show.run")"$'\n'"APPDIR has bin/show" ]] ||
  fail "a plain program printed: $(cat "$t/out")"
