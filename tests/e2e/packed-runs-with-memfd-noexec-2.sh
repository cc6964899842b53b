. "$(dirname "$0")/common.inc"
# vm.memfd_noexec=2 (Linux 6.3+) refuses executable memfds: the app still runs
# from its view, whose programs and libraries are files.
pack "$SAMPLES/hello/hello" "$t/hello.run"
if [[ ! -e /proc/sys/vm/memfd_noexec ]]; then
  echo "note: kernel $(uname -r) has no vm.memfd_noexec (Linux 6.3+); checking a plain run instead" >&2
  "$t/hello.run" arg > "$t/out" 2>&1 || fail "did not run: $(cat "$t/out")"
  grep -qx 'arg 1: arg' "$t/out" || fail "output: $(cat "$t/out")"
  exit 0
fi
# vm.memfd_noexec is per PID namespace: set it in a private one.
unshare --pid --fork --mount-proc bash -c '
  echo 2 > /proc/sys/vm/memfd_noexec
  ONEBIN_DEBUG=1 "$1" arg > "$2/out" 2> "$2/err"' _ "$t/hello.run" "$t" || fail "did not run: $(cat "$t/err")"
grep -qx 'arg 1: arg' "$t/out" || fail "output: $(cat "$t/out")"
