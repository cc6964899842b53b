. "$(dirname "$0")/common.inc"
# trixie's iconv (glibc's gconv modules, loaded by name at run time), packed,
# converts CP1252 in the empty and musl roots and in bullseye as it does in
# trixie: the bundled glibc finds the gconv modules packed beside it (it
# said "conversion from 'CP1252' is not supported").
roots
printf 'caf\xe9 \x80 na\xefve\n' > "$t/in"
"$here/../roots/in-root.sh" "$roots/trixie" iconv -f CP1252 -t UTF-8 < "$t/in" > "$t/want" || fail "iconv in trixie"
pack "$roots/trixie/usr/bin/iconv" "$t/iconv.run" --root "$roots/trixie" --explain
grep -q '^glibc  gconv modules  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
for root in empty musl bullseye; do
  run_in "$root" "$t/iconv.run" -f CP1252 -t UTF-8 < "$t/in" > "$t/out" 2>&1 || fail "in $root: $(cat "$t/out")"
  cmp -s "$t/want" "$t/out" || fail "in $root printed $(cat "$t/out"), trixie's iconv $(cat "$t/want")"
done
