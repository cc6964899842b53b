. "$(dirname "$0")/common.inc"
roots
status=0; run_in musl "$SAMPLES/glquad/static-glquad" > "$t/out" 2>&1 || status=$?
[[ $status == 1 ]] || fail "status $status: $(cat "$t/out")"
grep -qx 'no EGL/GLES on this host: no glibc loader on this host' "$t/out" || fail "message: $(cat "$t/out")"
