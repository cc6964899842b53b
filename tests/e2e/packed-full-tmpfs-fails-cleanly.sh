. "$(dirname "$0")/common.inc"
# The view directory's file system is full: a one-line reason, exit 127,
# the app never runs, and nothing is left behind.
head -c 3000000 /dev/urandom > "$t/big.dat"
pack "$SAMPLES/hello/hello" "$t/p.run" --add "$t/big.dat:share/big.dat"
mount -t tmpfs -o size=1m onebin-full "$t/runtime"
trap 'umount "$t/runtime"; rm -rf "$t"' EXIT
status=0; "$t/p.run" > "$t/out" 2> "$t/err" || status=$?
[[ $status == 127 ]] || fail "status $status: $(cat "$t/err")"
[[ ! -s "$t/out" ]] || fail "the app ran: $(cat "$t/out")"
grep -q 'share/big.dat: cannot write: No space left on device' "$t/err" || fail "reason: $(cat "$t/err")"
[[ $(wc -l < "$t/err") == 1 ]] || fail "not one line: $(cat "$t/err")"
for i in $(seq 50); do [[ -z "$(ls -A "$t/runtime")" ]] && exit 0; sleep 0.1; done
fail "left behind: $(ls -A "$t/runtime")"
