. "$(dirname "$0")/common.inc"
if "$ONEBIN" pack "$SAMPLES/privlibs/app" -o "$t/p.run" 2> "$t/err"; then fail "packed a directory without --entry"; fi
grep -q 'needs --entry PATH' "$t/err" || fail "message: $(cat "$t/err")"
if "$ONEBIN" pack "$SAMPLES/privlibs/app" -o "$t/p.run" --entry share/privlibs/message.txt 2> "$t/err"; then fail "accepted a data file as entry"; fi
grep -q 'must name a dynamically linked ELF program' "$t/err" || fail "message: $(cat "$t/err")"
