. "$(dirname "$0")/common.inc"
pack /usr/bin/sleep "$t/sleep.run"
"$t/sleep.run" 30 &
pid=$!
sleep 0.5
kill -TERM $pid
status=0; wait $pid || status=$?
[[ $status == 143 ]] || fail "status $status after SIGTERM, want 143"
