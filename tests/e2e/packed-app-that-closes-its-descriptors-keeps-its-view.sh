. "$(dirname "$0")/common.inc"
# An app that closes every descriptor above 2 (closefrom, as daemons and
# shells do) keeps its view while it runs: it still reads its data file a
# second later (the clean-up process took the closed pipe for the app's
# exit and removed the view under it). After it exits the view goes.
mkdir -p "$t/app/bin" "$t/app/data"
cat > "$t/closer.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(void) {
  for (int fd = 3; fd < 1024; fd++) close(fd);
  sleep(1);
  char path[4096], line[100];
  snprintf(path, sizeof path, "%s/data/message.txt", getenv("ONEBIN_APPDIR"));
  FILE *f = fopen(path, "r");
  if (!f || !fgets(line, sizeof line, f)) { perror(path); return 1; }
  fputs(line, stdout);
  return 0;
}
C
cc -O2 -o "$t/app/bin/closer" "$t/closer.c"
echo "still here" > "$t/app/data/message.txt"
pack "$t/app" "$t/closer.run" --entry bin/closer
"$t/closer.run" > "$t/out" 2>&1 || fail "$(cat "$t/out")"
[[ $(cat "$t/out") == "still here" ]] || fail "$(cat "$t/out")"
for _ in $(seq 50); do [[ -z $(ls -A "$XDG_RUNTIME_DIR") ]] && break; sleep 0.1; done
[[ -z $(ls -A "$XDG_RUNTIME_DIR") ]] || fail "left after exit: $(ls -A "$XDG_RUNTIME_DIR")"
