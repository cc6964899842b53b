. "$(dirname "$0")/common.inc"
# Another loader the app carries (here this machine's, older) is a file like
# any other: the app runs with the loader beside its libc.so.6.
own_glibc_app "$t/app"
mkdir "$t/app/tools" && cp -L /lib64/ld-linux-x86-64.so.2 "$t/app/tools/"
pack "$t/app" "$t/echo.run" --entry bin/echo
run_in bullseye "$t/echo.run" beside its libc > "$t/out" 2>&1 || fail "in bullseye: $(cat "$t/out")"
[[ $(cat "$t/out") == "beside its libc" ]] || fail "in bullseye it printed: $(cat "$t/out")"
