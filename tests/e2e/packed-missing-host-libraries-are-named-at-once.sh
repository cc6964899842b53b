. "$(dirname "$0")/common.inc"
# Libraries an app takes from the host alone (--host-lib; the GPU driver's
# own) are looked for by the stub before the app starts: on a host that
# lacks two of them both are named, with what needs them, and nothing of the
# app runs (exit 127), where ld.so would stop at the first with its "error
# while loading shared libraries". Where the host has them the app runs, and
# --onebin-info says what it found.
roots
pack "$roots/trixie/usr/bin/sqlite3" "$t/sqlite3.run" --root "$roots/trixie" --host-lib 'libz.so*' --host-lib 'libreadline.so*'
status=0
run_in empty "$t/sqlite3.run" :memory: 'select 6*7' > "$t/out" 2>&1 || status=$?
(( status == 127 )) || fail "exit status $status: $(cat "$t/out")"
grep -q '^onebin: error: this system lacks libraries that the app takes from the host' "$t/out" || fail "$(cat "$t/out")"
grep -qx '  libreadline.so.8 (--host-lib; needed by bin/sqlite3)' "$t/out" || fail "$(cat "$t/out")"
grep -qx '  libz.so.1 (--host-lib; needed by [a-z/0-9.]*)' "$t/out" || fail "$(cat "$t/out")"
! grep -q 'error while loading shared libraries' "$t/out" || fail "$(cat "$t/out")"
run_in trixie "$t/sqlite3.run" :memory: 'select 6*7' > "$t/out" 2>&1 || fail "in trixie: $(cat "$t/out")"
[[ $(cat "$t/out") == 42 ]] || fail "in trixie: $(cat "$t/out")"
run_in trixie "$t/sqlite3.run" --onebin-info > "$t/info" 2>&1
grep -qx 'host library: libz.so.1 (--host-lib): found' "$t/info" || fail "info: $(cat "$t/info")"
