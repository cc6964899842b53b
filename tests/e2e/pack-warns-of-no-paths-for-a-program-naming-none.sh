. "$(dirname "$0")/common.inc"
# A program that names no file of its own, packed with --root trixie: pack
# bundles trixie's glibc, whose strings name /etc/passwd, /etc/rpc,
# /usr/lib/locale and the like, all the host's to give; pack warns of none.
roots
"$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/hello.run" --root "$roots/trixie" --level 3 > "$t/pack.log" 2> "$t/pack.err" ||
  fail "pack: $(cat "$t/pack.err")"
grep -q '^bundle libc.so.6 ' <("$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/hello.run" --root "$roots/trixie" --level 3 --explain) ||
  fail "test setup: trixie's glibc is not bundled"
[[ ! -s $t/pack.err ]] || fail "stderr: $(cat "$t/pack.err")"
