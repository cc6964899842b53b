. "$(dirname "$0")/common.inc"
# trixie's mousepad (GTK 3) packed as a single program: onebin deploys the
# compiled GSettings schemas, GIO's modules and gdk-pixbuf's loaders with a
# loaders.cache for the view, and the variables pointing at them; it draws
# its window in bullseye and on this Debian 12 with no GSettings or pixbuf
# error (it had a 10x10 window, no menu: "g_settings_schema_source_lookup:
# assertion 'source != NULL' failed"), as it does unpacked in trixie.
roots
apps=$roots/trixie-apps
"$ONEBIN" pack "$apps/usr/bin/mousepad" -o "$t/mousepad.run" --root "$apps" --level 3 --explain > "$t/pack.log" 2> "$t/pack.err" ||
  fail "pack: $(cat "$t/pack.log" "$t/pack.err")"
# Its plugins are at a path compiled into its own library, which onebin cannot rewrite: pack says so.
grep -q "^  /usr/lib/x86_64-linux-gnu/mousepad/plugins  (named by lib/libmousepad.so.0)$" "$t/pack.err" ||
  fail "no warning for mousepad's plugins: $(cat "$t/pack.err")"
no_gtk_error() { ! grep -q 'g_settings_schema_source_lookup\|GdkPixbuf-WARNING\|Unrecognized image' "$t/app.out" || fail "in $1: $(cat "$t/app.out")"; }
check=no_gtk_error
draws_like_unpacked "$t/mousepad.run" Mousepad mousepad
grep -q '^glib   GSettings schemas  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
grep -q '^glib   gdk-pixbuf loaders  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
"$t/mousepad.run" --onebin-info > "$t/info"
grep -qx 'environment: GSETTINGS_SCHEMA_DIR=@ONEBIN_APPDIR@/lib/glib-2.0/schemas' "$t/info" || fail "info: $(cat "$t/info")"
grep -qx 'environment: GDK_PIXBUF_MODULE_FILE=@ONEBIN_APPDIR@/lib/gdk-pixbuf-2.0/2.10.0/loaders.cache' "$t/info" || fail "info: $(cat "$t/info")"
