. "$(dirname "$0")/common.inc"
if "$ONEBIN" pack "$FIXTURES/uses_lib_bfd" -o "$t/x.run" 2> "$t/err"; then fail "packed with a missing library"; fi
grep -q 'libfixture.so (needed by bin/uses_lib_bfd)' "$t/err" || fail "message: $(cat "$t/err")"
[[ ! -e "$t/x.run" ]] || fail "wrote an output"
