. "$(dirname "$0")/common.inc"
# A program that is no part of the app (no ONEBIN_APPDIR) but has a file of
# a cached tree open, as a viewer of the app's data would, keeps the tree:
# another app's launch evicts the idle trees, not this one.
script_app "$t/app" '#!/bin/sh' 'echo ran'
pack "$t/app" "$t/held.run" --entry bin/run --cache always
pack "$SAMPLES/hello/hello" "$t/idle.run" --cache always
held=$(cached_tree "$t/held.run")
idle=$(cached_tree "$t/idle.run")
sleep 600 3< "$held/share/d/data.txt" & holder=$!
trap 'kill $holder 2> /dev/null || true; cleanup' EXIT
evict_others "$idle"
[[ -d $held && $(cat "$held/share/d/data.txt") == 'the data of the app' ]] || fail "the tree $held, open in process $holder, was evicted"
