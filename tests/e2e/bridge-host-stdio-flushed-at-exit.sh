. "$(dirname "$0")/common.inc"
# stdout is a file: glibc buffers it fully, and only a flush at exit writes it.
"$BRIDGE_CHECK" flush > "$t/out" 2>&1 || fail "flush check failed"
grep -qx 'printed by host printf' "$t/out" || fail "host output lost: $(cat "$t/out")"
