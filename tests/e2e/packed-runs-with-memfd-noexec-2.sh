. "$(dirname "$0")/common.inc"
pack "$SAMPLES/hello/hello" "$t/hello.run"
if [[ ! -e /proc/sys/vm/memfd_noexec ]]; then
  # Before Linux 6.3 no kernel refuses executable memfds: libraries must go to memfds.
  echo "note: kernel $(uname -r) has no vm.memfd_noexec; checking the memfd path instead" >&2
  ONEBIN_DEBUG=1 "$t/hello.run" arg > "$t/out" 2> "$t/err" || fail "did not run: $(cat "$t/err")"
  grep -q 'executable memfds are not available' "$t/err" && fail "memfds refused on an old kernel: $(cat "$t/err")"
  grep -qx 'arg 1: arg' "$t/out" || fail "output: $(cat "$t/out")"
  exit 0
fi
# vm.memfd_noexec (Linux 6.3+) is per PID namespace: set it in a private one.
unshare --pid --fork --mount-proc bash -c '
  echo 2 > /proc/sys/vm/memfd_noexec
  ONEBIN_DEBUG=1 "$1" arg > "$2/out" 2> "$2/err"' _ "$t/hello.run" "$t" || fail "did not run: $(cat "$t/err")"
grep -q 'vm.memfd_noexec=2' "$t/err" || fail "no memfd_noexec decision: $(cat "$t/err")"
grep -qx 'arg 1: arg' "$t/out" || fail "output: $(cat "$t/out")"
