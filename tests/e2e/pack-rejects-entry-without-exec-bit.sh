. "$(dirname "$0")/common.inc"
# A script entry without its execute bit is refused, with its mode: exec could not run it either.
printf '#!/bin/sh\necho hi\n' > "$t/script" && chmod 644 "$t/script"
if "$ONEBIN" pack "$t/script" -o "$t/x.run" 2> "$t/err"; then fail "packed a script that is not executable"; fi
grep -q "$t/script is not executable (mode 0644)" "$t/err" || fail "reason: $(cat "$t/err")"
