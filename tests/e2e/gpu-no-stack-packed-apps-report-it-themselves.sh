. "$(dirname "$0")/common.inc"
# bullseye without any GPU stack: unpacked, glquad cannot even start (the
# loader lacks libEGL.so.1); packed, it starts with the packed GL dispatch
# libraries and reports the missing driver itself, as vkcompute does.
roots
cp "$SAMPLES/glquad/glquad" "$t/glquad"
status=0; run_in bullseye "$t/glquad" > "$t/out" 2>&1 || status=$?
[[ $status == 127 ]] && grep -q 'libEGL.so.1: cannot open shared object file' "$t/out" || fail "test setup: unpacked: $(cat "$t/out")"
pack "$SAMPLES/glquad/glquad" "$t/glquad.run"
status=0; run_in bullseye "$t/glquad.run" > "$t/out" 2>&1 || status=$?
[[ $status == 1 ]] || fail "glquad: status $status: $(cat "$t/out")"
grep -q '^no EGL device: eglInitialize failed' "$t/out" || fail "glquad: $(cat "$t/out")"
pack "$SAMPLES/vkcompute/vkcompute" "$t/vk.run"
status=0; run_in bullseye "$t/vk.run" > "$t/out" 2>&1 || status=$?
[[ $status == 1 ]] || fail "vkcompute: status $status: $(cat "$t/out")"
grep -q '^no Vulkan instance' "$t/out" || fail "vkcompute: $(cat "$t/out")"
