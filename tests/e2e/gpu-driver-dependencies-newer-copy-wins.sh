. "$(dirname "$0")/common.inc"
# Libraries host drivers also load (libz, liblzma, libzstd...): bullseye's
# apt-get bundles older copies; on this host (bookworm) the newer host copies
# win, in bullseye itself the bundled ones are kept.
roots
pack "$roots/bullseye/usr/bin/apt-get" "$t/apt-get.run" --root "$roots/bullseye"
ONEBIN_DEBUG=1 "$t/apt-get.run" --version > "$t/out" 2> "$t/err" || fail "apt-get: $(cat "$t/err")"
grep -q '^apt 2\.2\.' "$t/out" || fail "output: $(cat "$t/out")"
grep -q '^onebin: libz.so.1: host 1\.2\.13, bundled 1\.2\.11 -> host$' "$t/err" || fail "libz decision: $(cat "$t/err")"
ONEBIN_DEBUG=1 run_in bullseye "$t/apt-get.run" --version > "$t/out" 2> "$t/err" || fail "apt-get in bullseye: $(cat "$t/err")"
grep -q '^onebin: libz.so.1: host 1\.2\.11, bundled 1\.2\.11 -> bundled$' "$t/err" || fail "libz decision in bullseye: $(cat "$t/err")"
