. "$(dirname "$0")/common.inc"
# A directory of the data home that is a link (a dotfiles manager links
# ~/.local/share/applications into its repository) is followed to a
# directory of the user's own, and install and uninstall work through it;
# a link to a directory others may write is refused and nothing is written
# there.
desktop_appdir "$t/Tool.AppDir"
pack "$t/Tool.AppDir" "$t/tool.run"
export XDG_DATA_HOME=$t/data
mkdir -p "$t/data" "$t/dotfiles/applications"
ln -s "$t/dotfiles/applications" "$t/data/applications"
"$t/tool.run" --onebin-install > "$t/out" 2>&1 || fail "install through a link to the user's own: $(cat "$t/out")"
[[ -f $t/dotfiles/applications/org.example.Tool.desktop ]] || fail "the entry is not where the link leads: $(find "$t/dotfiles")"
"$t/tool.run" --onebin-uninstall > "$t/out" 2>&1 || fail "uninstall: $(cat "$t/out")"
[[ ! -e $t/dotfiles/applications/org.example.Tool.desktop && -L $t/data/applications ]] ||
  fail "uninstall left: $(find "$t/dotfiles" "$t/data")"
rm "$t/data/applications"
mkdir -m 777 "$t/shared"
ln -s "$t/shared" "$t/data/applications"
! "$t/tool.run" --onebin-install > "$t/out" 2>&1 || fail "installed into a directory others may write: $(cat "$t/out")"
[[ -z $(ls -A "$t/shared") ]] || fail "written there: $(ls -A "$t/shared")"
