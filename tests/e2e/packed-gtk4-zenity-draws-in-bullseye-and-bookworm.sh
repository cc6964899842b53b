. "$(dirname "$0")/common.inc"
# trixie's zenity (GTK 4.18 and libadwaita), packed alone, shows its dialog
# in bullseye (a desktop's X libraries and Mesa 20.3, no GTK) and on this
# Debian 12, looking as unpacked zenity does in trixie. GSK_RENDERER=cairo:
# Xvfb's GLX is indirect, and GTK 4.18 draws nothing through it, packed or
# not (trixie's own zenity with GDK_DISABLE=egl shows a black window too);
# GTK 4.18 takes GLX with bookworm's Mesa 22.3 and bullseye's 20.3 (EGL with trixie's 25).
roots
apps=$roots/trixie-apps
pack "$apps/usr/bin/zenity" "$t/zenity.run" --root "$apps" --explain
grep -q '^glib   GSettings schemas  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
export GSK_RENDERER=cairo
no_gtk_error() { ! grep -q 'Gtk-CRITICAL\|Gtk-ERROR\|GLib-GIO-ERROR' "$t/app.out" || fail "in $1: $(cat "$t/app.out")"; }
check=no_gtk_error
draws_like_unpacked "$t/zenity.run" zenity zenity --info --title=Packed --text="a GTK 4 dialog, packed"
