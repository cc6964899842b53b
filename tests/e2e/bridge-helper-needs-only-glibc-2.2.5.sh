. "$(dirname "$0")/common.inc"
# Any x86-64 glibc can load the helper: it asks for no version newer than 2.2.5.
readelf -V "$RUNTIME/onebin-host-helper" > "$t/versions"
grep -o 'Name: GLIBC_[0-9.]*' "$t/versions" | sort -u > "$t/names"
[[ "$(cat "$t/names")" == "Name: GLIBC_2.2.5" ]] || fail "helper needs: $(cat "$t/names")"
readelf -d "$RUNTIME/onebin-host-helper" | grep -q 'Shared library: \[libdl.so.2\]' || fail "no libdl.so.2 for glibc < 2.34"
