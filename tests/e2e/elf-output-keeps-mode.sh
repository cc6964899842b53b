. "$(dirname "$0")/common.inc"
cp "$FIXTURES/greet_bfd_pie" "$t/prog" && chmod 0750 "$t/prog"
"$ONEBIN" elf "$t/prog" -o "$t/out" --set-runpath '$ORIGIN' > /dev/null
[[ "$(stat -c %a "$t/out")" == 750 ]] || fail "mode $(stat -c %a "$t/out")"
