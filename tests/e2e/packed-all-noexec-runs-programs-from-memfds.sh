. "$(dirname "$0")/common.inc"
# Every candidate place noexec, HOME included: programs run from memfds.
pack "$SAMPLES/hello/hello" "$t/hello.run"
w=$(mktemp -d /var/tmp/onebin-e2e-XXXXXX)
trap 'rm -rf "$t" "$w"' EXIT
cp "$t/hello.run" "$w/"
mkdir "$w/home"
HOME="$w/home" unshare --mount bash -c '
  for dir in "$XDG_RUNTIME_DIR" /dev/shm /tmp "$HOME"; do mount -t tmpfs -o noexec tmpfs "$dir"; done
  ONEBIN_DEBUG=1 "$1/hello.run" x > "$1/out" 2> "$1/err"' _ "$w" || fail "did not run: $(cat "$w/err")"
grep -q 'noexec: programs and libraries run from memfds' "$w/err" || fail "no memfd decision: $(cat "$w/err")"
grep -qx 'arg 1: x' "$w/out" || fail "output: $(cat "$w/out")"
