. "$(dirname "$0")/common.inc"
# A view that does not fit $XDG_RUNTIME_DIR (on systemd desktops a tmpfs of
# 10% of RAM) goes to the next place with room, /dev/shm here, with the
# reason under ONEBIN_DEBUG, instead of failing with "No space left on
# device". A private 2 MB tmpfs plays the small runtime directory; the app
# carries 6 MB that do not compress.
mkdir "$t/small"
noise_app "$t/app.run" 6000000
in_small_tmpfs "$t/small" env XDG_RUNTIME_DIR="$t/small" ONEBIN_DEBUG=1 "$t/app.run" a > "$t/out" 2>&1 ||
  fail "the app did not run: $(cat "$t/out")"
grep -qx 'arg 1: a' "$t/out" || fail "the app printed: $(cat "$t/out")"
grep -qE "^onebin: $t/small: 2\.[01] MB free, the app needs [0-9.]+ MB: not used for the view" "$t/out" ||
  fail "no reason given: $(cat "$t/out")"
grep -q '^onebin: view directory /dev/shm/onebin-' "$t/out" || fail "view not in /dev/shm: $(cat "$t/out")"
