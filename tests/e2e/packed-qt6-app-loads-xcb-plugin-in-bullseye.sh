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
start_xvfb
dir=$(mktemp -d "$roots/bullseye-x11/onebin-test-XXXXXX")
cp "$t/featherpad.run" "$dir/"
setsid "$here/../roots/in-root.sh" "$roots/bullseye-x11" "/${dir##*/}/featherpad.run" > "$t/out" 2>&1 &
app=$!
trap 'kill -- -$app 2>/dev/null; kill $xvfb_pid 2>/dev/null; sleep 0.5; rm -rf "$t" "$dir"' EXIT
read -r window size <<< "$(wait_for_window FeatherPad)" || fail "featherpad in bullseye: $(cat "$t/out")"
grep -q 'platform plugin' "$t/out" && fail "Qt: $(cat "$t/out")"
[[ ${size%x*} -ge 300 && ${size#*x} -ge 200 ]] || fail "window $size"
sleep 1  # let it paint
import -window "$window" "$t/window.png"
colours=$(identify -format %k "$t/window.png")
(( colours >= 50 )) || fail "the window has $colours colours: empty? $(cat "$t/out")"
