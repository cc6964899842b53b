. "$(dirname "$0")/common.inc"
# Where every user has a group of their own (Fedora, RHEL: umask 002), the
# user's directories are group-writable and still no one else's: the cache
# is used there. A directory a shared group may write is not used.
[[ $(id -u) == 0 ]] || fail "test setup: needs root, whose group is private here"
getent group users > /dev/null || fail "test setup: no group users"
pack "$SAMPLES/hello/hello" "$t/hello.run"
use() {  # MODE GROUP: how a launch uses a cache below a directory of that mode and group
  rm -rf "$t/cachehome"
  mkdir -m "$1" "$t/cachehome"
  chgrp "$2" "$t/cachehome"
  chmod "$1" "$t/cachehome"
  XDG_CACHE_HOME=$t/cachehome cache_use "$t/hello.run" --onebin-cache=always
}
[[ $(use 775 root) == "unpacked now" ]] || fail "a directory of the user's private group: $(cat "$t/out")"
[[ $(use 775 users) == "" ]] || fail "a directory group users may write was used: $(cat "$t/out")"
grep -qF 'the cache is unusable (others may write to it' "$t/out" || fail "no reason: $(cat "$t/out")"
