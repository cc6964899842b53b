. "$(dirname "$0")/common.inc"
# In a new PID namespace (unshare -pf, as sandboxes and containers start
# programs), with its own /proc or still the parent's, the app and its
# libraries load.
bookworm_samples "$t"
for proc in --mount-proc ""; do
  unshare --pid --fork $proc "$t/privlibs.run" > "$t/out" 2>&1 || fail "unshare -pf $proc: $(cat "$t/out")"
  grep -qx 'plugin: LOADED BY NAME' "$t/out" || fail "unshare -pf $proc: $(cat "$t/out")"
  grep -qx 'data: found next to the program' "$t/out" || fail "unshare -pf $proc: $(cat "$t/out")"
done
