. "$(dirname "$0")/common.inc"
# Version 2 of the privlibs sample, its library changed, on a real nginx:
# onebin update turns version 1 into a file byte for byte version 2's,
# downloading (nginx's access log counts it) under 10% of its bytes, and the
# updated file runs version 2's library.
# (Unsigned versions over plain http: --insecure-http; version 2 packed later.)
privlibs_versions "$t"
mkdir "$t/www"
serve "$t/www"
SOURCE_DATE_EPOCH=1000000000 pack "$t/v1" "$t/app.run" --entry bin/privlibs --update-url "$base/app.run"
SOURCE_DATE_EPOCH=1000000100 pack "$t/v2" "$t/www/app.run" --entry bin/privlibs --update-url "$base/app.run"
cmp -s "$t/app.run" "$t/www/app.run" && fail "test setup: the versions are the same"
"$ONEBIN" update --insecure-http "$t/app.run" > "$t/out" 2>&1 || fail "update: $(cat "$t/out")"
cmp "$t/app.run" "$t/www/app.run" || fail "not version 2 byte for byte: $(cat "$t/out")"
bytes=$(awk '{ sum += $2 } END { print sum + 0 }' "$served")
size=$(stat -c %s "$t/www/app.run")
(( bytes * 10 < size )) || fail "downloaded $bytes of $size bytes: $(cat "$served")"
grep -q "downloaded: " "$t/out" || fail "$(cat "$t/out")"
"$t/app.run" > "$t/ran" 2>&1 || fail "$(cat "$t/ran")"
grep -q "greeting: HELLO, private library" "$t/ran" || fail "the updated file ran: $(cat "$t/ran")"
