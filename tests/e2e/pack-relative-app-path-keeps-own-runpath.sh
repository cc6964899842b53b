. "$(dirname "$0")/common.inc"
# A relative APP path: the app's own $ORIGIN RUNPATH entries must survive.
cd "$SAMPLES/privlibs"
pack app "$t/p.run" --entry bin/privlibs
"$t/p.run" | grep -qx 'greeting: hello, private library' || fail "$("$t/p.run" 2>&1)"
