. "$(dirname "$0")/common.inc"
# Root runs a packed file with an XDG_RUNTIME_DIR that another user owns (su
# without - keeps it). That user watches the directory and, as soon as a
# view appears in it, swaps it for a tree of its own (renameat2 with
# RENAME_EXCHANGE), whose bin/hello would then run as root. The stub leaves
# such a directory alone, so the attacker loses all of 50 tries (before, it
# won all 50: the view of an app with 64 MB of data takes ~100 ms to write).
base=$(mktemp -d /tmp/onebin-race-XXXXXX)
also_remove+=("$base")
chmod 755 "$base"
cat > "$t/swapper.c" <<'C'
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(int argc, char **argv) {  /* DIR EVIL: swaps each new onebin-* in DIR with EVIL */
  int dir = open(argv[1], O_RDONLY | O_DIRECTORY), in = inotify_init();
  if (dir < 0 || in < 0 || inotify_add_watch(in, argv[1], IN_CREATE) < 0) return 1;
  char buffer[4096];
  for (;;) {
    ssize_t n = read(in, buffer, sizeof buffer);
    for (char *p = buffer; n > 0 && p < buffer + n;) {
      struct inotify_event *e = (struct inotify_event *)p;
      if (e->len && !strncmp(e->name, "onebin-", 7)) {
        usleep(30000);  /* the stub is writing the 64 MB file into the view by now */
        syscall(SYS_renameat2, dir, e->name, dir, argv[2], 2 /* RENAME_EXCHANGE */);
      }
      p += sizeof *e + e->len;
    }
  }
}
C
cc -O2 -o "$base/swapper" "$t/swapper.c"
mkdir -p "$t/app/bin" "$t/app/data"
cp "$SAMPLES/hello/hello" "$t/app/bin/"
head -c 64M /dev/urandom > "$t/app/data/big"
pack "$t/app" "$t/hello.run" --entry bin/hello
wins=0
for _ in $(seq 50); do
  runtime=$base/runtime
  rm -rf "$runtime" "$base/pwned"
  mkdir -p -m 755 "$runtime/evil/bin"
  printf '#!/bin/sh\ntouch %s/pwned\n' "$base" > "$runtime/evil/bin/hello"
  chmod 755 "$runtime/evil/bin/hello"
  cp -r "$runtime/evil/bin" "$runtime/evil/lib"
  chown -R nobody "$runtime"
  setpriv --reuid=nobody --regid=nogroup --clear-groups "$base/swapper" "$runtime" evil &
  attacker=$!
  sleep 0.05
  XDG_RUNTIME_DIR=$runtime "$t/hello.run" > "$t/out" 2>&1 || fail "hello: $(cat "$t/out")"
  kill $attacker
  wait $attacker 2>/dev/null || true
  [[ ! -e $base/pwned ]] || wins=$((wins + 1))
done
(( wins == 0 )) || fail "the other user's program ran as root in $wins of 50 tries"
