. "$(dirname "$0")/common.inc"
# As under AppImage, a directory FILE.home beside the packed file is the
# app's HOME and FILE.config its XDG_CONFIG_HOME, at every launch; without
# them the app gets the user's. --onebin-portable-home and
# --appimage-portable-config make them (0700) and say so.
mkdir -p "$t/app/bin"
printf '#!/bin/sh\necho "HOME=$HOME"\necho "XDG_CONFIG_HOME=$XDG_CONFIG_HOME"\n' > "$t/app/bin/show"
chmod 755 "$t/app/bin/show"
mkdir "$t/dir"
pack "$t/app" "$t/dir/app.run" --entry bin/show
file=$(realpath "$t/dir/app.run")
HOME=$t/home XDG_CONFIG_HOME= "$t/dir/app.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
[[ $(cat "$t/out") == "HOME=$t/home"$'\n'"XDG_CONFIG_HOME=" ]] || fail "without FILE.home: $(cat "$t/out")"
mkdir -m 700 "$t/dir/app.run.home"
HOME=$t/home XDG_CONFIG_HOME= "$t/dir/app.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
[[ $(cat "$t/out") == "HOME=$file.home"$'\n'"XDG_CONFIG_HOME=" ]] || fail "with FILE.home: $(cat "$t/out")"
rmdir "$t/dir/app.run.home"
"$t/dir/app.run" --onebin-portable-home > "$t/out" 2>&1 || fail "--onebin-portable-home: $(cat "$t/out")"
grep -qx "Portable home directory created at $file.home" "$t/out" || fail "--onebin-portable-home printed: $(cat "$t/out")"
"$t/dir/app.run" --appimage-portable-config > "$t/out" 2>&1 || fail "--appimage-portable-config: $(cat "$t/out")"
[[ $(stat -c %a "$t/dir/app.run.home") == 700 && $(stat -c %a "$t/dir/app.run.config") == 700 ]] ||
  fail "modes: $(stat -c '%n %a' "$t/dir/app.run".*)"
HOME=$t/home "$t/dir/app.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
[[ $(cat "$t/out") == "HOME=$file.home"$'\n'"XDG_CONFIG_HOME=$file.config" ]] || fail "with both: $(cat "$t/out")"
