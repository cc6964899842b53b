. "$(dirname "$0")/common.inc"
if "$ONEBIN" elf /lib64/ld-linux-x86-64.so.2 -o "$t/out" --set-runpath '$ORIGIN' 2> "$t/err"; then
  fail "edited ld.so"
fi
grep -q "dynamic loader" "$t/err" || fail "message: $(cat "$t/err")"
