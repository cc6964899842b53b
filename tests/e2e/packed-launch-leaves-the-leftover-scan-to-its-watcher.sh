. "$(dirname "$0")/common.inc"
# Looking for views that killed apps left is the clean-up process's work,
# beside the app, not the launch's: with 2,000 onebin-* names of another
# user's in the base (anyone can put them in /dev/shm; 20,000 added 37 ms to
# every launch), the launching process looks at none of them, the clean-up
# process does, and it leaves them alone (they are not this user's).
mkdir -p "$t/runtime/base"
chmod 1777 "$t/runtime/base"
for i in $(seq 2000); do mkdir "$t/runtime/base/onebin-999999$i-decoy"; done
chown nobody "$t/runtime/base"/onebin-*
pack "$SAMPLES/hello/hello" "$t/hello.run"
XDG_RUNTIME_DIR=$t/runtime/base strace -ff -e trace=lstat,newfstatat,statx,stat -o "$t/trace" "$t/hello.run" > "$t/out" 2>&1 ||
  fail "$(cat "$t/out")"
launcher=$(ls "$t"/trace.* | sort -t. -k2 -n | head -n 1)
! grep -q 'decoy' "$launcher" || fail "the launch looked at $(grep -c decoy "$launcher") decoys"
grep -lq 'decoy' "$t"/trace.* || fail "nobody looked for leftovers"
for _ in $(seq 50); do (( $(ls "$t/runtime/base" | wc -l) == 2000 )) && break; sleep 0.1; done
(( $(ls "$t/runtime/base" | grep -c decoy) == 2000 )) || fail "decoys removed: $(ls "$t/runtime/base" | grep -c decoy) left"
