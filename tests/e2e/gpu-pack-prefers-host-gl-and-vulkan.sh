. "$(dirname "$0")/common.inc"
# The GL/EGL/GLES dispatch and the Vulkan loader are packed as fallbacks
# (family "host") and this host's own copies, which have every symbol the
# apps use, are the ones that load.
pack "$SAMPLES/glquad/glquad" "$t/glquad.run" --explain
for lib in libEGL.so.1 libGLESv2.so.2; do
  grep -q "^host+  $lib  from .*(driver-facing" "$t/pack.log" || fail "$lib: $(cat "$t/pack.log")"
done
pack "$SAMPLES/vkcompute/vkcompute" "$t/vk.run" --explain
grep -q '^host+  libvulkan.so.1  from .*(driver-facing' "$t/pack.log" || fail "libvulkan: $(cat "$t/pack.log")"
grep -q '^file .* host  *lib/libEGL.so.1$' <("$ONEBIN" inspect "$t/glquad.run") || fail "libEGL not packed: $("$ONEBIN" inspect "$t/glquad.run")"
grep -q '^file .* host  *lib/libvulkan.so.1$' <("$ONEBIN" inspect "$t/vk.run") || fail "libvulkan not packed"
ONEBIN_DEBUG=1 "$t/glquad.run" > "$t/out" 2> "$t/err" || fail "glquad: $(cat "$t/out" "$t/err")"
grep -q "libEGL.so.1: the host's copy has every symbol the app uses from it -> host" "$t/err" || fail "$(cat "$t/err")"
grep -qx 'pixels: right' "$t/out" || fail "$(cat "$t/out")"
ONEBIN_DEBUG=1 "$t/vk.run" > "$t/out" 2> "$t/err" || fail "vkcompute: $(cat "$t/out" "$t/err")"
grep -q "libvulkan.so.1: the host's copy has every symbol the app uses from it -> host" "$t/err" || fail "$(cat "$t/err")"
