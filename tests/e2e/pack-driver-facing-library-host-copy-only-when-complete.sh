. "$(dirname "$0")/common.inc"
# A driver-facing library (here a libdrm.so.2 of the test's own) is packed as
# a fallback: the app uses the host's copy when it defines every symbol the
# app imports from it, and the packed copy when the host has none or an older
# one that lacks a symbol.
mkdir -p "$t/build" "$t/old" "$t/host"
cat > "$t/drm.c" <<'C'
const char *drm_says(void) { return WHO; }
#ifdef NEW
int drm_new_feature(void) { return 1; }
#endif
C
cc -shared -fPIC -Wl,-soname,libdrm.so.2 -DNEW '-DWHO="packed copy"' -o "$t/build/libdrm.so.2" "$t/drm.c"
cc -shared -fPIC -Wl,-soname,libdrm.so.2 '-DWHO="old host copy"' -o "$t/old/libdrm.so.2" "$t/drm.c"
cc -shared -fPIC -Wl,-soname,libdrm.so.2 -DNEW '-DWHO="host copy"' -o "$t/host/libdrm.so.2" "$t/drm.c"
printf '#include <stdio.h>\nconst char *drm_says(void); int drm_new_feature(void);\nint main(void) { printf("%%s %%d\\n", drm_says(), drm_new_feature()); return 0; }\n' > "$t/app.c"
cc -o "$t/build/app" "$t/app.c" "$t/build/libdrm.so.2" -Wl,-rpath,"$t/build"
pack "$t/build/app" "$t/app.run" --explain
grep -q '^host+  libdrm.so.2  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
for host in none old host; do
  mkdir -p "$t/root-$host/usr/lib/x86_64-linux-gnu" "$t/root-$host/tmp" "$t/root-$host/proc"
  [[ $host == none ]] || cp "$t/$host/libdrm.so.2" "$t/root-$host/usr/lib/x86_64-linux-gnu/"
  cp "$t/app.run" "$t/root-$host/"
  ONEBIN_DEBUG=1 "$here/../roots/in-root.sh" "$t/root-$host" /app.run > "$t/out-$host" 2> "$t/err-$host" ||
    fail "host $host: $(cat "$t/out-$host" "$t/err-$host")"
done
[[ $(cat "$t/out-none") == "packed copy 1" ]] || fail "no host copy: $(cat "$t/out-none" "$t/err-none")"
grep -q 'libdrm.so.2: the host has none -> bundled' "$t/err-none" || fail "debug: $(cat "$t/err-none")"
[[ $(cat "$t/out-old") == "packed copy 1" ]] || fail "old host copy: $(cat "$t/out-old" "$t/err-old")"
grep -q "libdrm.so.2: the host's copy lacks drm_new_feature -> bundled" "$t/err-old" || fail "debug: $(cat "$t/err-old")"
[[ $(cat "$t/out-host") == "host copy 1" ]] || fail "complete host copy: $(cat "$t/out-host" "$t/err-host")"
