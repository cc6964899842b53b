. "$(dirname "$0")/common.inc"
# An update URL that answers with a redirect, as GitHub's
# releases/latest/download/NAME answers with a 302 to the release's file on
# a CDN that serves byte ranges: onebin update follows it for every range it
# asks, and version 1 becomes version 2 byte for byte, downloading only what
# changed. (Unsigned versions over plain http: --insecure-http.)
privlibs_versions "$t"
mkdir -p "$t/www/releases/v2"
nginx_extra='location = /latest/app.run { return 302 /releases/v2/app.run; }'
serve "$t/www"
SOURCE_DATE_EPOCH=1000000000 pack "$t/v1" "$t/app.run" --entry bin/privlibs --update-url "$base/latest/app.run"
SOURCE_DATE_EPOCH=1000000100 pack "$t/v2" "$t/www/releases/v2/app.run" --entry bin/privlibs --update-url "$base/latest/app.run"
[[ ! -e $t/www/latest ]] || fail "test setup: the file is at the update URL itself"
"$ONEBIN" update --insecure-http "$t/app.run" > "$t/out" 2>&1 || fail "update: $(cat "$t/out")"
cmp "$t/app.run" "$t/www/releases/v2/app.run" || fail "not version 2 byte for byte: $(cat "$t/out")"
grep -q '^302 ' "$served" || fail "no redirect was answered: $(cat "$served")"
bytes=$(awk '$1 == 206 { sum += $2 } END { print sum + 0 }' "$served")
size=$(stat -c %s "$t/app.run")
(( bytes * 10 < size )) || fail "downloaded $bytes of $size bytes: $(cat "$served")"
"$t/app.run" > "$t/ran" 2>&1 || fail "$(cat "$t/ran")"
grep -q "greeting: HELLO, private library" "$t/ran" || fail "the updated file ran: $(cat "$t/ran")"
