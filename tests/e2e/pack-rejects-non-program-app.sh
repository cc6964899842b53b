. "$(dirname "$0")/common.inc"
# A file that is neither an ELF executable nor a #! script is refused, named, with the reason.
printf 'just text\n' > "$t/notes" && chmod 755 "$t/notes"
if "$ONEBIN" pack "$t/notes" -o "$t/x.run" 2> "$t/err"; then fail "packed a text file"; fi
grep -q "$t/notes is no program: exec runs ELF executables" "$t/err" || fail "reason: $(cat "$t/err")"
[[ ! -e "$t/x.run" ]] || fail "wrote an output"
