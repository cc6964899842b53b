. "$(dirname "$0")/common.inc"
# A cached app whose entry is a python script keeps its tree while it runs:
# python closes the script once read, so nothing of the process points into
# the tree but ONEBIN_APPDIR in its environment; another app's launch evicts
# the idle trees, not this one, and the script reads its data afterwards.
python=$(python3 -c 'import sys; print(sys.executable)')
script_app "$t/app" "#!$python" '
import os, sys, time
with open(sys.argv[1] + "/tree.tmp", "w") as f: f.write(os.environ["ONEBIN_APPDIR"])
os.rename(sys.argv[1] + "/tree.tmp", sys.argv[1] + "/tree")
while not os.path.exists(sys.argv[1] + "/go"): time.sleep(0.05)
print(open(os.path.dirname(sys.argv[0]) + "/../share/d/data.txt").read(), end="")'
pack "$t/app" "$t/script.run" --entry bin/run --cache always
pack "$SAMPLES/hello/hello" "$t/idle.run" --cache always
idle=$(cached_tree "$t/idle.run")
"$t/script.run" "$t" > "$t/script.out" 2>&1 & script=$!
trap 'touch "$t/go"; wait $script || true; cleanup' EXIT
wait_for_file "$t/tree"
[[ -z $(ls -l /proc/$script/fd | grep -F "$(cat "$t/tree")" || true) ]] || fail "test setup: python holds a file of the tree open"
evict_others "$idle"
touch "$t/go"
wait $script || fail "the python app failed: $(cat "$t/script.out")"
[[ $(cat "$t/script.out") == 'the data of the app' ]] || fail "the python app printed: $(cat "$t/script.out")"
[[ -d $(cat "$t/tree") ]] || fail "the python app's tree $(cat "$t/tree") is gone"
