. "$(dirname "$0")/common.inc"
roots
pack "$SAMPLES/vkcompute/vkcompute" "$t/vkcompute.run"
vk_check bullseye-mesa "$t/vkcompute.run"
