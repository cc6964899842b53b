. "$(dirname "$0")/common.inc"
"$ONEBIN" elf "$FIXTURES/uses_lib_bfd" > "$t/out"
grep -qx 'needed: libfixture.so libc.so.6' "$t/out" || fail "needed line: $(cat "$t/out")"
