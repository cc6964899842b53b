. "$(dirname "$0")/common.inc"
pack "$SAMPLES/glquad/glquad" "$t/glquad.run" --explain
grep -q '^host   libEGL.so.1  (GPU/display stack' "$t/pack.log" || fail "libEGL: $(cat "$t/pack.log")"
grep -q '^host   libGLESv2.so.2  (GPU/display stack' "$t/pack.log" || fail "libGLESv2: $(cat "$t/pack.log")"
pack "$SAMPLES/vkcompute/vkcompute" "$t/vk.run" --explain
grep -q '^host   libvulkan.so.1  (GPU/display stack' "$t/pack.log" || fail "libvulkan: $(cat "$t/pack.log")"
"$ONEBIN" inspect "$t/glquad.run" "$t/vk.run" 2>/dev/null | grep -E 'libEGL|libGLES|libvulkan' && fail "a GPU library was bundled"
exit 0
