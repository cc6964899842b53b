. "$(dirname "$0")/common.inc"
# A glibc shipped without its loader cannot run with any other loader: the
# packer says which file lacks what, and writes nothing.
own_glibc_app "$t/app"
rm "$t/app/lib/ld-linux-x86-64.so.2"
! "$ONEBIN" pack "$t/app" --entry bin/echo -o "$t/echo.run" 2> "$t/err" || fail "packed a glibc without its loader"
grep -q "$t/app/lib/libc.so.6 comes with the app, but ld-linux-x86-64.so.2 (needed by lib/libc.so.6) is not beside it" "$t/err" \
  || fail "message: $(cat "$t/err")"
[[ ! -e "$t/echo.run" ]] || fail "an output file was written"
