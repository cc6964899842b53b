. "$(dirname "$0")/common.inc"
# Root updates nobody's setuid (4755) packed file (signed, so plain http is
# allowed): the new version is root's (the temporary file it was written to
# is), so it keeps no set-id bit, or nobody's program would become a
# setuid-root one.
[[ $(id -u) == 0 ]] || fail "test setup: needs root (to own a file as nobody)"
privlibs_versions "$t"
mkdir "$t/www"
serve "$t/www"
signed_versions "$t/app.run" "$t/www/app.run" "$base/app.run"
chown nobody: "$t/app.run" && chmod 4755 "$t/app.run"
"$ONEBIN" update "$t/app.run" > "$t/out" 2>&1 || fail "update: $(cat "$t/out")"
cmp -s "$t/app.run" "$t/www/app.run" || fail "not version 2 byte for byte"
[[ $(stat -c '%a %U' "$t/app.run") == "755 root" ]] ||
  fail "nobody's 4755 file updated by root: $(stat -c '%A %U:%G' "$t/app.run")"
