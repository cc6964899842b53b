. "$(dirname "$0")/common.inc"
# Two versions share unchanged files through the cache's store. A stored
# copy changed through version 1's tree (its size and time kept, which is
# all a later launch of version 1 looks at) must not be linked into the
# first unpack of version 2: a stored copy is read whole and its hash
# checked before a new tree links it.
mkdir -p "$t/v1/bin" "$t/v1/data"
printf '#!/bin/sh\ncat "$(dirname "$0")/../data/shared"\n' > "$t/v1/bin/show"
chmod 755 "$t/v1/bin/show"
echo "as packed" > "$t/v1/data/shared"
echo "version 1" > "$t/v1/data/version"
cp -a "$t/v1" "$t/v2"
echo "version 2" > "$t/v2/data/version"
pack "$t/v1" "$t/v1.run" --entry bin/show
pack "$t/v2" "$t/v2.run" --entry bin/show
HOME=$t/home "$t/v1.run" --onebin-cache=always > "$t/out" 2>&1 || fail "v1: $(cat "$t/out")"
copy=$(echo "$t"/home/.cache/onebin/apps/*/data/shared)
[[ -f $copy && $(stat -c %h "$copy") == 2 ]] || fail "not stored: $(find "$t/home" -name shared -printf '%p %n\n')"
chmod u+w "$copy"
echo "AS PACKED" > "$copy"
touch -r "$t/v1/data/shared" "$copy"
HOME=$t/home "$t/v2.run" --onebin-cache=always > "$t/out" 2>&1 || fail "v2: $(cat "$t/out")"
[[ $(cat "$t/out") == "as packed" ]] || fail "version 2 got the changed copy: $(cat "$t/out")"
