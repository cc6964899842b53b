. "$(dirname "$0")/common.inc"
# Programs and libraries are looked at on every launch from the cache, however
# many data files take turns: a program changed in the cached copy is not run
# by the next launch, which unpacks the app again.
many_files_app "$t/many.run" 5000
[[ $(cache_use "$t/many.run" --onebin-cache=always) == "unpacked now" ]] || fail "first launch: $(cat "$t/out")"
[[ $(cache_use "$t/many.run" --onebin-cache=always) == "from an earlier launch" ]] || fail "second launch: $(cat "$t/out")"
program=$(echo "$t"/home/.cache/onebin/apps/*/bin/hello)
touch -d '2001-02-03' "$program"
[[ $(cache_use "$t/many.run" --onebin-cache=always) == "unpacked now" ]] || fail "the changed program ran: $(cat "$t/out")"
grep -qF "(a file was changed: bin/hello): unpacking it again" "$t/out" || fail "no note: $(cat "$t/out")"
