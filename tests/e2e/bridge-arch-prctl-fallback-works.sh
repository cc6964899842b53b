. "$(dirname "$0")/common.inc"
# The system-call path used where the kernel has not enabled FSGSBASE.
for check in call threads callback varargs; do
  ONEBIN_HOST_FSBASE=syscall "$BRIDGE_CHECK" $check > "$t/out" 2>&1 || fail "$check with arch_prctl: $(cat "$t/out")"
done
