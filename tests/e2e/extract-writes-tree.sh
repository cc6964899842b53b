. "$(dirname "$0")/common.inc"
pack "$SAMPLES/privlibs/app" "$t/p.run" --entry bin/privlibs
"$ONEBIN" extract "$t/p.run" "$t/tree" > /dev/null
cmp "$SAMPLES/privlibs/app/share/privlibs/message.txt" "$t/tree/share/privlibs/message.txt" || fail "data file differs"
[[ -x "$t/tree/bin/privlibs" ]] || fail "program lost its mode"
