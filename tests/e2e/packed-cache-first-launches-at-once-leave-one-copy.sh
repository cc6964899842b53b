. "$(dirname "$0")/common.inc"
# 20 first launches at once of an app the cache takes: every one runs, the
# app is unpacked once (the others wait for it under the key's lock) and the
# cache holds one tree and no half-built one.
noise_app "$t/app.run" 20000000
for i in $(seq 20); do
  HOME=$t/home ONEBIN_DEBUG=1 "$t/app.run" --onebin-cache=always "$i" > "$t/out.$i" 2>&1 &
done
wait
for i in $(seq 20); do grep -qx "arg 1: $i" "$t/out.$i" || fail "launch $i: $(cat "$t/out.$i")"; done
(( $(cat "$t"/out.* | grep -c '^onebin: cache: .*(unpacked now)$') == 1 )) || fail "unpacked $(cat "$t"/out.* | grep -c 'unpacked now') times"
trees=$(ls -A "$t/home/.cache/onebin/apps" | grep -v '^\.lock-')
(( $(echo "$trees" | wc -l) == 1 )) || fail "the cache holds: $trees"
