. "$(dirname "$0")/common.inc"
"$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/fast.run" --level 1 > /dev/null
"$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/small.run" --level 19 > /dev/null
(( $(stat -c %s "$t/small.run") < $(stat -c %s "$t/fast.run") )) || fail "level 19 is not smaller than level 1"
"$t/small.run" | grep -q 'hello from' || fail "level 19 output does not run"
