. "$(dirname "$0")/common.inc"
# Libraries without a search path of their own find the app's other
# libraries through the program's DT_RPATH, as ld.so lets them unpacked
# (for DT_NEEDED and for dlopen by name); packing keeps that working.
app=$SAMPLES/rpathapp/app
"$ONEBIN" elf "$app/bin/rpathapp" | grep -qx 'rpath: $ORIGIN/../lib' || fail "test setup: the program has no DT_RPATH"
"$ONEBIN" elf "$app/lib/libouter.so" | grep -qx 'runpath: ' || fail "test setup: libouter has a RUNPATH"
"$app/bin/rpathapp" > "$t/want" || fail "test setup: the unpacked app fails: $(cat "$t/want")"
pack "$app" "$t/rpathapp.run" --entry bin/rpathapp
"$t/rpathapp.run" > "$t/out" 2>&1 || fail "packed: $(cat "$t/out")"
cmp -s "$t/want" "$t/out" || fail "packed it printed $(cat "$t/out"), unpacked $(cat "$t/want")"
