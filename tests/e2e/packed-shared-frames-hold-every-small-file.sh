. "$(dirname "$0")/common.inc"
# Small files share frames, with a large file between members of one frame;
# the running app (a packed dash) and onebin extract both see every byte.
mkdir -p "$t/data"
for i in 1 3 5; do head -c $((i * 1000)) /dev/urandom > "$t/data/$i.small"; done
head -c 300000 /dev/urandom > "$t/data/2.large"
head -c 70000 /dev/urandom > "$t/data/4.medium"
adds=()
for f in "$t"/data/*; do adds+=(--add "$f:data/$(basename "$f")"); done
pack /bin/dash "$t/sh.run" "${adds[@]}"
"$ONEBIN" inspect --json "$t/sh.run" > "$t/json"
python3 - "$t/json" <<'PY' || fail "frames: $(cat "$t/json")"
import json, sys
files = {e["path"]: e for e in json.load(open(sys.argv[1]))["entries"]}
small = [files["data/%d.small" % i] for i in (1, 3, 5)]
assert all(e["shared_frame"] for e in small), small
assert len({e["data"] for e in small}) == 1, small  # one frame for the three
assert not files["data/2.large"]["shared_frame"] and not files["data/4.medium"]["shared_frame"], files
PY
(cd "$t/data" && md5sum *) > "$t/want"
"$t/sh.run" -c 'cd "$ONEBIN_APPDIR/data" && md5sum *' > "$t/got" || fail "packed dash failed"
diff "$t/want" "$t/got" || fail "content differs in the running app"
"$ONEBIN" extract "$t/sh.run" "$t/tree" > /dev/null
(cd "$t/tree/data" && md5sum *) > "$t/got"
diff "$t/want" "$t/got" || fail "content differs after extract"
