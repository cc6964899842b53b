. "$(dirname "$0")/common.inc"
# Object files and other architectures' ELF files inside an app are data, not an error.
cp -r "$SAMPLES/privlibs/app" "$t/app"
echo 'int x;' > "$t/x.c" && cc -c "$t/x.c" -o "$t/app/share/x.o"
printf '\177ELF\001\001\001' > "$t/app/share/elf32-stub"
pack "$t/app" "$t/p.run" --entry bin/privlibs
"$ONEBIN" extract "$t/p.run" "$t/tree" > /dev/null
cmp "$t/app/share/x.o" "$t/tree/share/x.o" || fail "object file changed"
