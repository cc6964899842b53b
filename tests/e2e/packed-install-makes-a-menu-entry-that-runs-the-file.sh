. "$(dirname "$0")/common.inc"
# --onebin-install puts the AppDir's desktop entry into
# $XDG_DATA_HOME/applications (desktop-file-validate accepts it), its icon into
# the hicolor theme by size and its AppStream file into metainfo; the entry's
# Exec, run as a launcher would, runs the packed file (a path with a space),
# and TryExec names it.
desktop_appdir "$t/Tool.AppDir"
pack "$t/Tool.AppDir" "$t/my tool.run"
export XDG_DATA_HOME=$t/data
"$t/my tool.run" --onebin-install > "$t/out" 2>&1 || fail "install: $(cat "$t/out")"
entry=$t/data/applications/org.example.Tool.desktop
desktop-file-validate "$entry" > "$t/valid" 2>&1 || fail "not valid: $(cat "$t/valid") in $(cat "$entry")"
grep -qx "TryExec=$t/my tool.run" "$entry" || fail "TryExec: $(cat "$entry")"
exec_line=$(sed -n 's/^Exec=//p' "$entry")
eval "set -- ${exec_line% %U}"  # the launcher's unquoting; no files for %U
[[ $# == 1 && $1 == "$t/my tool.run" ]] || fail "Exec: $exec_line"
"$@" > "$t/ran" 2>&1 || fail "Exec failed: $(cat "$t/ran")"
grep -q "hello from onebin's sample" "$t/ran" || fail "Exec ran: $(cat "$t/ran")"
cmp -s "$t/Tool.AppDir/org.example.Tool.png" "$t/data/icons/hicolor/48x48/apps/org.example.Tool.png" ||
  fail "icon: $(find "$t/data")"
cmp -s "$t/Tool.AppDir/usr/share/metainfo/org.example.Tool.metainfo.xml" "$t/data/metainfo/org.example.Tool.metainfo.xml" ||
  fail "metainfo: $(find "$t/data")"
