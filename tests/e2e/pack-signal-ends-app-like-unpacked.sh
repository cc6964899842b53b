. "$(dirname "$0")/common.inc"
pack /usr/bin/sleep "$t/sleep.run"
"$t/sleep.run" 30 &
pid=$!
wait_for_watcher "$t/sleep.run" $pid > /dev/null  # the app runs: the signal is not the launcher's
kill -TERM $pid
status=0; wait $pid || status=$?
[[ $status == 143 ]] || fail "status $status after SIGTERM, want 143"
