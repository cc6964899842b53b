. "$(dirname "$0")/common.inc"
# onebin pack /usr/bin/python3 (a single program) packs CPython's standard
# library with it, which the packed python then imports from the view where
# no python is installed (packed before, it found none: "No module named
# 'encodings'").
pack /usr/bin/python3 "$t/python3.run" --explain
grep -q '^python /usr/lib/python3\.[0-9]*  -> lib/python3\.' "$t/pack.log" || fail "explain: $(grep '^python' "$t/pack.log")"
python_imports_from_view "$t/python3.run"
