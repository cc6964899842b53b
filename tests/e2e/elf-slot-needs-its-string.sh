. "$(dirname "$0")/common.inc"
if "$ONEBIN" elf "$FIXTURES/greet_bfd_pie" -o "$t/out" --runpath-slot 256 2> "$t/err"; then fail "slot without a runpath"; fi
grep -q -- "--set-runpath" "$t/err" || fail "message: $(cat "$t/err")"
