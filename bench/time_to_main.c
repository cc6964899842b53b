/* Usage: time_to_main [--cold] PROGRAM COMMAND...
 * Runs COMMAND and reports the time from its execve to the first instruction
 * of main of the process whose executable is named PROGRAM (the launcher may
 * run other processes first). libmain_clock.so, preloaded from this
 * program's directory, notes that moment (see main_clock.c). Prints the
 * median in milliseconds: of 15 runs after a warm-up, or with --cold of 5
 * runs each after dropping the page cache (needs root). Fails if a run exits
 * non-zero or never reaches PROGRAM's main. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char clock_file[] = "/tmp/time_to_main.XXXXXX";

static void fail(const char *message, const char *detail) {
  fprintf(stderr, "time_to_main: %s%s\n", message, detail);
  unlink(clock_file);
  exit(1);
}

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void drop_page_cache(void) {
  sync();
  int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);
  if (fd < 0 || write(fd, "3", 1) != 1) fail("cannot drop the page cache: ", strerror(errno));
  close(fd);
}

/* The child notes the time just before its execve and sends it up a pipe. */
static long long run_command(char **command) {
  int times[2];
  if (pipe2(times, O_CLOEXEC) != 0) fail("pipe: ", strerror(errno));
  pid_t child = fork();
  if (child == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0), dup2(null, 1), dup2(null, 2);
    long long start = now_ns();
    if (write(times[1], &start, sizeof start) != sizeof start) _exit(126);
    execvp(command[0], command);
    _exit(127);
  }
  close(times[1]);
  long long start = 0;
  if (read(times[0], &start, sizeof start) != sizeof start) fail("no start time from ", command[0]);
  close(times[0]);
  int status;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("failed or exited non-zero: ", command[0]);
  return start;
}

static long long main_time(const char *program) {
  FILE *f = fopen(clock_file, "r");
  long long t = 0;
  if (!f || fscanf(f, "%lld", &t) != 1) fail("never reached main of ", program);
  fclose(f);
  return t;
}

static double one_run(const char *program, char **command, int cold) {
  if (truncate(clock_file, 0) != 0) fail("cannot empty ", clock_file);
  if (cold) drop_page_cache();
  long long start = run_command(command);
  return (main_time(program) - start) / 1e6;
}

static void preload_main_clock(const char *program) {
  char self[4096], library[4200];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) fail("cannot read /proc/self/exe", "");
  self[n] = 0;
  snprintf(library, sizeof library, "%s/libmain_clock.so", dirname(self));
  if (access(library, R_OK) != 0) fail("missing ", library);
  int fd = mkstemp(clock_file);
  if (fd < 0) fail("cannot create a file in /tmp: ", strerror(errno));
  close(fd);
  setenv("LD_PRELOAD", library, 1);
  setenv("MAIN_CLOCK_PROGRAM", program, 1);
  setenv("MAIN_CLOCK_FILE", clock_file, 1);
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  int cold = argc > 1 && !strcmp(argv[1], "--cold");
  if (argc < 3 + cold) {
    fprintf(stderr, "usage: time_to_main [--cold] PROGRAM COMMAND...\n");
    return 2;
  }
  const char *program = argv[1 + cold];
  char **command = argv + 2 + cold;
  preload_main_clock(program);
  enum { kWarmRuns = 15, kColdRuns = 5 };
  int count = cold ? kColdRuns : kWarmRuns;
  double runs[kWarmRuns];
  if (!cold) one_run(program, command, 0);
  for (int i = 0; i < count; i++) runs[i] = one_run(program, command, cold);
  qsort(runs, (size_t)count, sizeof *runs, compare);
  printf("%.2f\n", runs[count / 2]);
  unlink(clock_file);
  return 0;
}
