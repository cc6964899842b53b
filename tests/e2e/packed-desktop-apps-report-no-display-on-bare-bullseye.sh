. "$(dirname "$0")/common.inc"
# On a bare bullseye (no X libraries, no GL, no display), trixie's desktop
# apps, packed alone, start with the packed fallbacks of the display
# libraries and fail with their own "cannot open display", not with the
# loader's "error while loading shared libraries": featherpad (Qt 6), qt5ct
# (Qt 5), mousepad (GTK 3), zenity (GTK 4), chromium-bsu (SDL 2 and OpenGL:
# SDL then finds no EGL either), gst-launch-1.0 into ximagesink, and python3
# with tkinter.
roots
apps=$roots/trixie-apps
[[ ! -e $roots/bullseye/usr/lib/x86_64-linux-gnu/libxcb.so.1 ]] || fail "test setup: bullseye has libxcb"
declare -A says=([featherpad]='qt.qpa.xcb: could not connect to display :55'
  [qt5ct]='qt.qpa.xcb: could not connect to display :55'
  [mousepad]='cannot open display: :55'
  [zenity]='Failed to open display'
  [chromium-bsu]="Couldn't set video mode"
  [gst-launch-1.0]='Could not open display'
  [python3.13]="couldn't connect to display \":55\"")
declare -A args=([zenity]='--info' [gst-launch-1.0]='videotestsrc ! ximagesink' [python3.13]='-c import tkinter; tkinter.Tk()')
for app in "${!says[@]}"; do
  program=$apps/usr/bin/$app
  [[ -e $program ]] || program=$apps/usr/games/$app
  pack "$program" "$t/$app.run" --root "$apps"
  if [[ $app == python3.13 ]]; then
    DISPLAY=:55 run_in bullseye "$t/$app.run" -c 'import tkinter; tkinter.Tk()' > "$t/out" 2>&1 || true
  else
    # shellcheck disable=SC2086  # the arguments are words
    DISPLAY=:55 run_in bullseye "$t/$app.run" ${args[$app]:-} > "$t/out" 2>&1 || true
  fi
  grep -qF "${says[$app]}" "$t/out" || fail "$app: $(cat "$t/out")"
  ! grep -q 'error while loading shared libraries' "$t/out" || fail "$app: $(cat "$t/out")"
done
