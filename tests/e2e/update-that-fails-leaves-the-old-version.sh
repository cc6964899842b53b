. "$(dirname "$0")/common.inc"
# An update that cannot finish leaves version 1 as it was, and nothing beside
# it: the server gone (the connection refused), and
# a version 2 whose downloaded frame is damaged (its hash does not hold).
# (Unsigned versions over plain http: --insecure-http; version 2 packed later.)
privlibs_versions "$t"
mkdir "$t/www" "$t/dl"
serve "$t/www"
SOURCE_DATE_EPOCH=1000000000 pack "$t/v1" "$t/dl/app.run" --entry bin/privlibs --update-url "$base/app.run"
SOURCE_DATE_EPOCH=1000000100 pack "$t/v2" "$t/www/app.run" --entry bin/privlibs --update-url "$base/app.run"
cp "$t/dl/app.run" "$t/v1.run"
# The changed library's frame: the first range onebin asks for between the stub and the index.
python3 - "$t/www/app.run" "$t/v1.run" <<'PY'
import sys
new, old = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
at = next(i for i in range(min(len(new), len(old))) if new[i] != old[i])
data = bytearray(new)
data[at + 100] ^= 1
open(sys.argv[1], "wb").write(bytes(data))
PY
"$ONEBIN" update --insecure-http "$t/dl/app.run" > "$t/out" 2>&1 && fail "a damaged version 2 was taken: $(cat "$t/out")"
grep -q "is refused, $t/dl/app.run stays as it was" "$t/out" || fail "$(cat "$t/out")"
cmp -s "$t/dl/app.run" "$t/v1.run" || fail "version 1 changed"
stop_serving
"$ONEBIN" update --insecure-http "$t/dl/app.run" > "$t/out" 2>&1 && fail "updated with no server: $(cat "$t/out")"
grep -q "Couldn't connect\|Failed to connect" "$t/out" || fail "$(cat "$t/out")"
cmp -s "$t/dl/app.run" "$t/v1.run" || fail "version 1 changed"
[[ $(ls -A "$t/dl") == app.run ]] || fail "left beside it: $(ls -A "$t/dl")"
