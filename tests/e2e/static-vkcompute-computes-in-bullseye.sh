. "$(dirname "$0")/common.inc"
roots
vk_check bullseye-mesa "$SAMPLES/vkcompute/static-vkcompute"
