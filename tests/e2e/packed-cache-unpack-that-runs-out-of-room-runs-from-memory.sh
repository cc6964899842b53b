. "$(dirname "$0")/common.inc"
# A first launch whose unpack into the cache cannot finish (the file system
# fills up after the room was judged: here a tmpfs with one inode too few
# for the tree, its marker and its lock) runs the app from memory, prints
# only what the app prints, and leaves no half-unpacked tree behind.
# Leftovers of launches that were killed are removed before the room is
# judged: a cache full of them is usable again at once.
# A script app: every entry of it is written (nothing is taken from the
# host), so its entries are the inodes its tree takes.
mkdir -p "$t/app/bin" "$t/app/data"
printf '#!/bin/sh\necho "arg 1: $1"\ncat "$(dirname "$0")/../data/message"\n' > "$t/app/bin/show"
chmod 755 "$t/app/bin/show"
head -c 100000 /dev/urandom | base64 > "$t/app/data/noise"
echo "data read" > "$t/app/data/message"
pack "$t/app" "$t/app.run" --entry bin/show
"$t/app/bin/show" a > "$t/want" 2>&1
entries=$("$t/app.run" --onebin-info | sed -n 's/^entries: //p')
[[ $entries =~ ^[0-9]+$ ]] || fail "--onebin-info: $("$t/app.run" --onebin-info)"
# in_tmpfs INODES SCRIPT: SCRIPT in sh, with a private tmpfs of INODES inodes
# as $t/cache. When the room is judged, the tmpfs's root, onebin, apps and
# files take four; the unpack then needs the entries, a lock, the tree's
# directory and its marker: with one inode more than the entries, the
# room looks enough and the unpack runs out.
in_tmpfs() {
  T=$t unshare --mount sh -c 'mount -t tmpfs -o "size=64m,nr_inodes=$1,mode=700" tmpfs "$T/cache" && eval "$2"' _ "$1" "$2"
}
mkdir "$t/cache"
launch='XDG_CACHE_HOME=$T/cache "$T/app.run" --onebin-cache=always a'
in_tmpfs $((4 + entries + 1)) "$launch > \$T/out 2> \$T/err; echo \$? > \$T/status; ls -A \$T/cache/onebin/apps > \$T/left" || fail "setup"
[[ $(cat "$t/status") == 0 ]] || fail "exit status $(cat "$t/status"): $(cat "$t/err")"
[[ -z $(cat "$t/err") ]] || fail "wrote on stderr: $(cat "$t/err")"
cmp -s "$t/want" "$t/out" || fail "printed: $(cat "$t/out")"
! grep -q '^\.build-' "$t/left" || fail "left in the cache: $(cat "$t/left")"
in_tmpfs $((4 + entries + 1)) "ONEBIN_DEBUG=1 $launch > \$T/out 2>&1" || fail "setup"
grep -q 'No space left on device' "$t/out" || fail "the unpack did not run out of room: $(cat "$t/out")"
grep -q 'the app is run from memory this time: the cache is unusable (its copy could not be unpacked)' "$t/out" ||
  fail "ONEBIN_DEBUG gave no reason: $(cat "$t/out")"
# A cache filled by a killed launch's half-unpacked tree (process 99999999
# exists nowhere): the launch removes it, then finds room.
fill='mkdir -p $T/cache/onebin/apps/.build-0-99999999 && head -c 60000000 /dev/zero > $T/cache/onebin/apps/.build-0-99999999/x'
in_tmpfs 1000 "$fill && ONEBIN_DEBUG=1 $launch > \$T/out 2>&1; ls -A \$T/cache/onebin/apps > \$T/left" || fail "setup"
grep -q '(unpacked now)' "$t/out" || fail "the leftover kept the app out of the cache: $(cat "$t/out")"
! grep -q '^\.build-' "$t/left" || fail "the leftover stayed: $(cat "$t/left")"
