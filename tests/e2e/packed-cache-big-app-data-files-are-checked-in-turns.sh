. "$(dirname "$0")/common.inc"
# A launch from the cache looks at 2,048 of an app's data files, the next
# launch at the next 2,048, and so on: a data file changed in the cached copy
# of an app with 5,000 of them is found within three launches, wherever it
# lies, and that launch unpacks the app again.
many_files_app "$t/many.run" 5000
[[ $(cache_use "$t/many.run" --onebin-cache=always) == "unpacked now" ]] || fail "first launch: $(cat "$t/out")"
copy=$(echo "$t"/home/.cache/onebin/apps/*/data/4999)
[[ -f $copy ]] || fail "no cached copy: $(ls "$t"/home/.cache/onebin/apps)"
chmod u+w "$copy"
echo -n y > "$copy"  # the same size: only its time tells
for launch in 1 2 3; do
  [[ $(cache_use "$t/many.run" --onebin-cache=always) == "unpacked now" ]] && break
  looked=$(sed -n 's/^onebin: cache check: \([0-9]*\) files looked at.*/\1/p' "$t/out")
  (( looked < 5001 )) || fail "launch $launch looked at every file ($looked): $(cat "$t/out")"
done
grep -qF "is not as unpacked (a file was changed: data/4999): unpacking it again" "$t/out" ||
  fail "the change was not found in three launches: $(cat "$t/out")"
[[ $(cat "$copy") == x ]] || fail "the cache still holds the change"
