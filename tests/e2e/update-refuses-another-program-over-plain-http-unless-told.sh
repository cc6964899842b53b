. "$(dirname "$0")/common.inc"
# An unsigned file whose update URL is plain http: anyone on the network
# path can answer for the server. The server here serves another program
# (hello, not privlibs); onebin update refuses it, saying why and what to do,
# and the file stays as it was; with --insecure-http the risk is taken.
mkdir "$t/www"
serve "$t/www"
SOURCE_DATE_EPOCH=1000000000 pack "$SAMPLES/privlibs/app" "$t/app.run" --entry bin/privlibs --update-url "$base/app.run"
SOURCE_DATE_EPOCH=1000000100 pack "$SAMPLES/hello/hello" "$t/www/app.run" --update-url "$base/app.run"
cp "$t/app.run" "$t/v1.run"
"$ONEBIN" update "$t/app.run" > "$t/out" 2>&1 && fail "another program was taken over http: $(cat "$t/out")"
grep -q "$t/app.run: refused: its update URL $base/app.run is plain http and the file is not signed" "$t/out" &&
  grep -q -- "--insecure-http" "$t/out" || fail "$(cat "$t/out")"
cmp -s "$t/app.run" "$t/v1.run" || fail "the file changed"
[[ ! -s $served ]] || fail "it asked the server before refusing: $(cat "$served")"
"$ONEBIN" update --insecure-http "$t/app.run" > "$t/out" 2>&1 || fail "with --insecure-http: $(cat "$t/out")"
cmp -s "$t/app.run" "$t/www/app.run" || fail "with --insecure-http: not the served file byte for byte"
