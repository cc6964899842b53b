. "$(dirname "$0")/common.inc"
# The bridge's side stack holds 64 nested crossings per thread (a host call
# whose callback calls the host again counts two): 32 nested host qsorts
# whose comparators call host qsort run; 33 stop the program with the
# bridge's message and status 127, where the 65th crossing wrote past the
# side stack into whatever lay beyond it.
"$BRIDGE_CHECK" nest 32 > "$t/out" 2>&1 || fail "32 levels: $(cat "$t/out")"
grep -qx 'nested host calls: 32' "$t/out" || fail "32 levels: $(cat "$t/out")"
status=0
"$BRIDGE_CHECK" nest 33 > "$t/out" 2>&1 || status=$?
(( status == 127 )) || fail "33 levels: status $status: $(cat "$t/out")"
grep -q '^onebin bridge: more than 64 nested crossings between the program and host libraries on one thread' "$t/out" ||
  fail "33 levels: $(cat "$t/out")"
