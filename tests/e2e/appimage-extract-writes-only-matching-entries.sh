. "$(dirname "$0")/common.inc"
# --appimage-extract PATTERN writes, as AppImage's runtime does, the entries
# whose path matches the glob (with their parent directories) into
# ./squashfs-root in the caller's directory and names each one; without a
# pattern, everything. Before, the option went to the app as an argument.
mkdir -p "$t/app/usr/bin" "$t/app/usr/share"
cp "$SAMPLES/hello/hello" "$t/app/usr/bin/"
echo tool > "$t/app/usr/bin/tool"
echo data > "$t/app/usr/share/message"
printf '#!/bin/sh\necho "ran the app: $*"\n' > "$t/app/AppRun"
chmod 755 "$t/app/AppRun"
pack "$t/app" "$t/app.run" --entry AppRun
mkdir "$t/some" "$t/all"
(cd "$t/some" && "$t/app.run" --appimage-extract 'usr/bin/*') > "$t/out" 2>&1 || fail "extract: $(cat "$t/out")"
grep -qx 'squashfs-root/usr/bin/hello' "$t/out" && grep -qx 'squashfs-root/usr/bin/tool' "$t/out" || fail "printed: $(cat "$t/out")"
[[ $(cd "$t/some/squashfs-root" && find . | sort | tr '\n' ' ') == ". ./usr ./usr/bin ./usr/bin/hello ./usr/bin/tool " ]] ||
  fail "wrote: $(cd "$t/some/squashfs-root" && find . | sort | tr '\n' ' ')"
[[ -x $t/some/squashfs-root/usr/bin/hello ]] || fail "the extracted hello is not executable"
(cd "$t/all" && "$t/app.run" --appimage-extract) > "$t/out" 2>&1 || fail "extract all: $(cat "$t/out")"
cmp "$t/all/squashfs-root/usr/share/message" "$t/app/usr/share/message" && [[ -x $t/all/squashfs-root/AppRun ]] ||
  fail "extract all wrote: $(cd "$t/all" && find . | sort | tr '\n' ' ')"
