. "$(dirname "$0")/common.inc"
# The app daemonises (double fork, its first process exits at once); its
# daemon dlopens a bundled plugin a second later and still finds it.
pack "$SAMPLES/daemon/app" "$t/daemon.run" --entry bin/daemon
"$t/daemon.run" "$t/report" || fail "did not start"
[[ ! -e "$t/report" ]] || fail "test setup: the daemon reported before its parent exited"
for _ in $(seq 50); do [[ -s "$t/report" ]] && break; sleep 0.1; done
grep -qx 'plugin: loaded by the daemon' "$t/report" || fail "the daemon could not load its plugin: $(cat "$t/report" 2>&1)"
