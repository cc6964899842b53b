. "$(dirname "$0")/common.inc"
# A base of root's own is not enough when a directory above it is another
# user's: that user can rename the base, view and all, and put a tree of its
# own at the same path while root's app runs from it. Nor may a link that
# another user can change lead to the base: the view's path is the link's
# target, resolved once. Both are said under ONEBIN_DEBUG; the first is
# passed over for /dev/shm.
pack "$SAMPLES/hello/hello" "$t/hello.run"
view_dir() {  # XDG_RUNTIME_DIR: the view the app ran from
  XDG_RUNTIME_DIR=$1 ONEBIN_DEBUG=1 "$t/hello.run" a > "$t/out" 2>&1 || fail "with $1: $(cat "$t/out")"
  grep -qx 'arg 1: a' "$t/out" || fail "with $1: $(cat "$t/out")"
  sed -n 's|^onebin: view directory \(.*\)/onebin-[0-9]*-[A-Za-z0-9]* (.*|\1|p' "$t/out"
}
chmod 755 "$t"
mkdir -m 755 "$t/theirs"
mkdir -m 700 "$t/theirs/run" "$t/mine"
chown nobody "$t/theirs"
[[ $(view_dir "$t/theirs/run") == /dev/shm ]] || fail "a base below another user's directory used: $(cat "$t/out")"
grep -qF "onebin: $t/theirs/run: $t/theirs, above it: another user's directory: not used for the view" "$t/out" ||
  fail "no reason given: $(cat "$t/out")"
ln -s "$t/mine" "$t/theirs/link"
[[ $(view_dir "$t/theirs/link") == "$t/mine" ]] || fail "the view's path goes through the link: $(cat "$t/out")"
