. "$(dirname "$0")/common.inc"
# gdk-pixbuf's loaders.cache is packed as a template: at run time
# GDK_PIXBUF_MODULE_FILE names it in the view, and every loader it lists is
# a file of the view (the packed cache names /usr/lib/... of the packer).
roots
apps=$roots/trixie-apps
mkdir -p "$t/app/bin"
cp "$apps/usr/bin/mousepad" "$t/app/bin/"
cat > "$t/app/bin/check" <<'SH'
#!/bin/sh
n=0
for f in $(grep -o '"/[^"]*\.so"' "$GDK_PIXBUF_MODULE_FILE" | tr -d '"'); do
  case $f in "$ONEBIN_APPDIR"/*) ;; *) echo "outside the view: $f"; exit 1 ;; esac
  [ -f "$f" ] || { echo "missing: $f"; exit 1; }
  n=$((n + 1))
done
echo "loaders in the view: $n"
SH
chmod 755 "$t/app/bin/check"
pack "$t/app" "$t/app.run" --root "$apps" --entry bin/check
"$t/app.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -q '^loaders in the view: [1-9]' "$t/out" || fail "$(cat "$t/out")"
