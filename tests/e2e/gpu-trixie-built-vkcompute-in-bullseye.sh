. "$(dirname "$0")/common.inc"
trixie_samples "$t"
vk_check bullseye-mesa "$t/vkcompute.run"
