. "$(dirname "$0")/common.inc"
# Root signs nobody's setuid (4755) packed file: the signed file is root's
# (the temporary file it was written to is), so it keeps no set-id bit, or
# nobody's program would become a setuid-root one. Root's own 6755 file
# signed by root keeps its mode: nothing is lost where the owner stays.
[[ $(id -u) == 0 ]] || fail "test setup: needs root (to own a file as nobody)"
pack "$SAMPLES/hello/hello" "$t/users.run"
cp "$t/users.run" "$t/roots.run"
chown nobody: "$t/users.run" && chmod 4755 "$t/users.run"
chmod 6755 "$t/roots.run"
"$ONEBIN" keygen "$t/key" > /dev/null || fail "keygen"
"$ONEBIN" sign "$t/users.run" --key "$t/key" > "$t/out" 2>&1 || fail "sign: $(cat "$t/out")"
[[ $(stat -c '%a %U' "$t/users.run") == "755 root" ]] ||
  fail "nobody's 4755 file signed by root: $(stat -c '%A %U:%G' "$t/users.run")"
"$ONEBIN" sign "$t/roots.run" --key "$t/key" > "$t/out" 2>&1 || fail "sign: $(cat "$t/out")"
[[ $(stat -c '%a %U' "$t/roots.run") == "6755 root" ]] ||
  fail "root's 6755 file signed by root: $(stat -c '%A %U:%G' "$t/roots.run")"
