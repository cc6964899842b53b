. "$(dirname "$0")/common.inc"
# An app that ships its glibc runs, on a host with an older glibc, with the
# loader of that glibc: no loader of the packing machine is added to it.
own_glibc_app "$t/app"
pack "$t/app" "$t/echo.run" --entry bin/echo
"$ONEBIN" inspect "$t/echo.run" > "$t/list"
! grep -q "onebin-libs/ld-linux" "$t/list" || fail "a loader of this machine was added: $(cat "$t/list")"
run_in bullseye "$t/echo.run" with its own glibc > "$t/out" 2>&1 || fail "in bullseye: $(cat "$t/out")"
[[ $(cat "$t/out") == "with its own glibc" ]] || fail "in bullseye it printed: $(cat "$t/out")"
