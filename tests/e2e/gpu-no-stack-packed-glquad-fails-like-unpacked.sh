. "$(dirname "$0")/common.inc"
# bullseye without Mesa: the loader's own "cannot open shared object" error, exit 127, no crash.
roots
pack "$SAMPLES/glquad/glquad" "$t/glquad.run"
status=0; run_in bullseye "$t/glquad.run" > "$t/out" 2>&1 || status=$?
[[ $status == 127 ]] || fail "status $status: $(cat "$t/out")"
grep -q 'libEGL.so.1: cannot open shared object file' "$t/out" || fail "message: $(cat "$t/out")"
