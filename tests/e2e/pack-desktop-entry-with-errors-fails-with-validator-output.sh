. "$(dirname "$0")/common.inc"
# A desktop entry desktop-file-validate rejects fails the pack with the
# validator's own words and no output; so does AppStream metadata appstreamcli
# rejects.
printf '[Desktop Entry]\nName=Tool\n' > "$t/bad.desktop"
"$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/out.run" --desktop "$t/bad.desktop" > "$t/out" 2>&1 && fail "packed"
grep -q "bad.desktop: desktop-file-validate finds errors" "$t/out" && grep -q 'required key "Type"' "$t/out" ||
  fail "$(cat "$t/out")"
printf '[Desktop Entry]\nType=Application\nName=Tool\nExec=hello\n' > "$t/good.desktop"
printf '<component><id>x</id></component>\n' > "$t/bad.metainfo.xml"
"$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/out.run" --desktop "$t/good.desktop" --appdata "$t/bad.metainfo.xml" \
  > "$t/out" 2>&1 && fail "packed with bad metadata"
grep -q "bad.metainfo.xml: appstreamcli finds errors" "$t/out" && grep -q "component-name-missing" "$t/out" ||
  fail "$(cat "$t/out")"
[[ ! -e $t/out.run ]] || fail "an output was written"
