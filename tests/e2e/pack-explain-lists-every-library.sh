. "$(dirname "$0")/common.inc"
pack "$SAMPLES/privlibs/app" "$t/p.run" --entry bin/privlibs --explain
for lib in libstdc++.so.6 libgcc_s.so.1 libc.so.6 libm.so.6 ld-linux-x86-64.so.2; do
  grep -q "^bundle $lib  from /.*  (needed by " "$t/pack.log" || fail "$lib missing from: $(cat "$t/pack.log")"
done
