. "$(dirname "$0")/common.inc"
# With SOURCE_DATE_EPOCH set, times after it are clamped to it and earlier
# ones kept (tar --clamp-mtime), so the same tree packs to the same bytes.
mkdir -p "$t/app/bin"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
echo new > "$t/app/new.txt"
echo old > "$t/app/old.txt" && touch -d @900000000 "$t/app/old.txt"
SOURCE_DATE_EPOCH=1000000000 pack "$t/app" "$t/a.run" --entry bin/hello
"$ONEBIN" inspect --json "$t/a.run" > "$t/json"
python3 - "$t/json" <<'PY' || fail "times: $(cat "$t/json")"
import json, sys
times = {e["path"]: e["mtime_ns"] for e in json.load(open(sys.argv[1]))["entries"]}
assert times["new.txt"] == 1000000000 * 10**9, times
assert times["old.txt"] == 900000000 * 10**9, times
assert max(times.values()) == 1000000000 * 10**9, times
PY
touch "$t/app/new.txt"
SOURCE_DATE_EPOCH=1000000000 pack "$t/app" "$t/b.run" --entry bin/hello
cmp -s "$t/a.run" "$t/b.run" || fail "the same tree packed to different bytes"
if SOURCE_DATE_EPOCH=yesterday "$ONEBIN" pack "$t/app" -o "$t/c.run" --entry bin/hello 2> "$t/err"; then fail "took SOURCE_DATE_EPOCH=yesterday"; fi
grep -q 'SOURCE_DATE_EPOCH=yesterday: not a number' "$t/err" || fail "message: $(cat "$t/err")"
