. "$(dirname "$0")/common.inc"
# Every place for the view too small (1 MB tmpfs on $XDG_RUNTIME_DIR,
# /dev/shm, /tmp and $HOME, in a mount namespace of its own) for an app of
# 3 MB that does not compress: one line naming the size and where it looked,
# exit 127, the app never runs, and nothing is left in any of them. (A base
# short of room used to be filled until "No space left on device".)
work=$(mktemp -d /var/tmp/onebin-e2e-XXXXXX)  # outside /tmp, which is covered
also_remove+=("$work")
mkdir "$work/runtime" "$work/home"
head -c 3000000 /dev/urandom > "$t/big.dat"
pack "$SAMPLES/hello/hello" "$work/p.run" --add "$t/big.dat:share/big.dat"
status=0
unshare --mount sh -c 'for d in "$1/runtime" "$1/home" /dev/shm /tmp; do mount -t tmpfs -o size=1m,mode=1777 tmpfs "$d" || exit 2; done
  chmod 700 "$1/runtime"
  XDG_RUNTIME_DIR=$1/runtime HOME=$1/home "$1/p.run" > "$1/out" 2> "$1/err"; status=$?
  ls -A "$1/runtime" "$1/home" /dev/shm /tmp | grep -v ":$" | grep . > "$1/left"; exit $status' _ "$work" || status=$?
[[ $status == 127 ]] || fail "status $status: $(cat "$work/err")"
[[ ! -s "$work/out" ]] || fail "the app ran: $(cat "$work/out")"
grep -qE '^onebin: error: no place for the app.s files \([0-9.]+ MB\): \$XDG_RUNTIME_DIR, /dev/shm, /tmp and the cache in \$HOME are each too small' "$work/err" ||
  fail "reason: $(cat "$work/err")"
[[ $(wc -l < "$work/err") == 1 ]] || fail "not one line: $(cat "$work/err")"
[[ ! -s "$work/left" ]] || fail "left behind: $(cat "$work/left")"
