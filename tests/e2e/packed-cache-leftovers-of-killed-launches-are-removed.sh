. "$(dirname "$0")/common.inc"
# A first launch killed while it unpacks leaves apps/.build-KEY-PID (and
# one killed while it removes a changed tree, .changed-KEY-PID): the next
# launch that unpacks into the cache removes those whose process is gone,
# and leaves one whose process still runs.
pack "$SAMPLES/hello/hello" "$t/hello.run" --cache always
apps=$XDG_CACHE_HOME/onebin/apps
"$t/hello.run" > /dev/null || fail "first launch"
sleep 0.01 & gone=$!
wait $gone
sleep 30 > /dev/null 2>&1 & alive=$!
trap 'kill $alive 2> /dev/null || true; cleanup' EXIT
mkdir -p "$apps/.build-0123456789abcdef-fedcba9876543210-$gone/bin" "$apps/.changed-0123456789abcdef-fedcba9876543210-$gone" \
  "$apps/.build-0123456789abcdef-fedcba9876543210-$alive"
echo half > "$apps/.build-0123456789abcdef-fedcba9876543210-$gone/bin/hello"
pack "$SAMPLES/hello/hello" "$t/other.run" --cache always --add "$t/hello.run:share/extra"  # another tree to unpack
"$t/other.run" > "$t/out" 2>&1 || fail "second app: $(cat "$t/out")"
left=$(ls -A "$apps" | grep -E '^\.(build|changed)-' || true)
[[ $left == ".build-0123456789abcdef-fedcba9876543210-$alive" ]] || fail "left: $left"
