. "$(dirname "$0")/common.inc"
# Needs root for the mounts (CI runs as root). /tmp itself gets a noexec
# tmpfs, so the packed file, outputs and HOME live under /var/tmp.
pack "$SAMPLES/spawn/app" "$t/spawn.run" --entry bin/spawn
w=$(mktemp -d /var/tmp/onebin-e2e-XXXXXX)
trap 'rm -rf "$t" "$w"' EXIT
cp "$t/spawn.run" "$w/"
mkdir "$w/home"
HOME="$w/home" XDG_CACHE_HOME="$w/home/.cache" unshare --mount bash -c '
  for dir in "$XDG_RUNTIME_DIR" /dev/shm /tmp; do mount -t tmpfs -o noexec tmpfs "$dir"; done
  ONEBIN_DEBUG=1 "$1/spawn.run" > "$1/out" 2> "$1/err"' _ "$w" || fail "did not run: $(cat "$w/err")"
grep -q '^onebin: /dev/shm is mounted noexec$' "$w/err" || fail "no noexec decision: $(cat "$w/err")"
grep -q "^onebin: view directory $w/home/.cache/onebin/onebin-" "$w/err" || fail "view not in the cache: $(cat "$w/err")"
grep -qx 'helper got from-parent, uses libhelper' "$w/out" || fail "helper: $(cat "$w/out")"
for i in $(seq 50); do [[ -z "$(ls -A "$w/home/.cache/onebin")" ]] && exit 0; sleep 0.1; done
fail "left behind in the cache: $(ls -A "$w/home/.cache/onebin")"
