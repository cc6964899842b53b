. "$(dirname "$0")/common.inc"
# trixie's chromium-bsu (SDL 2 and OpenGL), packed alone, reads its images
# from /usr/share/games/chromium-bsu, a path compiled into it: onebin packs
# that directory and rewrites the path to the view's copy. The game draws
# its menu with the host's Mesa in bullseye and on this Debian 12, as it
# does unpacked in trixie; packed without its data it printed
# "../data/png/hero.png: No such file or directory" and drew no images.
roots
apps=$roots/trixie-apps
pack "$apps/usr/games/chromium-bsu" "$t/chromium-bsu.run" --root "$apps" --explain
grep -q "^data   $apps/usr/share/games/chromium-bsu  -> share/games/chromium-bsu " "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
# The menu's background lights, logo and hints move, and its text is in the
# root's font: only a still part of the machinery image right of the menu is
# compared. Shots of it differ by 0.006 to 0.029 (packed or not, during the
# menu's fade-in too); without the images (--exclude 'share/games/*') by
# 0.097 to 0.126; the whole window differed by 0.08 to 0.28 from moment to moment.
still=160x150+580+285 still_fuzz=12 similar=0.06
no_missing_image() { ! grep -q 'png\|wav' "$t/app.out" || fail "in $1: $(cat "$t/app.out")"; }
check=no_missing_image
draws_like_unpacked "$t/chromium-bsu.run" chromium-bsu /usr/games/chromium-bsu
