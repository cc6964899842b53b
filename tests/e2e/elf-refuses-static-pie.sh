. "$(dirname "$0")/common.inc"
if "$ONEBIN" elf "$FIXTURES/greet_static_pie" -o "$t/out" --set-runpath '$ORIGIN' 2> "$t/err"; then
  fail "edited a static-pie program"
fi
grep -q "static-pie" "$t/err" || fail "message: $(cat "$t/err")"
[[ ! -e "$t/out" ]] || fail "wrote an output"
