. "$(dirname "$0")/common.inc"
"$ONEBIN" elf "$FIXTURES/greet_gold" -o "$t/out" --set-runpath /x --runpath-slot 256 > "$t/log"
offset=$(sed -n 's/^runpath slot: offset \([0-9]*\), 256 bytes$/\1/p' "$t/log")
[[ -n "$offset" ]] || fail "no slot reported: $(cat "$t/log")"
[[ "$(dd if="$t/out" bs=1 skip="$offset" count=3 status=none)" == "/x" ]] || fail "slot does not hold the runpath"
