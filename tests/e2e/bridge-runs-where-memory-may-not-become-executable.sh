# Under PR_SET_MDWE (what systemd's MemoryDenyWriteExecute sets), no memory
# may be writable and executable or become executable after being mapped:
# the bridge maps ld.so and its helper from files, so a static bridge
# program still works, alone and packed (the stub's view under the same rule).
. "$(dirname "$0")/common.inc"
"$ONEBIN" pack "$BRIDGE_CHECK" -o "$t/bridge_check.run" > /dev/null || fail "pack failed"
for program in "$BRIDGE_CHECK" "$t/bridge_check.run"; do
  python3 - "$program" > "$t/out" 2>&1 <<'PY' || fail "$program under PR_SET_MDWE: $(cat "$t/out")"
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
PR_SET_MDWE, PR_GET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN = 65, 66, 1
if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0 or libc.prctl(PR_GET_MDWE, 0, 0, 0, 0) != 1:
    sys.exit("PR_SET_MDWE not in force: " + os.strerror(ctypes.get_errno()))
os.execv(sys.argv[1], [sys.argv[1], "call"])
PY
  grep -qxF 'cos(0.5) = 0.877582561890' "$t/out" || fail "$program under PR_SET_MDWE printed: $(cat "$t/out")"
done
