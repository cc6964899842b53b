. "$(dirname "$0")/common.inc"
file -b "$SAMPLES/vkcompute/static-vkcompute" | grep -q 'statically linked' || fail "static-vkcompute is not static"
vk_check host "$SAMPLES/vkcompute/static-vkcompute"
