/* Runs a command and reports the time from just before execve to the moment
 * the program's main started, as the program itself printed it: the command's
 * last line of stdout must be CLOCK_MONOTONIC in nanoseconds (hello does this
 * with HELLO_PRINT_START=1; python with time.monotonic_ns()). Prints the median
 * of 15 runs in milliseconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static double one_run(char **argv) {
  int out[2];
  if (pipe(out) != 0) exit(1);
  long long start = 0;
  pid_t child = fork();
  if (child == 0) {
    dup2(out[1], 1);
    close(out[0]);
    execvp(argv[0], argv);
    _exit(127);
  }
  start = now_ns();  /* the child is at most at its execve now */
  close(out[1]);
  char buffer[4096], last[4096] = "";
  size_t used = 0;
  ssize_t n;
  while ((n = read(out[0], buffer + used, sizeof buffer - 1 - used)) > 0) used += (size_t)n;
  buffer[used] = 0;
  close(out[0]);
  waitpid(child, NULL, 0);
  char *line = strrchr(buffer, '\n');
  if (line && line[1] == 0) {
    *line = 0;
    line = strrchr(buffer, '\n');
  }
  snprintf(last, sizeof last, "%s", line ? line + 1 : buffer);
  return (atoll(last) - start) / 1e6;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: time_to_main COMMAND...\n");
    return 2;
  }
  double runs[15];
  one_run(argv + 1);  /* warm-up */
  for (int i = 0; i < 15; i++) runs[i] = one_run(argv + 1);
  qsort(runs, 15, sizeof *runs, compare);
  printf("%.2f\n", runs[7]);
  return 0;
}
