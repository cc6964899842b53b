. "$(dirname "$0")/common.inc"
# trixie's python3 with its standard library, packed as an AppDir, imports
# from its own stdlib (and extension modules) in roots without any python:
# CPython finds its prefix from argv[0], the view.
python_appdir "$t/app"
pack "$t/app" "$t/python.run" --root "$roots/trixie" --entry usr/bin/python3
code='import os, sys, json, decimal, sqlite3, ssl; print(sys.prefix == os.environ["ONEBIN_APPDIR"] + "/usr", json.dumps(str(decimal.Decimal(1) / 8)))'
for root in empty bullseye; do
  [[ ! -e "$roots/$root/usr/bin/python3" ]] || fail "test setup: $root has a python"
  run_in "$root" "$t/python.run" -c "$code" > "$t/out" 2>&1 || fail "in $root: $(cat "$t/out")"
  [[ $(cat "$t/out") == 'True "0.125"' ]] || fail "in $root printed: $(cat "$t/out")"
done
