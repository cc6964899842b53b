. "$(dirname "$0")/common.inc"
# A packed file whose desktop entry says Icon=../../../../../outside (made
# by hand: the packer refuses it) installs nothing: --onebin-install names
# the icon name and why, writes nothing outside the data directory and
# leaves nothing in it.
desktop_appdir "$t/Tool.AppDir"
pack "$t/Tool.AppDir" "$t/tool.run"
# The entry's frame is replaced by one holding the changed text, the index
# and trailer written anew with their hashes (formats/README.md).
python3 - "$t/tool.run" Icon=org.example.Tool Icon=../../../../../outside <<'PY' || fail "crafting the file"
import struct, subprocess, sys, tempfile
path, old, new = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
def xxh64(data):
    with tempfile.NamedTemporaryFile() as f:
        f.write(data); f.flush()
        out = subprocess.run(["xxhsum", "-H64", f.name], capture_output=True, check=True).stdout
    return int(out.split()[0].split(b"_")[-1], 16)
def zstd(args, data):
    return subprocess.run(["zstd", "-q", "-c"] + args, input=data, capture_output=True, check=True).stdout
data = open(path, "rb").read()
trailer = bytearray(data[-64:])
payload, index_offset, index_csize = struct.unpack_from("<QQQ", trailer, 16)
index = bytearray(zstd(["-d"], data[index_offset:index_offset + index_csize]))
count, = struct.unpack_from("<I", index, 0)
strings = 32 + 104 * count
for e in range(32, strings, 104):
    flags, = struct.unpack_from("<H", index, e + 2)
    at, size = struct.unpack_from("<II", index, e + 8)
    if flags & 0x100 and index[strings + at:strings + at + size].endswith(b".desktop"):
        _, start, frames = struct.unpack_from("<QQQ", index, e + 24)
        text = zstd(["-d"], data[payload + start:payload + start + frames])
        assert old in text, text
        text = text.replace(old, new)
        # One frame of one raw block (single segment, 4-byte content size)
        # where the index was; the old frame stays unused.
        frame = struct.pack("<IBI", 0xFD2FB528, 0xA0, len(text)) + (1 | len(text) << 3).to_bytes(3, "little") + text
        struct.pack_into("<QQQQ", index, e + 24, len(text), index_offset - payload, len(frame), xxh64(text))
        break
else:
    sys.exit("no desktop entry")
packed_index = zstd(["-19"], bytes(index))
body = data[:index_offset] + frame + packed_index
body += struct.pack("<QQ", xxh64(body), 0)
struct.pack_into("<QQQQ", trailer, 24, index_offset + len(frame), len(packed_index), len(index), xxh64(bytes(index)))
struct.pack_into("<Q", trailer, 56, xxh64(bytes(trailer[:56])))
open(path, "wb").write(body + bytes(trailer))
PY
"$ONEBIN" inspect "$t/tool.run" | grep -qx 'desktop Icon: ../../../../../outside' || fail "not crafted: $("$ONEBIN" inspect "$t/tool.run")"
mkdir "$t/data"
XDG_DATA_HOME=$t/data "$t/tool.run" --onebin-install > "$t/out" 2>&1 && fail "install succeeded: $(cat "$t/out")"
[[ -z $(find "$t" -maxdepth 1 -name 'outside*') ]] || fail "wrote outside the data directory: $(find "$t" -maxdepth 1 -name 'outside*')"
[[ -z $(find "$t/data" -mindepth 1) ]] || fail "left $(find "$t/data" -mindepth 1)"
grep -qF "icon name '../../../../../outside': has a slash" "$t/out" || fail "$(cat "$t/out")"
