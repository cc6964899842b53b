. "$(dirname "$0")/common.inc"
# vm.memfd_noexec (Linux 6.3+) is per PID namespace: set it in a private one.
[[ -e /proc/sys/vm/memfd_noexec ]] || fail "this kernel ($(uname -r)) has no vm.memfd_noexec; the test needs 6.3+"
pack "$SAMPLES/hello/hello" "$t/hello.run"
unshare --pid --fork --mount-proc bash -c '
  echo 2 > /proc/sys/vm/memfd_noexec
  ONEBIN_DEBUG=1 "$1" arg > "$2/out" 2> "$2/err"' _ "$t/hello.run" "$t" || fail "did not run: $(cat "$t/err")"
grep -q 'vm.memfd_noexec=2' "$t/err" || fail "no memfd_noexec decision: $(cat "$t/err")"
grep -qx 'arg 1: arg' "$t/out" || fail "output: $(cat "$t/out")"
