. "$(dirname "$0")/common.inc"
# An --onebin-install that fails midway (a file of someone else's where the
# desktop entry goes, found after the icon and AppStream file are in place)
# removes again what it had made, so the data directory is as before; once
# that file is gone, installing works.
desktop_appdir "$t/Tool.AppDir"
pack "$t/Tool.AppDir" "$t/tool.run"
export XDG_DATA_HOME=$t/data
mkdir -p "$t/data/applications"
echo "someone else's" > "$t/data/applications/org.example.Tool.desktop"
before=$(cd "$t/data" && find . -printf '%p %s %m\n' | sort)
"$t/tool.run" --onebin-install > "$t/out" 2>&1 && fail "install over another file succeeded: $(cat "$t/out")"
grep -q "org.example.Tool.desktop: exists already" "$t/out" || fail "$(cat "$t/out")"
after=$(cd "$t/data" && find . -printf '%p %s %m\n' | sort)
[[ $after == "$before" ]] || fail "left: $(diff <(echo "$before") <(echo "$after"))"
rm "$t/data/applications/org.example.Tool.desktop"
"$t/tool.run" --onebin-install > "$t/out" 2>&1 || fail "install after the fix: $(cat "$t/out")"
[[ -f $t/data/icons/hicolor/48x48/apps/org.example.Tool.png ]] || fail "no icon: $(cat "$t/out")"
