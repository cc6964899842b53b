. "$(dirname "$0")/common.inc"
# With ONEBIN_CACHE_MAX_MB=30 and apps of 12 MB each, a fourth cached app
# makes room by removing the trees used least recently (not the last one
# used, which was launched again), and the stored files only they used:
# the cache stays under 30 MB.
for name in a b c; do
  noise_app "$t/$name.run" 12000000
  rm -rf "$t/noise-app"
done
launch() {  # APP; file times tick with the kernel's coarse clock (up to 10 ms): launches 0.1 s apart
  HOME=$t/home ONEBIN_CACHE_MAX_MB=30 "$t/$1.run" --onebin-cache=always x > "$t/out" 2>&1 || fail "$1: $(cat "$t/out")"
  sleep 0.1
}
tree_of() {  # APP: its name if the cache holds a tree of it
  for tree in "$t"/home/.cache/onebin/apps/[0-9a-f]*; do if cmp -s "$tree/data/noise" "$t/$1.noise"; then echo "$1"; fi; done
}
for name in a b c; do "$ONEBIN" extract "$t/$name.run" "$t/x-$name" > /dev/null && cp "$t/x-$name/data/noise" "$t/$name.noise"; done
launch a; launch b; launch a  # b is now the least recently used
launch c                      # 36 MB: b goes
cached=$(for name in a b c; do tree_of "$name"; done | sort | tr '\n' ' ')
[[ $cached == "a c " ]] || fail "the cache holds: $cached"
(( $(du -sm "$t/home/.cache/onebin" | cut -f1) <= 30 )) || fail "the cache takes $(du -sm "$t/home/.cache/onebin")"
[[ -z $(find "$t/home/.cache/onebin/files" -type f -links 1) ]] || fail "stored files no tree uses are left"
