. "$(dirname "$0")/common.inc"
# trixie's featherpad (Qt 6), packed as an app directory with Qt's plugins and
# a qt.conf pointing at them, loads its xcb platform plugin in bullseye (with
# a desktop's X libraries) and draws its window under Xvfb. Qt reads a
# plugin's metadata note through its program headers and canonicalises its
# path: the note must stay a PT_NOTE and the plugin be a real file.
roots
apps=$roots/trixie-apps
mkdir -p "$t/app/usr/bin" "$t/app/usr/lib/qt6"
cp "$apps/usr/bin/featherpad" "$t/app/usr/bin/"
cp -a "$apps/usr/lib/x86_64-linux-gnu/qt6/plugins" "$t/app/usr/lib/qt6/"
printf '[Paths]\nPrefix = ..\nPlugins = lib/qt6/plugins\n' > "$t/app/usr/bin/qt.conf"
pack "$t/app" "$t/featherpad.run" --root "$apps" --entry usr/bin/featherpad
window_check bullseye-x11 "$t/featherpad.run" FeatherPad
