. "$(dirname "$0")/common.inc"
roots
pack "$SAMPLES/vkcompute/vkcompute" "$t/vkcompute.run"
vk_check trixie "$t/vkcompute.run"
