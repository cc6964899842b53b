. "$(dirname "$0")/common.inc"
# The clean-up process lives as long as the app: it must not hold the
# caller's other descriptors (a pipe would never see end-of-file, a lock
# would never be released while it runs).
pack /usr/bin/sleep "$t/sleep.run"
: > "$t/marker"
"$t/sleep.run" 30 7>>"$t/marker" &
app=$!
trap 'kill -9 $app 2>/dev/null || true; rm -rf "$t"' EXIT
watcher=$(wait_for_watcher "$t/sleep.run" $app)
ls -l /proc/$app/fd | grep -q "$t/marker" || fail "test setup: the app does not hold the marker"
! ls -l /proc/$watcher/fd | grep -q "$t/marker" || fail "the clean-up process holds the caller's descriptor 7"
