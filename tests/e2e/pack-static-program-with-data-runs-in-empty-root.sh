. "$(dirname "$0")/common.inc"
# A static musl program with a data folder (as static Go/Rust/musl games are
# shipped) packs as a directory and runs in the empty root; packed alone it
# runs there too.
mkdir -p "$t/game/bin" "$t/game/data"
echo "level 1: the cave" > "$t/game/data/levels.txt"
cat > "$t/game.c" <<'C'
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
  char exe[PATH_MAX], line[64] = "";
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return 3;
  exe[n] = 0;
  strcpy(strrchr(exe, '/'), "/../data/levels.txt");
  FILE *f = fopen(exe, "r");
  if (!f || !fgets(line, sizeof line, f)) { printf("no data at %s\n", exe); return 1; }
  printf("static game, %d args: %s", argc - 1, line);
  return 0;
}
C
musl-gcc -static -O1 -o "$t/game/bin/game" "$t/game.c"
pack "$t/game" "$t/game.run" --entry bin/game
pack "$t/game/bin/game" "$t/alone.run"
roots
run_in empty "$t/game.run" a b > "$t/out" 2>&1 || fail "in the empty root: $(cat "$t/out")"
[[ $(cat "$t/out") == "static game, 2 args: level 1: the cave" ]] || fail "printed: $(cat "$t/out")"
run_in empty "$t/alone.run" > "$t/out" 2>&1 && fail "alone, it found data it does not carry: $(cat "$t/out")"
grep -q "^no data at .*/bin/../data/levels.txt" "$t/out" || fail "packed alone, in the empty root: $(cat "$t/out")"
