. "$(dirname "$0")/common.inc"
# The .pyc files trixie's python packs with stay valid in the view (they
# record their source's modification time): importing json, decimal,
# sqlite3 and ssl writes none of them anew, on the first run or the second.
python_appdir "$t/app"
pack "$t/app" "$t/python.run" --root "$roots/trixie" --entry usr/bin/python3
code='import time; start = time.time() - 0.5
import os, sys, json, decimal, sqlite3, ssl
view = os.environ["ONEBIN_APPDIR"]
cached = [m.__cached__ for m in list(sys.modules.values()) if (getattr(m, "__cached__", None) or "").startswith(view)]
fresh = [c for c in cached if not os.path.exists(c) or os.stat(c).st_mtime > start]
print(len(cached) > 20, fresh)'
for run in first second; do
  "$t/python.run" -c "$code" > "$t/out" 2>&1 || fail "$run run: $(cat "$t/out")"
  [[ $(cat "$t/out") == 'True []' ]] || fail "$run run: compiled anew: $(cat "$t/out")"
done
