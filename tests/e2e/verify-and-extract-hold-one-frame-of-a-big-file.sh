. "$(dirname "$0")/common.inc"
# verify and extract decompress a file one frame (4 MiB) at a time: for an
# app with a 1.5 GiB file, neither holds more than 256 MB (each held the
# whole file, 1.5 GiB; a crafted file could make it 16 GiB), and the
# extracted file is the packed one.
mkdir -p "$t/app/bin" "$t/app/data"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
truncate -s 1536M "$t/app/data/big"
printf 'end' >> "$t/app/data/big"
pack "$t/app" "$t/app.run" --entry bin/hello
peak_mb() {  # COMMAND...: runs it, prints its peak resident memory in MB
  python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' "$@"
}
verify_mb=$(peak_mb "$ONEBIN" verify "$t/app.run") || fail "verify failed"
(( verify_mb < 256 )) || fail "verify held $verify_mb MB"
extract_mb=$(peak_mb "$ONEBIN" extract "$t/app.run" "$t/out") || fail "extract failed"
(( extract_mb < 256 )) || fail "extract held $extract_mb MB"
cmp -s "$t/app/data/big" "$t/out/data/big" || fail "the extracted file differs"
echo "verify $verify_mb MB, extract $extract_mb MB"
