. "$(dirname "$0")/common.inc"
trixie_samples "$t"
check_samples musl "$t"
