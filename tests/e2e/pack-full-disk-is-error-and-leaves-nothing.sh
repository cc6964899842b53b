. "$(dirname "$0")/common.inc"
# Packing onto a file system that fills up: pack names the output and the
# reason, exits non-zero, and leaves neither a partial output nor its
# temporary file (a private 1 MB tmpfs; hello packs to about 1.4 MB).
mkdir "$t/small"
status=0
unshare --mount sh -c 'mount -t tmpfs -o size=1m tmpfs "$1" && "$2" pack "$3" -o "$1/hello.run" > "$1/../out" 2>&1; status=$?; ls -A "$1" > "$1/../left"; exit $status' \
  _ "$t/small" "$ONEBIN" "$SAMPLES/hello/hello" || status=$?
(( status != 0 )) || fail "pack reported success: $(cat "$t/out")"
grep -qF "$t/small/hello.run: cannot write: No space left on device" "$t/out" || fail "pack said: $(cat "$t/out")"
[[ ! -s $t/left ]] || fail "left behind: $(cat "$t/left")"
