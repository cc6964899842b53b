. "$(dirname "$0")/common.inc"
pack "$SAMPLES/vkcompute/vkcompute" "$t/vk.run" --bundle-lib 'libvulkan.so*' --explain
grep -q '^bundle libvulkan.so.1 ' "$t/pack.log" || fail "--bundle-lib ignored: $(cat "$t/pack.log")"
