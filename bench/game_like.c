/* The game-like workload's program (bench/workloads.sh): reads each file
 * named on its command line, relative to the directory above its own, as a
 * game reads the data it needs for its first scene, and exits (after its
 * standard input ends, with HELLO_WAIT_STDIN set, as the hello sample does:
 * bench/run-held-memory.sh). */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char buffer[1 << 20];

int main(int argc, char **argv) {
  char self[PATH_MAX], path[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return perror("/proc/self/exe"), 1;
  self[n] = 0;
  for (int up = 0; up < 2; up++) *strrchr(self, '/') = 0; /* PREFIX/bin/PROGRAM -> PREFIX */
  for (int i = 1; i < argc; i++) {
    int size = snprintf(path, sizeof path, "%s/%s", self, argv[i]);
    int fd = size > 0 && (size_t)size < sizeof path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0) return perror(argv[i]), 1;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) {}
    close(fd);
    if (n < 0) return perror(argv[i]), 1;
  }
  if (getenv("HELLO_WAIT_STDIN"))
    while (read(0, buffer, sizeof buffer) > 0) {}
  return 0;
}
