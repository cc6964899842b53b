. "$(dirname "$0")/common.inc"
# --appimage-extract keeps --onebin-extract's rules: a squashfs-root that is
# a link, or that holds one (planted by another user in a shared directory,
# or left by an earlier extraction), is refused, and nothing is written
# where the link leads. Before, the option went to the app as an argument.
mkdir -p "$t/app/usr/bin"
cp "$SAMPLES/hello/hello" "$t/app/usr/bin/"
pack "$t/app" "$t/app.run" --entry usr/bin/hello
mkdir "$t/elsewhere" "$t/a" "$t/b"
ln -s "$t/elsewhere" "$t/a/squashfs-root"
mkdir "$t/b/squashfs-root" && ln -s "$t/elsewhere" "$t/b/squashfs-root/usr"
for dir in a b; do
  status=0
  (cd "$t/$dir" && "$t/app.run" --appimage-extract 'usr/*') > "$t/out" 2>&1 || status=$?
  (( status != 0 )) && grep -q 'squashfs-root: not' "$t/out" || fail "into $dir (status $status): $(cat "$t/out")"
  [[ -z $(ls -A "$t/elsewhere") ]] || fail "wrote through the link in $dir: $(ls -A "$t/elsewhere")"
done
