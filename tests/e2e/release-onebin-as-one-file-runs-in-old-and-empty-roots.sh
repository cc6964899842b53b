. "$(dirname "$0")/common.inc"
# scripts/release packs onebin itself into one file; it runs in bullseye and
# in the empty root and says the version of the onebin it was packed from;
# its stub (--onebin-info) says the same version.
roots
"$here/../../scripts/release" "$(dirname "$ONEBIN")" "$t/onebin-x86_64.run" > "$t/out" 2>&1 || fail "release: $(cat "$t/out")"
version=$("$ONEBIN" --version)
[[ $version =~ ^onebin\ [0-9]+\.[0-9]+\.[0-9]+\ \(container\ format\ [0-9]+\)$ ]] || fail "onebin --version: $version"
for root in bullseye empty; do
  run_in "$root" "$t/onebin-x86_64.run" --version > "$t/out" 2>&1 || fail "$root: $(cat "$t/out")"
  [[ $(cat "$t/out") == "$version" ]] || fail "$root: $(cat "$t/out")"
done
"$t/onebin-x86_64.run" --onebin-info > "$t/out" 2>&1 || fail "--onebin-info: $(cat "$t/out")"
grep -qx "stub: onebin $(cut -d' ' -f2 <<<"$version")" "$t/out" || fail "--onebin-info: $(cat "$t/out")"
