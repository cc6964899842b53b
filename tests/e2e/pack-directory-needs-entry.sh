. "$(dirname "$0")/common.inc"
# A directory without --entry and without an AppRun is refused; a data file is no entry.
if "$ONEBIN" pack "$SAMPLES/privlibs/app" -o "$t/p.run" 2> "$t/err"; then fail "packed a directory without --entry"; fi
grep -q 'needs --entry PATH (the program to run), or an AppRun at its top' "$t/err" || fail "message: $(cat "$t/err")"
if "$ONEBIN" pack "$SAMPLES/privlibs/app" -o "$t/p.run" --entry share/privlibs/message.txt 2> "$t/err"; then fail "accepted a data file as entry"; fi
grep -q 'share/privlibs/message.txt: --entry is no program' "$t/err" || fail "message: $(cat "$t/err")"
