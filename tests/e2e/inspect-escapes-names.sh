. "$(dirname "$0")/common.inc"
# Names in a packed file are printed so that they cannot forge listing lines
# or reach the terminal as escape sequences: inspect writes control
# characters, backslashes and bytes that are no UTF-8 as \xNN; inspect
# --json stays valid JSON (such bytes become U+FFFD, controls \u00NN).
mkdir -p "$t/app/bin"
cp "$SAMPLES/hello/hello" "$t/app/bin/hello"
evil=$'line\nfile    0644 1 forged\033[2J'
echo data > "$t/app/$evil"
echo data > "$t/app/"$'\xff\xfe-b\\ack'
pack "$t/app" "$t/app.run" --entry bin/hello
"$ONEBIN" inspect "$t/app.run" > "$t/list"
! grep -q $'\033' "$t/list" || fail "an escape character reached the listing"
! grep -q '^file    0644 1 forged' "$t/list" || fail "a name forged a line: $(cat "$t/list")"
grep -qF 'line\x0afile    0644 1 forged\x1b[2J' "$t/list" || fail "$(cat "$t/list")"
grep -qF '\xff\xfe-b\x5cack' "$t/list" || fail "$(cat "$t/list")"
"$ONEBIN" inspect --json "$t/app.run" > "$t/json"
python3 -c '
import json, sys
names = [e["path"] for e in json.load(open(sys.argv[1]))["entries"]]
assert "line\nfile    0644 1 forged\x1b[2J" in names, names
assert "\ufffd\ufffd-b\\ack" in names, names' "$t/json" || fail "JSON: $(cat "$t/json")"
