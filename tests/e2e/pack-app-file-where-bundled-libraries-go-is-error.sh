. "$(dirname "$0")/common.inc"
# An app directory with its own file where onebin puts the libraries it
# bundles (onebin-libs/libc.so.6) is refused, naming the file (pack crashed).
mkdir -p "$t/app/bin" "$t/app/onebin-libs"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
echo "not a library" > "$t/app/onebin-libs/libc.so.6"
status=0; "$ONEBIN" pack "$t/app" --entry bin/hello -o "$t/app.run" 2> "$t/err" || status=$?
[[ $status == 1 ]] || fail "exit status $status: $(cat "$t/err")"
grep -q "$t/app/onebin-libs/libc.so.6: the app has a file where onebin puts the libraries it bundles" "$t/err" ||
  fail "message: $(cat "$t/err")"
