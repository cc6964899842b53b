. "$(dirname "$0")/common.inc"
pack /usr/bin/sleep "$t/sleep.run"
"$t/sleep.run" 30 &
app=$!
watcher=$(wait_for_watcher "$t/sleep.run" $app)
kill -9 $watcher $app
wait $app 2>/dev/null || true
[[ -n "$(ls -A "$t/runtime")" ]] || fail "test setup: the killed app left nothing to collect"
pack "$SAMPLES/hello/hello" "$t/hello.run"
"$t/hello.run" > /dev/null
for i in $(seq 50); do [[ -z "$(ls -A "$t/runtime")" ]] && exit 0; sleep 0.1; done
fail "left behind after the next launch: $(ls -A "$t/runtime")"
