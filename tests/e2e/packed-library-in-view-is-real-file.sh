. "$(dirname "$0")/common.inc"
# A bundled library in the view resolves (realpath) to a regular file inside
# the view, not to /memfd:... (deleted): Qt canonicalises plugin paths.
pack "$SAMPLES/daemon/app" "$t/daemon.run" --entry bin/daemon
"$t/daemon.run" "$t/report" || fail "did not start"
for _ in $(seq 50); do [[ -s "$t/report" ]] && break; sleep 0.1; done
grep -qx 'plugin: loaded by the daemon' "$t/report" || fail "plugin not loaded: $(cat "$t/report" 2>&1)"
grep -qx 'regular file: yes' "$t/report" || fail "the plugin is no real file: $(cat "$t/report")"
grep -q "^realpath: $XDG_RUNTIME_DIR/onebin-[0-9]*-[^/]*/lib/libplugin.so\$" "$t/report" ||
  fail "the plugin does not resolve into the view: $(cat "$t/report")"
