. "$(dirname "$0")/common.inc"
# A cached app whose entry is a shell script (#!/bin/sh: no exe, cwd or map
# of the tree, only the script dash holds open and ONEBIN_APPDIR) keeps its
# tree while it runs: another app's launch evicts the idle trees, not this
# one, and the script still reads its data afterwards.
script_app "$t/app" '#!/bin/sh' '
echo "$ONEBIN_APPDIR" > "$1/tree.tmp" && mv "$1/tree.tmp" "$1/tree"
while [ ! -e "$1/go" ]; do sleep 0.05; done
cat "$(dirname "$0")/../share/d/data.txt"'
pack "$t/app" "$t/script.run" --entry bin/run --cache always
pack "$SAMPLES/hello/hello" "$t/idle.run" --cache always
idle=$(cached_tree "$t/idle.run")
"$t/script.run" "$t" > "$t/script.out" 2>&1 & script=$!
trap 'touch "$t/go"; wait $script || true; cleanup' EXIT
wait_for_file "$t/tree"
evict_others "$idle"
touch "$t/go"
wait $script || fail "the script app failed: $(cat "$t/script.out")"
[[ $(cat "$t/script.out") == 'the data of the app' ]] || fail "the script app printed: $(cat "$t/script.out")"
[[ -d $(cat "$t/tree") ]] || fail "the script app's tree $(cat "$t/tree") is gone"
