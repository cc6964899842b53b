. "$(dirname "$0")/common.inc"
if "$ONEBIN" elf "$FIXTURES/greet_bfd_pie" -o "$t/no/such/dir/out" --set-runpath '$ORIGIN' 2> "$t/err"; then
  fail "wrote into a missing directory"
fi
grep -q "onebin: error: $t/no/such/dir/out: cannot create" "$t/err" || fail "message: $(cat "$t/err")"
