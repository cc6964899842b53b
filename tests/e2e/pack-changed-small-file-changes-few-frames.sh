. "$(dirname "$0")/common.inc"
# Two versions of an app with 2,000 small files, one of them grown by 20 KB
# near the start: of the second version's frames, at most 3 hold bytes the
# first version's frames do not, so an update can reuse the rest (before,
# small files filled 1 MiB frames in turn, and every later frame shifted).
mkdir -p "$t/v1/bin" "$t/v1/data"
cp "$SAMPLES/hello/hello" "$t/v1/bin/"
python3 - "$t/v1/data" <<'PY'
import random, sys
random.seed(1)
words = ["level", "sprite", "sound", "map", "tile", "enemy", "door", "key", "score", "music"]
for i in range(2000):
    with open(f"{sys.argv[1]}/{i:04}.txt", "w") as out:
        out.write(" ".join(random.choice(words) + str(random.randrange(1000)) for _ in range(random.randrange(200, 600))))
PY
cp -a "$t/v1" "$t/v2"
head -c 20000 "$t/v1/data/0200.txt" >> "$t/v2/data/0100.txt"  # grown by 20 KB: later files move by as much
touch -r "$t/v1/data/0100.txt" "$t/v2/data/0100.txt"
pack "$t/v1" "$t/v1.run" --entry bin/hello
pack "$t/v2" "$t/v2.run" --entry bin/hello
for v in v1 v2; do "$ONEBIN" inspect --json "$t/$v.run" > "$t/$v.json" || fail "inspect $v"; done
python3 - "$t" > "$t/frames" <<'PY' || fail "$(cat "$t/frames")"
import hashlib, json, sys
def frames(v):
    index = json.load(open(f"{sys.argv[1]}/{v}.json"))
    data = open(f"{sys.argv[1]}/{v}.run", "rb").read()
    spans = {(e["data"], e["compressed"]) for e in index["entries"] if e["type"] == "file" and e["shared_frame"]}
    at = index["payload_offset"]
    return {hashlib.sha256(data[at + d:at + d + n]).hexdigest() for d, n in spans}
old, new = frames("v1"), frames("v2")
print(len(new - old), len(new))
PY
read -r changed total < "$t/frames"
echo "$changed of $total frames new"
(( total >= 5 )) || fail "test setup: only $total shared frames"
(( changed <= 3 )) || fail "$changed of $total frames of version 2 are new"
