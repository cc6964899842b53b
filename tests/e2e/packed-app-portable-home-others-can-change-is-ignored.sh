. "$(dirname "$0")/common.inc"
# FILE.home chooses the app's HOME (its settings, autostart scripts), so it
# is honoured only as a directory of the user's that nobody else may write
# or replace: one another user made beside a packed file in a shared
# directory (/tmp), one others may write, a link, or one in a directory
# others may write (they could swap it after the check) is ignored, and
# ONEBIN_DEBUG says why; so is one below a directory of another user's.
# Before, AppImage's rule (any directory) was absent.
mkdir -p "$t/app/bin"
printf '#!/bin/sh\necho "HOME=$HOME"\n' > "$t/app/bin/show"
chmod 755 "$t/app/bin/show"
pack "$t/app" "$t/app.run" --entry bin/show
shared=$(mktemp -d /tmp/onebin-shared-XXXXXX)
also_remove+=("$shared")
chmod 1777 "$shared"
cp "$t/app.run" "$shared/"
# The baseline: the user's own FILE.home in the same sticky directory is used.
mkdir -m 700 "$shared/app.run.home"
HOME=$t/home "$shared/app.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
[[ $(cat "$t/out") == "HOME=$shared/app.run.home" ]] || fail "the user's own: $(cat "$t/out")"
rmdir "$shared/app.run.home"
check_ignored() { # WHAT FILE REASON
  ONEBIN_DEBUG=1 HOME=$t/home "$2" > "$t/out" 2> "$t/err" || fail "$1: $(cat "$t/out" "$t/err")"
  [[ $(cat "$t/out") == "HOME=$t/home" ]] || fail "$1 was used: $(cat "$t/out")"
  grep -q "ignored.*$3" "$t/err" || fail "$1: no reason given: $(grep home "$t/err")"
  ONEBIN_DEBUG= HOME=$t/home "$2" 2>&1 > /dev/null | { ! grep -q .; } || fail "$1: wrote on stderr without ONEBIN_DEBUG"
}
setpriv --reuid=nobody --regid=nogroup --clear-groups mkdir -m 700 "$shared/app.run.home"
check_ignored "another user's" "$shared/app.run" "another user's directory"
rm -rf "$shared/app.run.home"
mkdir -m 777 "$shared/app.run.home"
check_ignored "one others may write" "$shared/app.run" "others may write to it"
rmdir "$shared/app.run.home"
mkdir -m 700 "$t/mine"
ln -s "$t/mine" "$shared/app.run.home"
check_ignored "a link" "$shared/app.run" "a link"
rm "$shared/app.run.home"
mkdir -m 777 "$t/open"
cp "$t/app.run" "$t/open/"
mkdir -m 700 "$t/open/app.run.home"
check_ignored "one in a directory others may write" "$t/open/app.run" "the directory it is in"
# Nor below a directory of another user's, who could rename the user's own
# directory (packed file and FILE.home with it) and put theirs there.
chmod 755 "$t"
mkdir -m 755 "$t/theirs"
mkdir -m 700 "$t/theirs/mine" "$t/theirs/mine/app.run.home"
cp "$t/app.run" "$t/theirs/mine/"
chown nobody "$t/theirs"
check_ignored "one below another user's directory" "$t/theirs/mine/app.run" "above it: another user's directory"
