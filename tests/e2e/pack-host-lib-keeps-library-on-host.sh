. "$(dirname "$0")/common.inc"
pack "$SAMPLES/privlibs/app" "$t/p.run" --entry bin/privlibs --host-lib 'libstdc++*' --explain
grep -q '^host   libstdc++.so.6  (--host-lib)$' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
grep -q 'libstdc++' <("$ONEBIN" inspect "$t/p.run") && fail "libstdc++ was bundled"
"$t/p.run" | grep -qx 'greeting: hello, private library' || fail "app does not run with the host's libstdc++"
