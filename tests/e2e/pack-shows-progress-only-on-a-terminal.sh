. "$(dirname "$0")/common.inc"
# On a terminal pack keeps a progress line (files, MB, rate, time left) on
# stderr while it writes; to a pipe or a log it writes none, and --quiet
# leaves out the line and the closing summary on a terminal too. `script`
# gives pack a terminal.
command -v script > /dev/null || fail "script (bsdutils) is missing"
mkdir -p "$t/app/bin" "$t/app/data"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
for i in $(seq 64); do truncate -s 8M "$t/app/data/part$i"; done  # about a second to read
on_terminal() { script -qec "$*" /dev/null | tr '\r' '\n' > "$t/terminal"; }
on_terminal "$ONEBIN" pack "$t/app" -o "$t/a.run" --entry bin/hello --level 1 || fail "pack failed: $(cat "$t/terminal")"
grep -qE 'packing: [0-9]+/[0-9]+ files, [0-9.]+/[0-9.]+ MB, [0-9.]+ MB/s, [0-9]+ s left' "$t/terminal" ||
  fail "no progress line on a terminal: $(cat -v "$t/terminal")"
grep -qF "packed $t/app into $t/a.run" "$t/terminal" || fail "no summary: $(cat -v "$t/terminal")"
"$ONEBIN" pack "$t/app" -o "$t/b.run" --entry bin/hello --level 1 > "$t/out" 2> "$t/err" || fail "pack failed: $(cat "$t/err")"
[[ ! -s $t/err ]] || fail "progress written to a file: $(cat -v "$t/err")"
on_terminal "$ONEBIN" pack "$t/app" -o "$t/c.run" --entry bin/hello --level 1 --quiet || fail "pack --quiet failed: $(cat "$t/terminal")"
[[ -z $(tr -d '\n' < "$t/terminal") ]] || fail "--quiet printed: $(cat -v "$t/terminal")"
