. "$(dirname "$0")/common.inc"
# A cache without room for the app (a private 2 MB tmpfs as XDG_CACHE_HOME,
# an app of 6 MB that does not compress) is not filled up: the launch says
# so in one line and runs the app from memory.
mkdir "$t/cache"
noise_app "$t/app.run" 6000000
in_small_tmpfs "$t/cache" env XDG_CACHE_HOME="$t/cache" "$t/app.run" --onebin-cache=always a > "$t/out" 2>&1 ||
  fail "the app did not run: $(cat "$t/out")"
grep -qx 'arg 1: a' "$t/out" || fail "the app printed: $(cat "$t/out")"
grep -qE "^onebin: note: the app is run from memory this time: the cache is unusable \(2\.[01] MB free, the app needs [0-9.]+ MB\)$" "$t/out" ||
  fail "no note: $(cat "$t/out")"
(( $(grep -c '^onebin:' "$t/out") == 1 )) || fail "more than one line: $(cat "$t/out")"
