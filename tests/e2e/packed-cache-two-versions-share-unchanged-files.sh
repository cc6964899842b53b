. "$(dirname "$0")/common.inc"
# Two versions of an app in the cache share the files that did not change
# (the same content, time and mode): one copy on disk, linked into both
# trees, and the second version unpacks only what changed and its program
# (whose slots are its tree's own).
mkdir -p "$t/v1/bin" "$t/v1/data"
cp "$SAMPLES/hello/hello" "$t/v1/bin/"
head -c 3000000 /dev/urandom > "$t/v1/data/level"
echo "version 1" > "$t/v1/data/version"
cp -a "$t/v1" "$t/v2"
echo "version 2" > "$t/v2/data/version"
pack "$t/v1" "$t/v1.run" --entry bin/hello
pack "$t/v2" "$t/v2.run" --entry bin/hello
for v in v1 v2; do
  HOME=$t/home ONEBIN_DEBUG=1 "$t/$v.run" --onebin-cache=always a > "$t/$v.out" 2>&1 || fail "$v: $(cat "$t/$v.out")"
  grep -qx 'arg 1: a' "$t/$v.out" || fail "$v printed: $(cat "$t/$v.out")"
done
trees=("$t"/home/.cache/onebin/apps/[0-9a-f]*)
(( ${#trees[@]} == 2 )) || fail "trees: ${trees[*]}"
[[ $(stat -c %i "${trees[0]}/data/level") == $(stat -c %i "${trees[1]}/data/level") ]] ||
  fail "the unchanged file is stored twice"
[[ $(stat -c %i "${trees[0]}/data/version") != $(stat -c %i "${trees[1]}/data/version") ]] ||
  fail "the changed file is shared"
grep -q 'directories, links and memfds made; 2 files to write' "$t/v2.out" ||
  fail "the second version unpacked more than its changed file: $(grep 'files to write' "$t/v2.out")"
