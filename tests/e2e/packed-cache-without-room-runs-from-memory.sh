. "$(dirname "$0")/common.inc"
# A cache without room for the app (a private 2 MB tmpfs as XDG_CACHE_HOME,
# an app of 6 MB that does not compress) is not filled up: the launch runs
# the app from memory and prints exactly what the app prints; ONEBIN_DEBUG
# says why.
mkdir "$t/cache"
noise_app "$t/app.run" 6000000
"$t/noise-app/bin/hello" a > "$t/want" 2>&1
in_small_tmpfs "$t/cache" env XDG_CACHE_HOME="$t/cache" "$t/app.run" --onebin-cache=always a > "$t/out" 2>&1 ||
  fail "the app did not run: $(cat "$t/out")"
grep -qx 'arg 1: a' "$t/out" || fail "the app printed: $(cat "$t/out")"
diff <(sed 's/^arg 0: .*//' "$t/want") <(sed 's/^arg 0: .*//' "$t/out") > /dev/null || fail "not what the app prints: $(cat "$t/out")"
in_small_tmpfs "$t/cache" env XDG_CACHE_HOME="$t/cache" ONEBIN_DEBUG=1 "$t/app.run" --onebin-cache=always a > "$t/out" 2>&1 ||
  fail "the app did not run: $(cat "$t/out")"
grep -qE "^onebin: the app is run from memory this time: the cache is unusable \(2\.[01] MB free, the app needs [0-9.]+ MB\)$" "$t/out" ||
  fail "ONEBIN_DEBUG gave no reason: $(cat "$t/out")"
