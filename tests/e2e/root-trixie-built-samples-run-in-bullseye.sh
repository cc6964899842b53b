. "$(dirname "$0")/common.inc"
trixie_samples "$t"
check_samples bullseye "$t"
