. "$(dirname "$0")/common.inc"
pack "$SAMPLES/glquad/glquad" "$t/glquad.run" --explain
grep -q '^host   libEGL.so.1  (GPU/display stack' "$t/pack.log" || fail "libEGL: $(cat "$t/pack.log")"
grep -q '^host   libGLESv2.so.2  (GPU/display stack' "$t/pack.log" || fail "libGLESv2: $(cat "$t/pack.log")"
pack "$SAMPLES/vkcompute/vkcompute" "$t/vk.run" --explain
grep -q '^host   libvulkan.so.1  (GPU/display stack' "$t/pack.log" || fail "libvulkan: $(cat "$t/pack.log")"
for packed in "$t/glquad.run" "$t/vk.run"; do
  "$ONEBIN" inspect "$packed" > "$t/list" || fail "inspect $packed"
  grep -q 'lib/libc.so.6' "$t/list" || fail "listing of $packed has no libc: $(cat "$t/list")"
  if grep -E 'libEGL|libGLES|libvulkan' "$t/list"; then fail "a GPU library was bundled in $packed"; fi
done
