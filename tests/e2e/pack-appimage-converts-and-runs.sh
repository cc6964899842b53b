. "$(dirname "$0")/common.inc"
# A type-2 AppImage (an ELF runtime marked "AI" 2, then the squashfs image of
# an AppDir) built here from mksquashfs and a small ELF is packed as its
# AppDir: unsquashfs unpacks it (the runtime never runs: it would fail), the
# packed file runs the AppRun with APPDIR set, and nothing unpacked is left.
mkdir -p "$t/AppDir/usr/bin" "$t/AppDir/usr/share"
cp "$SAMPLES/hello/hello" "$t/AppDir/usr/bin/"
echo "data from the AppImage" > "$t/AppDir/usr/share/message"
printf '#!/bin/sh\n"$APPDIR/usr/bin/hello"\ncat "$APPDIR/usr/share/message"\n' > "$t/AppDir/AppRun"
chmod 755 "$t/AppDir/AppRun"
type2_appimage "$t/AppDir" "$t/Tool-x86_64.AppImage"
mkdir "$t/out-dir"
(cd "$t/out-dir" && "$ONEBIN" pack "$t/Tool-x86_64.AppImage" --level 3 > "$t/pack.log" 2>&1) || fail "pack: $(cat "$t/pack.log")"
[[ -x $t/out-dir/Tool-x86_64.run ]] || fail "no Tool-x86_64.run: $(ls -A "$t/out-dir")"
[[ -z $(ls -A "$t/out-dir" | grep -v '^Tool-x86_64.run$') ]] || fail "left beside the output: $(ls -A "$t/out-dir")"
"$t/out-dir/Tool-x86_64.run" > "$t/out" 2>&1 || fail "run: $(cat "$t/out")"
grep -q "hello from onebin's sample" "$t/out" && grep -qx "data from the AppImage" "$t/out" || fail "$(cat "$t/out")"
