. "$(dirname "$0")/common.inc"
# --onebin-uninstall removes only what is below the data directory: a list
# of the user's own that names a path leading out of it (a damaged or
# planted list) is refused with the path named, and that file stays.
desktop_appdir "$t/Tool.AppDir"
pack "$t/Tool.AppDir" "$t/tool.run"
echo precious > "$t/outside"
mkdir -p "$t/data/onebin/installed"
echo "file $t/data/../outside" > "$t/data/onebin/installed/org.example.Tool"
XDG_DATA_HOME=$t/data "$t/tool.run" --onebin-uninstall > "$t/out" 2>&1 && fail "uninstall succeeded: $(cat "$t/out")"
[[ -f $t/outside ]] || fail "removed a file outside the data directory: $(cat "$t/out")"
grep -qF "names $t/data/../outside, not below $t/data" "$t/out" || fail "$(cat "$t/out")"
