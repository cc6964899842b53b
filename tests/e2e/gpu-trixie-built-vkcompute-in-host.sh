. "$(dirname "$0")/common.inc"
trixie_samples "$t"
vk_check host "$t/vkcompute.run"
