. "$(dirname "$0")/common.inc"
# Root running --onebin-install with another user's data directory (sudo
# -E and su -m keep HOME) writes nothing there (that user could redirect
# it) and says which directory and why.
desktop_appdir "$t/Tool.AppDir"
pack "$t/Tool.AppDir" "$t/tool.run"
mkdir -p "$t/home/.local/share"
chown -R nobody "$t/home/.local"
HOME=$t/home "$t/tool.run" --onebin-install > "$t/out" 2>&1 && fail "install succeeded: $(cat "$t/out")"
[[ -z $(find "$t/home/.local/share" -mindepth 1) ]] || fail "wrote $(find "$t/home/.local/share" -mindepth 1)"
grep -q "^onebin: error: $t/home/.local/share: .*another user's directory" "$t/out" || fail "$(cat "$t/out")"
