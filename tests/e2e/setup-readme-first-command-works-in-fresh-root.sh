# The README's first set-up command (install-deps, build, pack the privlibs
# sample, run it) works on a fresh machine of this release: a new debootstrap
# --variant=minbase root with the release, -updates and -security suites a
# fresh install has, and nothing of this machine's in it but the checkout.
# Caches of earlier runs (/var/cache/onebin) are never seen there.
. "$(dirname "$0")/common.inc"
repo=$(cd "$here/../.." && pwd)
. /etc/os-release
root="$t/root"
mirror=$("$repo/scripts/apt-sources" archive)
debootstrap --variant=minbase "$VERSION_CODENAME" "$root" "$mirror" > "$t/debootstrap.log" 2>&1 ||
  fail "debootstrap $VERSION_CODENAME from $mirror: $(tail -n 5 "$t/debootstrap.log")"
"$repo/scripts/apt-sources" suites > "$root/etc/apt/sources.list"
grep -q -- "-security " "$root/etc/apt/sources.list" || fail "no security suite for the root: $(cat "$root/etc/apt/sources.list")"

# The checkout as git has it: tracked and untracked files, less the ignored ones.
mkdir "$root/src"
git -C "$repo" ls-files -z -co --exclude-standard |
  while IFS= read -r -d '' f; do [[ -e "$repo/$f" || -L "$repo/$f" ]] && printf '%s\0' "$f"; done |
  tar -C "$repo" --null -T - -cf - | tar -C "$root/src" -xf -

# A fresh machine's root shell: none of this machine's environment.
in_fresh_root() { "$here/../roots/in-root.sh" "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }

# The command exactly as the README gives it: the first one of its set-up section.
command=$(awk '/^## Set-up/ { s = 1; next } /^## / { s = 0 } s && /^    [^ ]/ { sub(/^    /, ""); print; exit }' "$repo/README.md")
[[ $command == scripts/install-deps* ]] || fail "README's first set-up command not found (got: $command)"
in_fresh_root bash -c "cd /src && $command" > "$t/setup.log" 2>&1 ||
  fail "README's first command in a fresh $VERSION_CODENAME root: $(tail -n 20 "$t/setup.log")"

# It packed and ran the sample: the packed file prints what the program built there prints.
in_fresh_root /src/build/samples/privlibs/app/bin/privlibs > "$t/want" 2>&1 ||
  fail "the unpacked sample in the fresh root: $(cat "$t/want")"
in_fresh_root /src/privlibs.run > "$t/got" 2>&1 || fail "privlibs.run in the fresh root: $(cat "$t/got")"
grep -q '^data: ' "$t/want" || fail "the unpacked sample printed $(cat "$t/want")"
cmp -s "$t/want" "$t/got" || fail "privlibs.run printed $(cat "$t/got"), the unpacked sample $(cat "$t/want")"
