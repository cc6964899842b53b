. "$(dirname "$0")/common.inc"
# trixie's zenity (GTK 4), packed alone, shows a directory in its file
# chooser in bullseye, which has no MIME database and no icon theme, with
# the folder and file-type icons unpacked zenity shows in trixie: onebin
# deploys the MIME database and the Adwaita icon theme. Without them the
# folders and files all had one blank page icon (a difference of 0.027).
roots
apps=$roots/trixie-apps
name=onebin-files-$$
for root in bullseye-x11 trixie-apps; do
  mkdir -p "$roots/$root/$name/alpha" "$roots/$root/$name/beta"
  also_remove+=("$roots/$root/$name")
  echo notes > "$roots/$root/$name/notes.txt"
  echo '<html></html>' > "$roots/$root/$name/page.html"
  touch -d '2020-01-01 12:00' "$roots/$root/$name"/* "$roots/$root/$name"
done
pack "$apps/usr/bin/zenity" "$t/zenity.run" --root "$apps" --explain
grep -q '^gtk    MIME database  from ' "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
[[ ! -e $roots/bullseye-x11/usr/share/mime/mime.cache && ! -e $roots/bullseye-x11/usr/share/icons/Adwaita ]] ||
  fail "test setup: bullseye-x11 has a MIME database or Adwaita"
export GSK_RENDERER=cairo  # see packed-gtk4-zenity-draws-in-bullseye-and-bookworm.sh
similar=0.005  # the same fonts and files in both roots: only the icons can differ
window_check bullseye-x11 "$t/zenity.run" zenity --file-selection --filename="/$name/"
same_as_unpacked zenity zenity --file-selection --filename="/$name/"
