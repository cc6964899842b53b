. "$(dirname "$0")/common.inc"
# No rollback: version 2 (packed later) is installed and the server serves
# version 1, signed by the same key: onebin update refuses it, naming both
# pack times, and version 2 stays as it was.
privlibs_versions "$t"
mkdir "$t/www"
serve "$t/www"
signed_versions "$t/www/app.run" "$t/app.run" "$base/app.run"
cp "$t/app.run" "$t/v2.run"
"$ONEBIN" update "$t/app.run" > "$t/out" 2>&1 && fail "the older version was taken: $(cat "$t/out")"
grep -q "the version at $base/app.run was packed at 2001-09-09 01:46:40 UTC, not after this file's 2001-09-09 01:48:20 UTC" \
  "$t/out" || fail "$(cat "$t/out")"
cmp -s "$t/app.run" "$t/v2.run" || fail "version 2 changed"
