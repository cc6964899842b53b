. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$t/hello.run" > /dev/null
for i in $(seq 50); do [[ -z "$(ls -A "$t/runtime")" ]] && exit 0; sleep 0.1; done
fail "left behind: $(ls -A "$t/runtime")"
