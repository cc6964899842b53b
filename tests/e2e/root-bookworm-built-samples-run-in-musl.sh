. "$(dirname "$0")/common.inc"
bookworm_samples "$t"
check_samples musl "$t"
