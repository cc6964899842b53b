. "$(dirname "$0")/common.inc"
roots
vk_check trixie "$SAMPLES/vkcompute/static-vkcompute"
