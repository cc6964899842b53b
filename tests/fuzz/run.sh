#!/bin/bash
# Runs a fuzz target (container_fuzz.c: the container reader and the stub's decoder;
# update_fuzz.cpp: what onebin update takes from a server) for SECONDS
# (default 60) from seeds made of real packed files, split into the target's
# input (payload size, payload, raw index): small ones, so that each run is
# quick: a script app with a directory, a link, small files sharing a frame
# and one of two frames, and the same with its index's families and needs
# (sqlite3's libraries packed from this machine).
# Fails on any crash, leak or sanitizer report (libFuzzer's exit status).
# Usage: run.sh FUZZER [SECONDS]  (ONEBIN and SAMPLES set, as for the e2e tests)
set -euo pipefail
fuzzer=$1 seconds=${2:-60}
t=$(mktemp -d /tmp/onebin-fuzz-XXXXXX)
trap 'rm -rf "$t"' EXIT
mkdir "$t/seeds" "$t/corpus" "$t/scratch"
export ONEBIN_FUZZ_SCRATCH=$t/scratch
mkdir -p "$t/app/bin" "$t/app/share/doc"
printf '#!/bin/sh\necho packed\n' > "$t/app/bin/run"
chmod 755 "$t/app/bin/run"
echo "a small file" > "$t/app/share/doc/a.txt"
echo "another one" > "$t/app/share/doc/b.txt"
head -c 5000000 /dev/zero | tr '\0' 'x' > "$t/app/share/big.txt"
ln -s doc/a.txt "$t/app/share/link"
"$ONEBIN" pack "$t/app" -o "$t/script.run" --entry bin/run --level 1 > /dev/null
"$ONEBIN" pack "$t/app" -o "$t/hosted.run" --entry bin/run --level 1 --add "$SAMPLES/hello/hello:bin/hello" \
  --host-lib 'libc.so*' --host-lib 'libm.so*' > /dev/null
for packed in "$t"/*.run; do
  python3 - "$packed" "$t/seeds/$(basename "$packed").seed" <<'PY'
import struct, subprocess, sys
data = open(sys.argv[1], "rb").read()
version, flags, payload, index, compressed, size, index_hash = struct.unpack_from("<IIQQQQQ", data, len(data) - 56)
raw = subprocess.run(["zstd", "-d", "-c"], input=data[index:index + compressed], capture_output=True, check=True).stdout
body = data[payload:index]
open(sys.argv[2], "wb").write(struct.pack("<I", len(body)) + body + raw)
PY
done
# A crashing input is kept in the working directory (ctest's: build/tests) as fuzz-crash-*.
status=0
"$fuzzer" -max_total_time="$seconds" -max_len=4194304 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$PWD/fuzz-" "$t/corpus" "$t/seeds" > "$t/log" 2>&1 || status=$?
if (( status != 0 )); then
  grep -A 30 -m 1 'ERROR\|runtime error\|deadly signal' "$t/log" || tail -n 40 "$t/log"
  exit $status
fi
tail -n 6 "$t/log"
