. "$(dirname "$0")/common.inc"
pack /usr/bin/env "$t/env.run"
"$t/env.run" > "$t/env"
grep -q '^LD_LIBRARY_PATH=' "$t/env" && fail "LD_LIBRARY_PATH leaked into the app"
grep -qx "ONEBIN_FILE=$t/env.run" "$t/env" || fail "ONEBIN_FILE: $(grep ONEBIN_FILE "$t/env")"
appdir=$(sed -n 's/^ONEBIN_APPDIR=//p' "$t/env")
[[ "$appdir" == "$t/runtime/onebin-"* ]] || fail "ONEBIN_APPDIR: $appdir"
