. "$(dirname "$0")/common.inc"
# With --root, a program given as a chain of absolute links (Debian's
# alternatives: /usr/bin/awk -> /etc/alternatives/awk -> /usr/bin/mawk) is
# followed inside the root, as the kernel would after chroot: the packed app
# is the root's program, never what the packing machine has at those paths.
# The name is awk because this machine has /etc/alternatives/awk leading to
# its own mawk; where it has not, the old way fails all the same.
roots
root=$t/root
mkdir -p "$root/usr/bin" "$root/usr/lib/x86_64-linux-gnu" "$root/usr/lib64" "$root/etc/alternatives"
ln -s usr/lib "$root/lib"
ln -s usr/lib64 "$root/lib64"
# glibc's libraries (the packer bundles them together with libc.so.6).
grep '^/usr/lib/x86_64-linux-gnu/[^/]*\.so' "$roots/trixie/var/lib/dpkg/info/libc6:amd64.list" |
  while read -r lib; do cp "$roots/trixie$lib" "$root/usr/lib/x86_64-linux-gnu/"; done
ln -s /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$root/usr/lib64/ld-linux-x86-64.so.2"
cp "$SAMPLES/hello/hello" "$root/usr/bin/hello-as-awk"
ln -s /etc/alternatives/awk "$root/usr/bin/awk"
ln -s /usr/bin/hello-as-awk "$root/etc/alternatives/awk"
"$ONEBIN" pack "$root/usr/bin/awk" -o "$t/awk.run" --root "$root" --level 3 > "$t/pack.log" 2>&1 || fail "pack: $(cat "$t/pack.log")"
"$t/awk.run" one > "$t/out" 2>&1 || fail "the packed app: $(cat "$t/out")"
[[ $(cat "$t/out") == $'hello from onebin\'s sample\narg 1: one' ]] || fail "ran another program: $(cat "$t/out")"
