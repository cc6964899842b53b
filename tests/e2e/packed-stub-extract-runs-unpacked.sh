. "$(dirname "$0")/common.inc"
pack "$SAMPLES/privlibs/app" "$t/privlibs.run" --entry bin/privlibs
"$t/privlibs.run" --onebin-extract "$t/out"
"$t/out/bin/privlibs" | grep -qx 'data: found next to the program' || fail "extracted app does not run"
