. "$(dirname "$0")/common.inc"
# Once the view's directory is made and opened, the stub makes everything in
# it relative to that descriptor (mkdirat, symlinkat, openat...), none by a
# path that starts above it, so renaming a directory on the way to it
# changes nothing the stub writes.
command -v strace > /dev/null || fail "strace is missing"
mkdir -p "$t/app/bin" "$t/app/share/x"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
echo data > "$t/app/share/x/file"
ln -s x/file "$t/app/share/link"
pack "$t/app" "$t/app.run" --entry bin/hello
strace -f -o "$t/trace" -e trace=mkdir,mkdirat,symlink,symlinkat,open,openat,creat,utimensat,fchmodat,execve \
  "$t/app.run" > "$t/out" 2>&1 || fail "the app failed: $(cat "$t/out")"
grep -q '^hello from' "$t/out" || fail "the app printed: $(cat "$t/out")"
view=$(sed -n 's|.* mkdir("\('"$XDG_RUNTIME_DIR"'/onebin-[^"]*\)", 0700) = 0$|\1|p' "$t/trace")
[[ -n $view ]] || fail "no view made in the trace: $(head -20 "$t/trace")"
sed -n "1,/execve(\"${view//\//\\/}\\/bin\\/hello\"/p" "$t/trace" > "$t/before-exec"
grep -q 'symlink.*("x/file", .*share/link")' "$t/before-exec" || fail "the link's making not traced: $(cat "$t/before-exec")"
by_path=$(grep -F "\"$view/" "$t/before-exec" | grep -v 'execve(' || true)
[[ -z $by_path ]] || fail "made by path in the view: $by_path"
