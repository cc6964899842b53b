. "$(dirname "$0")/common.inc"
# A packed file whose entries carry setuid, setgid, sticky bits and write
# permission for others (06777, 01777), extracted by root with onebin
# extract or --onebin-extract, gives neither (they gave -rwsrwsrwx): such
# bits come back only with --keep-modes, which says so.
mkdir -p "$t/app/bin" "$t/app/shared"
cp "$SAMPLES/hello/hello" "$t/app/bin/hello"
chmod 06777 "$t/app/bin/hello"
chmod 01777 "$t/app/shared"
pack "$t/app" "$t/app.run" --entry bin/hello
no_risky_bits() {  # PATH...: no setuid, setgid, sticky bit, no write for others
  local path
  for path; do (( (0$(stat -c %a "$path") & 07002) == 0 )) || fail "$(stat -c '%a %n' "$path")"; done
}
"$ONEBIN" extract "$t/app.run" "$t/out" > /dev/null
no_risky_bits "$t/out/bin/hello" "$t/out/shared"
[[ $(stat -c %a "$t/out/bin/hello") == 775 ]] || fail "onebin extract: $(stat -c '%a %n' "$t/out/bin/hello")"
"$t/app.run" --onebin-extract "$t/stub-out"
no_risky_bits "$t/stub-out/bin/hello" "$t/stub-out/shared"
"$ONEBIN" extract --keep-modes "$t/app.run" "$t/kept" > /dev/null
[[ $(stat -c %a "$t/kept/bin/hello") == 6777 ]] || fail "--keep-modes: $(stat -c '%a %n' "$t/kept/bin/hello")"
"$ONEBIN" extract --help | grep -q -- '--keep-modes' || fail "extract --help names no --keep-modes"
