. "$(dirname "$0")/common.inc"
# trixie's mousepad (GTK 3), packed to run from the cache, draws on its
# second launch in bullseye what it draws unpacked in trixie: the launch
# that finds the copy an earlier launch unpacked sets the environment file's
# variables too (GSETTINGS_SCHEMA_DIR, GDK_PIXBUF_MODULE_FILE...). Before,
# only the launch that unpacked it did: the second had a 461x76 window with
# no menu and "g_settings_schema_source_lookup: assertion 'source != NULL'".
roots
apps=$roots/trixie-apps
"$ONEBIN" pack "$apps/usr/bin/mousepad" -o "$t/mousepad.run" --root "$apps" --level 3 --cache always > "$t/pack.log" 2>&1 ||
  fail "pack: $(cat "$t/pack.log")"
# Each session of a root has a fresh /tmp, where the cache is: one session
# launches the file twice, first to unpack it (--version needs no display).
printf '#!/bin/sh\n"${0%%/*}/mousepad.run" --version > /dev/null || exit 1\nONEBIN_DEBUG=1 exec "${0%%/*}/mousepad.run" "$@"\n' > "$t/twice"
chmod 755 "$t/twice"
beside=("$t/mousepad.run")
window_check bullseye-x11 "$t/twice" Mousepad
grep -q '^onebin: cache: .* (from an earlier launch)$' "$t/app.out" || fail "not run from the cache: $(cat "$t/app.out")"
! grep -q 'g_settings_schema_source_lookup\|GdkPixbuf-WARNING' "$t/app.out" || fail "$(cat "$t/app.out")"
same_as_unpacked Mousepad mousepad
