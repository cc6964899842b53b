. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$ONEBIN" inspect --json "$t/hello.run" > "$t/json"
python3 -c '
import json, sys
doc = json.load(open(sys.argv[1]))
paths = [e["path"] for e in doc["entries"]]
assert doc["main"] == "bin/hello", doc["main"]
assert "lib/libc.so.6" in paths and "lib/ld-linux-x86-64.so.2" in paths, paths
' "$t/json" || fail "json: $(cat "$t/json")"
