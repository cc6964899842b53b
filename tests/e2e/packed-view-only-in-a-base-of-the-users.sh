. "$(dirname "$0")/common.inc"
# The view goes only into a base directory another user cannot rename it out
# of: one of the user's (or root's) that nobody else may write, or a sticky
# one. An XDG_RUNTIME_DIR of another user's (su without -) or one others may
# write is passed over, with the reason under ONEBIN_DEBUG, for /dev/shm; so
# is one too long for the view's name (it failed: "Invalid argument"). The
# disk cache ~/.cache/onebin is made only when it is used.
pack "$SAMPLES/hello/hello" "$t/hello.run"
view_base() {  # XDG_RUNTIME_DIR: the base the view was made in
  HOME=$t/home XDG_RUNTIME_DIR=$1 ONEBIN_DEBUG=1 "$t/hello.run" a > "$t/out" 2>&1 || fail "with $1: $(cat "$t/out")"
  grep -qx 'arg 1: a' "$t/out" || fail "with $1: $(cat "$t/out")"
  sed -n 's|^onebin: view directory \(.*\)/onebin-[0-9]*-[A-Za-z0-9]* (.*|\1|p' "$t/out"
}
mkdir -m 700 "$t/theirs" "$t/open" "$t/sticky"
chown nobody "$t/theirs"
chmod 777 "$t/open"
chmod 1777 "$t/sticky"
[[ $(view_base "$t/theirs") == /dev/shm ]] || fail "another user's base used: $(cat "$t/out")"
grep -q "^onebin: $t/theirs: another user's directory: not used for the view" "$t/out" || fail "$(cat "$t/out")"
[[ $(view_base "$t/open") == /dev/shm ]] || fail "a base others may write used: $(cat "$t/out")"
grep -q "^onebin: $t/open: others may write to it and it is not sticky" "$t/out" || fail "$(cat "$t/out")"
[[ $(view_base "$t/sticky") == "$t/sticky" ]] || fail "the sticky base not used: $(cat "$t/out")"
long=$t/runtime/$(printf 'd%.0s' $(seq 200))
mkdir -m 700 -p "$long"
[[ $(view_base "$long") == /dev/shm ]] || fail "the long base: $(cat "$t/out")"
grep -q "^onebin: $long: too long a path" "$t/out" || fail "$(cat "$t/out")"
[[ ! -e $t/home/.cache ]] || fail "~/.cache was made: $(ls -la "$t/home/.cache")"
