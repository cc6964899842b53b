. "$(dirname "$0")/common.inc"
# A packed file mounts nothing (no FUSE): --appimage-mount fails with a
# message that points at --appimage-extract, and the app does not run.
# Before, the option went to the app, which ran.
pack "$SAMPLES/hello/hello" "$t/hello.run"
status=0
"$t/hello.run" --appimage-mount > "$t/out" 2>&1 || status=$?
(( status != 0 )) && grep -q -- '--appimage-extract' "$t/out" && ! grep -q 'hello from' "$t/out" ||
  fail "status $status: $(cat "$t/out")"
