. "$(dirname "$0")/common.inc"
pack "$SAMPLES/privlibs/app" "$t/privlibs.run" --entry bin/privlibs
"$t/privlibs.run" > "$t/out" || fail "privlibs failed: $(cat "$t/out")"
grep -qx 'greeting: hello, private library' "$t/out" || fail "private library chain: $(cat "$t/out")"
grep -qx 'plugin: LOADED BY NAME' "$t/out" || fail "dlopen by name: $(cat "$t/out")"
grep -qx 'data: found next to the program' "$t/out" || fail "data next to /proc/self/exe: $(cat "$t/out")"
