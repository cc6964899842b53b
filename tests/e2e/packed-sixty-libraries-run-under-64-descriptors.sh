. "$(dirname "$0")/common.inc"
# An app of 60 libraries starts with a hard limit of 64 descriptors: the view
# holds no descriptor per library.
mkdir -p "$t/app/bin" "$t/app/lib"
main="int main(void) { int sum = 0;"
for i in $(seq 60); do
  echo "int f$i(void) { return $i; }" > "$t/f$i.c"
  cc -shared -fPIC -o "$t/app/lib/libf$i.so" "$t/f$i.c"
  main="$main extern int f$i(void); sum += f$i();"
  libs="${libs:-} -lf$i"
done
echo "#include <stdio.h>
$main printf(\"sum %d\\n\", sum); return 0; }" > "$t/main.c"
cc -o "$t/app/bin/sixty" "$t/main.c" -L"$t/app/lib" $libs -Wl,-rpath,'$ORIGIN/../lib'
pack "$t/app" "$t/sixty.run" --entry bin/sixty
bash -c 'ulimit -n 64 && ulimit -Hn 64 && exec "$1"' _ "$t/sixty.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
grep -qx 'sum 1830' "$t/out" || fail "$(cat "$t/out")"
