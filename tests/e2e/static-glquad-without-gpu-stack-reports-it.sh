. "$(dirname "$0")/common.inc"
roots
status=0; run_in bullseye "$SAMPLES/glquad/static-glquad" > "$t/out" 2>&1 || status=$?
[[ $status == 1 ]] || fail "status $status (a crash?): $(cat "$t/out")"
grep -q '^no EGL/GLES on this host: libEGL.so.1: cannot open shared object file' "$t/out" || fail "message: $(cat "$t/out")"
