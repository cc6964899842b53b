. "$(dirname "$0")/common.inc"
"$ONEBIN" elf /bin/ls > "$t/out"
grep -q '^needs libc.so.6: .*GLIBC_2.34' "$t/out" || fail "no GLIBC_2.34 need: $(cat "$t/out")"
