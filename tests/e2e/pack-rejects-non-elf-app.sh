. "$(dirname "$0")/common.inc"
echo '#!/bin/sh' > "$t/script"
if "$ONEBIN" pack "$t/script" -o "$t/x.run" 2> "$t/err"; then fail "packed a script"; fi
grep -q "$t/script" "$t/err" || fail "message does not name the file: $(cat "$t/err")"
grep -q "$t/script: not a dynamically linked ELF program" "$t/err" || fail "reason: $(cat "$t/err")"
