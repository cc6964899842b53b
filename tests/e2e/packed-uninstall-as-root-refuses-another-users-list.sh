. "$(dirname "$0")/common.inc"
# Root running --onebin-uninstall with another user's data directory (sudo
# -E and su -m keep HOME) refuses it, naming the directory and why: that
# user's list names what root would remove. A file it names stays.
desktop_appdir "$t/Tool.AppDir"
pack "$t/Tool.AppDir" "$t/tool.run"
echo precious > "$t/victim"
mkdir -p "$t/data/onebin/installed"
echo "file $t/victim" > "$t/data/onebin/installed/org.example.Tool"
chown -R nobody "$t/data"
XDG_DATA_HOME=$t/data "$t/tool.run" --onebin-uninstall > "$t/out" 2>&1 && fail "uninstall succeeded: $(cat "$t/out")"
[[ -f $t/victim ]] || fail "removed what another user's list named: $(cat "$t/out")"
grep -q "^onebin: error: $t/data: .*another user's directory" "$t/out" || fail "$(cat "$t/out")"
