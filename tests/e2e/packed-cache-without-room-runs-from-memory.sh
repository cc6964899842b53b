. "$(dirname "$0")/common.inc"
# A cache without room for the app (a private 2 MB tmpfs as XDG_CACHE_HOME,
# an app of 6 MB that does not compress) is not filled up: the launch says
# so in one line and runs the app from memory.
mkdir -p "$t/app/bin" "$t/app/data" "$t/cache"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
head -c 6000000 /dev/urandom > "$t/app/data/noise"
pack "$t/app" "$t/app.run" --entry bin/hello
unshare --mount sh -c 'mount -t tmpfs -o size=2m,mode=700 tmpfs "$1" && XDG_CACHE_HOME=$1 "$2" --onebin-cache=always a' \
  _ "$t/cache" "$t/app.run" > "$t/out" 2>&1 || fail "the app did not run: $(cat "$t/out")"
grep -qx 'arg 1: a' "$t/out" || fail "the app printed: $(cat "$t/out")"
grep -qE "^onebin: note: the app is run from memory this time: the cache is unusable \(2\.[01] MB free, the app needs [0-9.]+ MB\)$" "$t/out" ||
  fail "no note: $(cat "$t/out")"
(( $(grep -c '^onebin:' "$t/out") == 1 )) || fail "more than one line: $(cat "$t/out")"
