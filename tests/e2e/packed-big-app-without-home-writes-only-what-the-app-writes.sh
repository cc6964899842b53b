. "$(dirname "$0")/common.inc"
# Where no cache can be used (no HOME in a container or a CI job), a big app
# runs from memory and writes exactly what the unpacked app writes, on both
# streams: a note of onebin's before the app's own output breaks programs
# whose stderr is parsed. ONEBIN_DEBUG=1 says why.
mkdir -p "$t/big/bin" "$t/big/data"
printf '#!/bin/sh\necho "out: $1"\necho "err: $1" >&2\n' > "$t/big/bin/both"
chmod 755 "$t/big/bin/both"
truncate -s 70M "$t/big/data/level"
pack "$t/big" "$t/big.run" --entry bin/both
"$t/big/bin/both" a > "$t/want.out" 2> "$t/want.err"
env -u HOME -u XDG_CACHE_HOME "$t/big.run" a > "$t/out" 2> "$t/err" || fail "$(cat "$t/out" "$t/err")"
cmp -s "$t/want.out" "$t/out" || fail "stdout: $(cat "$t/out")"
cmp -s "$t/want.err" "$t/err" || fail "stderr: $(cat "$t/err")"
env -u HOME -u XDG_CACHE_HOME ONEBIN_DEBUG=1 "$t/big.run" a > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -qF 'the app is run from memory this time: the cache is unusable (neither $XDG_CACHE_HOME nor $HOME is set)' "$t/out" ||
  fail "ONEBIN_DEBUG gave no reason: $(cat "$t/out")"
