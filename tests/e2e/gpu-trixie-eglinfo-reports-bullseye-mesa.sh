. "$(dirname "$0")/common.inc"
# eglinfo from trixie's mesa-utils-bin: a program nobody here wrote.
roots
pack "$roots/trixie/usr/bin/eglinfo.x86_64-linux-gnu" "$t/eglinfo.run" --root "$roots/trixie"
run_in bullseye-mesa "$t/eglinfo.run" -B > "$t/out" 2>&1 || true
grep -q 'OpenGL .*version: .*Mesa 20\.3' "$t/out" || fail "no Mesa 20.3 in: $(head -40 "$t/out")"
