. "$(dirname "$0")/common.inc"
# pack reads its output back as the stub does before the output takes its
# place: when a byte goes wrong on its way to the file (here flipped by a
# write() preloaded into pack), pack fails with the reader's reason and
# leaves no output, where it said success before it read back.
cat > "$t/flip.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
/* Flips one byte in the middle of every write of over 100 KB: the stub and
 * the bigger frames of the packed file. */
ssize_t write(int fd, const void *data, size_t size) {
  ssize_t (*real)(int, const void *, size_t) = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  if (size <= 100000) return real(fd, data, size);
  char *copy = malloc(size);
  memcpy(copy, data, size);
  copy[size / 2] ^= 0x55;
  ssize_t n = real(fd, copy, size);
  free(copy);
  return n;
}
C
cc -shared -fPIC -O2 -o "$t/flip.so" "$t/flip.c" -ldl
if LD_PRELOAD=$t/flip.so "$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/hello.run" --level 3 > "$t/out" 2>&1; then
  fail "reported success for a damaged file: $(cat "$t/out")"
fi
grep -q "hello.run: the packed file does not read back (.*corrupted" "$t/out" || fail "message: $(cat "$t/out")"
[[ -z $(ls "$t" | grep 'hello\.run') ]] || fail "left: $(ls "$t")"
"$ONEBIN" pack "$SAMPLES/hello/hello" -o "$t/hello.run" --level 3 > "$t/out" 2>&1 || fail "without the fault: $(cat "$t/out")"
