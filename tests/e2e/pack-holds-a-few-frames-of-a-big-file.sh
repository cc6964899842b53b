. "$(dirname "$0")/common.inc"
# pack reads, compresses and writes a big file a frame (4 MiB) at a time, a
# few frames per core in flight, and reads its output back a file at a time:
# for an app with a 1 GiB data file, 400 MB of it random (so the packed file
# is big too), its peak resident memory stays under 256 MB (it held the
# file, every frame and the whole packed file: over 2 GB; then the read-back
# mapping of the whole output: 400 MB), and the file reads back as it was.
mkdir -p "$t/app/bin" "$t/app/data"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
head -c 400M /dev/urandom > "$t/app/data/big"
truncate -s 1G "$t/app/data/big"
for at in 777 1023; do printf 'block %s' "$at" | dd of="$t/app/data/big" bs=1M seek="$at" conv=notrunc status=none; done
pack_mb=$(python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' \
  "$ONEBIN" pack "$t/app" -o "$t/app.run" --entry bin/hello --level 3) || fail "pack failed"
(( pack_mb < 256 )) || fail "pack held $pack_mb MB"
"$ONEBIN" extract "$t/app.run" "$t/out" > /dev/null || fail "extract failed"
cmp -s "$t/app/data/big" "$t/out/data/big" || fail "the extracted file differs"
echo "pack $pack_mb MB"
