. "$(dirname "$0")/common.inc"
mkdir "$t/lib" && cp "$FIXTURES/libfixture.so" "$t/lib/"
"$ONEBIN" elf "$FIXTURES/uses_lib_lld" -o "$t/prog" --set-runpath '$ORIGIN/lib' > /dev/null
"$t/prog" | grep -qx "answer 42" || fail "edited program did not find its library"
