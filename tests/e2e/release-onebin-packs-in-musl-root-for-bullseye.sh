. "$(dirname "$0")/common.inc"
# The released onebin, run inside the musl-only root, packs the privlibs
# sample (its glibc libraries taken from a --root holding them, as a CI job
# on a musl system would), and the packed app runs in bullseye.
roots
"$here/../../scripts/release" "$(dirname "$ONEBIN")" "$t/onebin-x86_64.run" > "$t/out" 2>&1 || fail "release: $(cat "$t/out")"
cp -a "$roots/musl" "$t/musl"
[[ ! -e $t/musl/lib/x86_64-linux-gnu/libc.so.6 ]] || fail "test setup: the musl root has glibc"
cp "$t/onebin-x86_64.run" "$t/musl/onebin.run"
mkdir -p "$t/musl/sysroot/lib/x86_64-linux-gnu"
for lib in libc.so.6 libm.so.6 libgcc_s.so.1 libstdc++.so.6 ld-linux-x86-64.so.2 libdl.so.2 libpthread.so.0 \
           libresolv.so.2 librt.so.1 libutil.so.1; do
  cp -L "/lib/x86_64-linux-gnu/$lib" "$t/musl/sysroot/lib/x86_64-linux-gnu/"
done
cp -a "$SAMPLES/privlibs/app" "$t/musl/sysroot/privlibs"
"$here/../roots/in-root.sh" "$t/musl" /onebin.run pack /sysroot/privlibs -o /privlibs.run --entry bin/privlibs \
  --root /sysroot --level 3 > "$t/out" 2>&1 || fail "pack in the musl root: $(cat "$t/out")"
run_in bullseye "$t/musl/privlibs.run" > "$t/out" 2>&1 || fail "in bullseye: $(cat "$t/out")"
grep -q "greeting: hello, private library" "$t/out" || fail "$(cat "$t/out")"
