/* Preloaded by bench/time_to_main: records CLOCK_MONOTONIC at the first
 * instruction of main of the program named by MAIN_CLOCK_PROGRAM (the base
 * name of /proc/self/exe), appending it in nanoseconds to MAIN_CLOCK_FILE.
 *
 * Why wrap __libc_start_main: a constructor would run before the program's
 * own constructors (clang has many), so it would not be "main". glibc passes
 * main to __libc_start_main; ours hands it a main that first notes the time.
 * Other processes of a launch (makeself's shell and tar, squashfuse) load this
 * library too; the name check keeps them out. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef int main_fn(int, char **, char **);
typedef int start_main_fn(main_fn *, int, char **, void (*)(void), void (*)(void),
                          void (*)(void), void *);

static main_fn *real_main;

static int is_measured_program(void) {
  const char *wanted = getenv("MAIN_CLOCK_PROGRAM");
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (!wanted || n <= 0) return 0;
  exe[n] = 0;
  const char *base = strrchr(exe, '/');
  return !strcmp(base ? base + 1 : exe, wanted);
}

static void note_time(void) {
  const char *path = getenv("MAIN_CLOCK_FILE");
  int fd = path ? open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600) : -1;
  if (fd < 0) return; /* time_to_main then reports that no time arrived */
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  dprintf(fd, "%lld\n", now.tv_sec * 1000000000LL + now.tv_nsec);
  close(fd);
}

static int timed_main(int argc, char **argv, char **envp) {
  note_time();
  return real_main(argc, argv, envp);
}

int __libc_start_main(main_fn *main, int argc, char **argv, void (*init)(void),
                      void (*fini)(void), void (*rtld_fini)(void), void *stack_end) {
  start_main_fn *next = (start_main_fn *)dlsym(RTLD_NEXT, "__libc_start_main");
  if (!next) {
    fprintf(stderr, "main_clock: no __libc_start_main after this library\n");
    _exit(127);
  }
  real_main = main;
  return next(is_measured_program() ? timed_main : main, argc, argv, init, fini, rtld_fini,
              stack_end);
}
