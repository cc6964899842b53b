. "$(dirname "$0")/common.inc"
# The server stops while a frame is on its way (nginx sends 2 KB a second and
# is stopped a second into the download): onebin update fails naming the
# (Unsigned versions over plain http: --insecure-http; version 2 packed later.)
# cut transfer, version 1 is as it was and nothing is left beside it.
privlibs_versions "$t"
mkdir "$t/www" "$t/dl"
serve "$t/www" 2k
SOURCE_DATE_EPOCH=1000000000 pack "$t/v1" "$t/dl/app.run" --entry bin/privlibs --update-url "$base/app.run"
SOURCE_DATE_EPOCH=1000000100 pack "$t/v2" "$t/www/app.run" --entry bin/privlibs --update-url "$base/app.run"
cp "$t/dl/app.run" "$t/v1.run"
"$ONEBIN" update --insecure-http "$t/dl/app.run" > "$t/out" 2>&1 &
updating=$!
sleep 1.5
stop_serving
wait $updating && fail "the update finished: $(cat "$t/out")"
grep -q "bytes remaining\|transfer closed\|Recv failure\|Connection reset\|Couldn't connect" "$t/out" ||
  fail "not cut mid-transfer: $(cat "$t/out")"
cmp -s "$t/dl/app.run" "$t/v1.run" || fail "version 1 changed"
[[ $(ls -A "$t/dl") == app.run ]] || fail "left beside it: $(ls -A "$t/dl")"
grep -q "^206 [0-9]* bytes=-[0-9]*$" "$served" || fail "test setup: no range request answered: $(cat "$served")"
