. "$(dirname "$0")/common.inc"
# A sparse file (a 1 GB disk image with one byte written) is unpacked into
# the cache with its holes: blocks of zeros are not written, so it takes a
# few blocks on disk, not 1 GB, and reads back byte for byte.
mkdir -p "$t/app/bin" "$t/app/data"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
truncate -s 1G "$t/app/data/disk.img"
printf x | dd of="$t/app/data/disk.img" bs=1 seek=500000000 conv=notrunc status=none
pack "$t/app" "$t/app.run" --entry bin/hello
HOME=$t/home "$t/app.run" --onebin-cache=always a > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -qx 'arg 1: a' "$t/out" || fail "the app printed: $(cat "$t/out")"
copy=$(echo "$t"/home/.cache/onebin/apps/*/data/disk.img)
[[ -f $copy ]] || fail "no cached copy"
used=$(du -k "$copy" | cut -f1)
(( used < 1024 )) || fail "the 1 GB sparse file takes $used KB in the cache"
cmp "$copy" "$t/app/data/disk.img" || fail "the cached copy differs"
