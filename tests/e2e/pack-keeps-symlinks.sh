. "$(dirname "$0")/common.inc"
cp -r "$SAMPLES/privlibs/app" "$t/app"
ln -s privlibs/message.txt "$t/app/share/message-link.txt"
pack "$t/app" "$t/p.run" --entry bin/privlibs
grep -q '^symlink .* share/message-link.txt -> privlibs/message.txt$' <("$ONEBIN" inspect "$t/p.run") || fail "symlink not recorded"
"$ONEBIN" extract "$t/p.run" "$t/tree" > /dev/null
[[ "$(readlink "$t/tree/share/message-link.txt")" == privlibs/message.txt ]] || fail "symlink not restored"
