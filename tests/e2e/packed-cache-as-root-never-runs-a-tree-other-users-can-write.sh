. "$(dirname "$0")/common.inc"
# Root running with a user's HOME (sudo -E, su -m) must not run code from a
# cache that another user can write: here ~/.cache/onebin is a link to a
# sticky directory anyone may write (like /tmp), where another user made
# apps/ and planted a tree with the right key whose program has the packed
# size and time. The cache and its parts must be the running user's own
# (checked on their descriptors): the app runs from memory, as packed.
[[ $(id -u) == 0 ]] || fail "test setup: needs root (it runs as root with another user's files)"
mkdir -p "$t/app/bin"
printf '#!/bin/sh\necho "as packed"\n' > "$t/app/bin/show"
chmod 755 "$t/app/bin/show"
pack "$t/app" "$t/app.run" --entry bin/show
XDG_CACHE_HOME=$t/legit "$t/app.run" --onebin-cache=always > "$t/out" 2>&1 || fail "first launch: $(cat "$t/out")"
tree=$(echo "$t"/legit/onebin/apps/[0-9a-f]*)
[[ -d $tree ]] || fail "no cached tree: $(find "$t/legit")"
chmod 755 "$t"
mkdir -m 1777 "$t/sticky"
mkdir -p "$t/home/.cache"
ln -s "$t/sticky" "$t/home/.cache/onebin"
mkdir -m 777 "$t/sticky/apps" "$t/sticky/files"
cp -a "$tree" "$t/sticky/apps/"
planted=$t/sticky/apps/${tree##*/}/bin/show
chmod u+w "$planted"
printf '#!/bin/sh\necho "PLANTED!!"\n' > "$planted"  # the same size
touch -r "$t/app/bin/show" "$planted"
chown -R nobody "$t/sticky/apps" "$t/sticky/files"
env -u XDG_CACHE_HOME HOME=$t/home "$t/app.run" --onebin-cache=always > "$t/out" 2>&1 || fail "as root: $(cat "$t/out")"
[[ $(cat "$t/out") == "as packed" ]] || fail "root ran: $(cat "$t/out")"
env -u XDG_CACHE_HOME HOME=$t/home ONEBIN_DEBUG=1 "$t/app.run" --onebin-cache=always > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -qF "the cache is unusable (others may write to it)" "$t/out" || fail "no reason under ONEBIN_DEBUG: $(cat "$t/out")"
