. "$(dirname "$0")/common.inc"
echo 'not a program' > "$t/notes.txt"
if "$ONEBIN" elf "$t/notes.txt" > "$t/out" 2> "$t/err"; then fail "accepted a text file"; fi
grep -qx "onebin: error: $t/notes.txt: not an ELF file" "$t/err" || fail "message: $(cat "$t/err")"
[[ ! -s "$t/out" ]] || fail "printed output for a bad file"
