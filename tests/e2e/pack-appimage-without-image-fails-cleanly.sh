. "$(dirname "$0")/common.inc"
# A file marked as a type-2 AppImage with no squashfs image after its ELF
# fails to pack with one error naming the file and where the image should
# start; an AppImage of type 1 (ISO 9660) is refused by its type. No output.
echo 'int main(void) { return 0; }' > "$t/air.c"
cc -o "$t/air" "$t/air.c"
cp "$t/air" "$t/type1.AppImage"
printf 'AI\002' | dd of="$t/air" bs=1 seek=8 conv=notrunc status=none
printf 'AI\001' | dd of="$t/type1.AppImage" bs=1 seek=8 conv=notrunc status=none
"$ONEBIN" pack "$t/air" -o "$t/out.run" > "$t/out" 2>&1 && fail "packed: $(cat "$t/out")"
grep -q "air: an AppImage without a squashfs image after its runtime (at byte [0-9]*)" "$t/out" || fail "$(cat "$t/out")"
"$ONEBIN" pack "$t/type1.AppImage" -o "$t/out.run" > "$t/out" 2>&1 && fail "packed type 1: $(cat "$t/out")"
grep -q "type1.AppImage: an AppImage of type 1; only type 2 (squashfs) can be packed" "$t/out" || fail "$(cat "$t/out")"
[[ ! -e $t/out.run ]] || fail "an output was written"
[[ -z $(ls -A "$t" | grep onebin-appimage) ]] || fail "left: $(ls -A "$t")"
