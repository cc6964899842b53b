. "$(dirname "$0")/common.inc"
# In a user namespace that does not map root (rootless containers, Steam's
# pressure-vessel, Flatpak), root's directories (/, /dev/shm, /tmp) show the
# overflow uid. They are still root's: the view goes to /dev/shm as it does
# outside, not to the disk cache (nor nowhere, without a HOME).
command -v unshare > /dev/null || fail "unshare (util-linux) is missing"
pack "$SAMPLES/hello/hello" "$t/hello.run"
chmod 755 "$t"
chmod 755 "$t/hello.run"
setpriv --reuid=nobody --regid=nogroup --clear-groups unshare --user --map-root-user \
  env -u XDG_RUNTIME_DIR -u HOME ONEBIN_DEBUG=1 "$t/hello.run" a > "$t/out" 2>&1 || fail "in the namespace: $(cat "$t/out")"
grep -qx 'arg 1: a' "$t/out" || fail "in the namespace: $(cat "$t/out")"
grep -q '^onebin: view directory /dev/shm/onebin-' "$t/out" || fail "view not in /dev/shm: $(cat "$t/out")"
