. "$(dirname "$0")/common.inc"
# A program that reads its data at an absolute path compiled into it
# (/usr/share/NAME/..., NAME its own name), packed alone with --root, reads
# the packed copy in bullseye, whose /usr/share has no such directory, after
# changing its working directory; a caller's descriptor 87, which the
# packed program needs for that, is reported, not silently taken. Data of
# the program's name elsewhere (/usr/lib/NAME/plugins, which the root has
# only up to /usr/lib/NAME) cannot be rewritten in place: pack warns,
# naming what the root has of it.
roots
name=onebin-data-$$
data=$roots/trixie/usr/share/$name
also_remove+=("$data" "$roots/trixie/usr/lib/$name")
mkdir -p "$data/text" "$t/bin" "$roots/trixie/usr/lib/$name"
echo "hello from the packed data" > "$data/text/greeting.txt"
cat > "$t/prog.c" <<C
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(void) {
  char line[100];
  if (chdir("/tmp") != 0) return 2;
  if (getenv("PLUGINS")) puts("/usr/lib/$name/plugins");
  FILE *f = fopen("/usr/share/$name/text/greeting.txt", "r");
  if (!f || !fgets(line, sizeof line, f)) { perror("/usr/share/$name/text/greeting.txt"); return 1; }
  fputs(line, stdout);
  return 0;
}
C
cc -O2 -o "$t/bin/$name" "$t/prog.c"
"$ONEBIN" pack "$t/bin/$name" -o "$t/prog.run" --root "$roots/trixie" --level 3 --explain > "$t/pack.log" 2>&1 || fail "pack: $(cat "$t/pack.log")"
grep -qx "paths  /usr/lib/$name  (named by bin/$name)  not packed" "$t/pack.log" || fail "no warning: $(cat "$t/pack.log")"
grep -q "^data   $data  -> share/$name " "$t/pack.log" || fail "explain: $(cat "$t/pack.log")"
[[ ! -e $roots/bullseye/usr/share/$name ]] || fail "test setup: bullseye has the data"
run_in bullseye "$t/prog.run" > "$t/out" 2>&1 || fail "in bullseye: $(cat "$t/out")"
[[ $(cat "$t/out") == "hello from the packed data" ]] || fail "in bullseye: $(cat "$t/out")"
run_in bullseye "$t/prog.run" 87< /dev/null > "$t/out" 2>&1 || fail "with descriptor 87 open: $(cat "$t/out")"
grep -q '^onebin: warning: descriptor 87, which the app was started with, now holds' "$t/out" || fail "no warning: $(cat "$t/out")"
