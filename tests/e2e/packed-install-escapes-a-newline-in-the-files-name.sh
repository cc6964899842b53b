. "$(dirname "$0")/common.inc"
# A packed file whose name holds a newline (and " $ ` \) gets a desktop
# entry that names it as the Desktop Entry Specification says: escaped, so
# that no line of the name becomes a key of its own; desktop-file-validate
# accepts it, and a launcher (gio launch) runs that very file.
desktop_appdir "$t/Tool.AppDir"
mkdir "$t/bin"
name=$'tool\nX-Injected=yes\n"$HOME" `id` \\ a.run'
pack "$t/Tool.AppDir" "$t/bin/$name"
export XDG_DATA_HOME=$t/data
"$t/bin/$name" --onebin-install > "$t/out" 2>&1 || fail "install: $(cat "$t/out")"
entry=$t/data/applications/org.example.Tool.desktop
! grep -q '^X-Injected' "$entry" || fail "a line of the name became a key: $(cat "$entry")"
desktop-file-validate "$entry" > "$t/valid" 2>&1 || fail "not valid: $(cat "$t/valid") in $(cat "$entry")"
(cd "$t" && timeout 60 gio launch "$entry" a) > "$t/ran" 2>&1 || fail "gio launch: $(cat "$t/ran") for $(cat "$entry")"
for _ in $(seq 100); do grep -q '^arg 1:' "$t/ran" && break; sleep 0.1; done
grep -q "hello from onebin's sample" "$t/ran" || fail "the entry ran: $(cat "$t/ran")"
