. "$(dirname "$0")/common.inc"
# pack --trace runs the app once inside --root and adds what it opened: a
# library it loads with dlopen by a name no DT_NEEDED gives (libsqlite3),
# packed with what that needs, and a data file it finds through
# XDG_DATA_DIRS under /usr/share. Packed without --trace the app fails in
# bullseye, which has neither; with it, it runs there. A file that another
# program the app runs (sh, cat) reads is not the app's and is not added.
roots
name=onebin-trace-$$
work=$(mktemp -d "$roots/trixie/onebin-test-XXXXXX")
also_remove+=("$work" "$roots/trixie/usr/share/$name")
mkdir -p "$roots/trixie/usr/share/$name"
echo "data found through XDG_DATA_DIRS" > "$roots/trixie/usr/share/$name/data.txt"
echo "read by cat" > "$roots/trixie/usr/share/$name/cat.txt"
cat > "$t/app.c" <<C
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  void *sqlite = dlopen("libsqlite3.so.0", RTLD_NOW);
  const char *(*version)(void) = sqlite ? (const char *(*)(void))dlsym(sqlite, "sqlite3_libversion") : NULL;
  if (!version) { printf("no sqlite: %s\n", dlerror()); return 1; }
  printf("%s sqlite %s\n", argc > 1 ? argv[1] : "-", version());
  if (system("cat /usr/share/$name/cat.txt > /dev/null 2>&1") == -1) return 1;
  const char *dirs = getenv("XDG_DATA_DIRS");
  char list[4096], path[4200], line[100];
  snprintf(list, sizeof list, "%s", dirs && *dirs ? dirs : "/usr/local/share:/usr/share");
  for (char *dir = strtok(list, ":"); dir; dir = strtok(NULL, ":")) {
    snprintf(path, sizeof path, "%s/$name/data.txt", dir);
    FILE *f = fopen(path, "r");
    if (f && fgets(line, sizeof line, f)) { fputs(line, stdout); return 0; }
  }
  printf("no data\n");
  return 1;
}
C
cc -O2 -o "$work/tracedapp" "$t/app.c" -ldl
pack "$work/tracedapp" "$t/plain.run" --root "$roots/trixie"
run_in bullseye "$t/plain.run" > "$t/out" 2>&1 && fail "without --trace it ran in bullseye: $(cat "$t/out")"
grep -q '^no sqlite: libsqlite3.so.0: cannot open' "$t/out" || fail "without --trace: $(cat "$t/out")"
pack "$work/tracedapp" "$t/traced.run" --root "$roots/trixie" --trace -- at-pack-time
grep -q '^trace  ran /onebin-test-.*/tracedapp, exit status 0: ' "$t/pack.log" || fail "pack: $(cat "$t/pack.log")"
grep -q "^trace  library libsqlite3.so.0  (opened at /usr/lib/x86_64-linux-gnu/libsqlite3.so.0" "$t/pack.log" || fail "pack: $(cat "$t/pack.log")"
grep -q "^trace  data /usr/share/$name/data.txt  -> share/$name/data.txt" "$t/pack.log" || fail "pack: $(cat "$t/pack.log")"
! grep -q 'cat.txt' "$t/pack.log" || fail "added what cat read: $(cat "$t/pack.log")"
[[ ! -e $roots/bullseye/usr/lib/x86_64-linux-gnu/libsqlite3.so.0 ]] || fail "test setup: bullseye has sqlite"
run_in bullseye "$t/traced.run" later > "$t/out" 2>&1 || fail "with --trace, in bullseye: $(cat "$t/out")"
[[ $(head -n 1 "$t/out") == "later sqlite 3."* && $(tail -n 1 "$t/out") == "data found through XDG_DATA_DIRS" ]] ||
  fail "with --trace, in bullseye: $(cat "$t/out")"
