. "$(dirname "$0")/common.inc"
pack "$SAMPLES/spawn/app" "$t/spawn.run" --entry bin/spawn
"$t/spawn.run" > "$t/out"
grep -qx 'helper got from-parent, uses libhelper' "$t/out" || fail "helper: $(cat "$t/out")"
grep -qx 'helper exited 4' "$t/out" || fail "helper status: $(cat "$t/out")"
grep -qx 'LD_LIBRARY_PATH unset' "$t/out" || fail "environment: $(cat "$t/out")"
