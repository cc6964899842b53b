. "$(dirname "$0")/common.inc"
# A directory of the app that the user cannot read gives a one-line error
# naming it and exit 1 (pack aborted: terminate called after throwing an
# instance of std::filesystem::filesystem_error, exit 134).
w=$(mktemp -d /tmp/onebin-e2e-nobody-XXXXXX)
trap 'rm -rf "$t" "$w"' EXIT
chmod 755 "$w"
mkdir -p "$w/app/bin" "$w/app/secret" "$w/out"
cp "$SAMPLES/hello/hello" "$w/app/bin/"
chmod 700 "$w/app/secret"
chmod 777 "$w/out"
status=0
setpriv --reuid=65534 --regid=65534 --clear-groups "$ONEBIN" pack "$w/app" --entry bin/hello -o "$w/out/x.run" 2> "$t/err" || status=$?
[[ $status == 1 ]] || fail "exit status $status: $(cat "$t/err")"
[[ $(wc -l < "$t/err") == 1 ]] || fail "not one line: $(cat "$t/err")"
grep -q "^onebin: error: .*Permission denied.*$w/app/secret" "$t/err" || fail "message: $(cat "$t/err")"
[[ -z $(ls "$w/out") ]] || fail "left: $(ls "$w/out")"
