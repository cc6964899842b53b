# No package archive is written into the project: the hosts this machine's apt
# fetches from, and Debian's own, appear in none of the checkout's files
# (scripts/apt-sources derives every archive from the machine's apt sources).
. "$(dirname "$0")/common.inc"
repo=$(cd "$here/../.." && pwd)
hosts=$( { apt-get indextargets --format '$(SITE)' | sed 's|^[a-z]*://||; s|[:/].*||'; printf '%s.%s\n' debian org; } | sort -u)
[[ -n $hosts ]] || fail "no apt sources on this machine to check against"
for host in $hosts; do
  found=$(cd "$repo" && git ls-files -z -co --exclude-standard | xargs -0 grep -lIF -- "$host" 2>/dev/null || true)
  [[ -z $found ]] || fail "the archive host $host is named in: $found"
done
