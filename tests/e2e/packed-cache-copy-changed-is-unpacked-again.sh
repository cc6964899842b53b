. "$(dirname "$0")/common.inc"
# A cached tree is trusted only while every file has its packed size and
# modification time: a file changed in the cache (a bad disk, a program
# writing where it should not) is noticed at the next launch, which unpacks
# the app again instead of running the changed copy, silently (ONEBIN_DEBUG
# says why).
mkdir -p "$t/app/bin" "$t/app/data"
printf '#!/bin/sh\ncat "$(dirname "$0")/../data/message"\n' > "$t/app/bin/show"
chmod 755 "$t/app/bin/show"
echo "as packed" > "$t/app/data/message"
pack "$t/app" "$t/app.run" --entry bin/show
HOME=$t/home "$t/app.run" --onebin-cache=always > "$t/out" 2>&1 || fail "first launch: $(cat "$t/out")"
copy=$(echo "$t"/home/.cache/onebin/apps/*/data/message)
[[ -f $copy ]] || fail "no cached copy: $(find "$t/home")"
chmod u+w "$copy"
echo "AS PACKED" > "$copy"  # the same size: only its time tells
HOME=$t/home "$t/app.run" --onebin-cache=always > "$t/out" 2>&1 || fail "second launch: $(cat "$t/out")"
[[ $(cat "$t/out") == "as packed" ]] || fail "the second launch printed: $(cat "$t/out")"
[[ $(cat "$copy") == "as packed" ]] || fail "the cache still holds the change"
chmod u+w "$copy"
echo "AS PACKED" > "$copy"
HOME=$t/home ONEBIN_DEBUG=1 "$t/app.run" --onebin-cache=always > "$t/out" 2>&1 || fail "third launch: $(cat "$t/out")"
grep -qx "as packed" "$t/out" || fail "the changed copy ran: $(cat "$t/out")"
grep -qF "onebin: the cached copy in ${copy%/data/message} is not as unpacked (a file was changed: data/message): unpacking it again" "$t/out" ||
  fail "ONEBIN_DEBUG gave no reason: $(cat "$t/out")"
