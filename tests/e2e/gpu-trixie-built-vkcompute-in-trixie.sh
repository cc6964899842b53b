. "$(dirname "$0")/common.inc"
trixie_samples "$t"
vk_check trixie "$t/vkcompute.run"
