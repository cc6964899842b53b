/* A static musl program that checks one behaviour of the host bridge per
 * command (argv[1]); prints what it saw and exits 0 only when it is right. */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "onebin/host.h"

static void *libm(void) {
  void *handle = onebin_host_open("libm.so.6");
  if (!handle) {
    printf("open libm: %s\n", onebin_host_error());
    exit(1);
  }
  return handle;
}

static int check_call(void) {
  double (*host_cos)(double) = onebin_host_sym(libm(), "cos");
  double got = host_cos(0.5);
  printf("cos(0.5) = %.12f\n", got);
  return fabs(got - cos(0.5)) < 1e-12 ? 0 : 1;
}

/* More than six arguments, varargs and a string built by host code. */
static int check_varargs(void) {
  void *libc = onebin_host_open("libc.so.6");
  int (*host_snprintf)(char *, size_t, const char *, ...) = onebin_host_sym(libc, "snprintf");
  char buf[128];
  host_snprintf(buf, sizeof buf, "%d %d %d %d %d %d %.2f %s", 1, 2, 3, 4, 5, 6, 7.5, "eight");
  printf("%s\n", buf);
  return strcmp(buf, "1 2 3 4 5 6 7.50 eight") == 0 ? 0 : 1;
}

static void *thread_main(void *arg) {
  double (*host_pow)(double, double) = arg;
  void *libc = onebin_host_open("libc.so.6");
  void *(*host_malloc)(size_t) = onebin_host_sym(libc, "malloc");
  void (*host_free)(void *) = onebin_host_sym(libc, "free");
  double sum = 0;
  for (int i = 0; i < 20000; i++) {
    void *p = host_malloc(64 + i % 512); /* glibc's per-thread cache: a shared block would double-free */
    sum += host_pow(2.0, (i % 10));
    host_free(p);
  }
  return (void *)(long)(sum == 2000 * 1023 ? 0 : 1);
}

static int check_threads(void) {
  double (*host_pow)(double, double) = onebin_host_sym(libm(), "pow");
  pthread_t threads[4];
  for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, thread_main, (void *)host_pow);
  long failed = 0;
  for (int i = 0; i < 4; i++) {
    void *result;
    pthread_join(threads[i], &result);
    failed += (long)result;
  }
  printf("4 threads: %ld failed\n", failed);
  return failed != 0;
}

static int check_errno(void) {
  void *libc = onebin_host_open("libc.so.6");
  int (*host_close)(int) = onebin_host_sym(libc, "close");
  errno = 0;
  int rc = host_close(-1);
  printf("host close(-1) = %d, host errno %d, program errno %d\n", rc, onebin_host_errno(), errno);
  return rc == -1 && onebin_host_errno() == EBADF && errno == 0 ? 0 : 1;
}

static int compare(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static int check_callback(void) {
  void *libc = onebin_host_open("libc.so.6");
  void (*host_qsort)(void *, size_t, size_t, int (*)(const void *, const void *)) = onebin_host_sym(libc, "qsort");
  int values[] = {5, 3, 9, 1, 7};
  host_qsort(values, 5, sizeof *values, onebin_host_callback((void *)compare));
  printf("sorted by host qsort: %d %d %d %d %d\n", values[0], values[1], values[2], values[3], values[4]);
  return values[0] == 1 && values[4] == 9 ? 0 : 1;
}

/* Host qsort whose comparator calls host qsort again, `depth` levels deep:
 * each level is two crossings (program -> host, host -> program). */
static void (*nest_qsort)(void *, size_t, size_t, int (*)(const void *, const void *));
static int (*nest_compare)(const void *, const void *);
static int nest_left, nest_reached;

static int nesting_compare(const void *a, const void *b) {
  if (nest_left > 0) {
    nest_left--, nest_reached++;
    int pair[] = {2, 1};
    nest_qsort(pair, 2, sizeof *pair, nest_compare);
  }
  return *(const int *)a - *(const int *)b;
}

static int check_nest(int depth) {
  void *libc = onebin_host_open("libc.so.6");
  nest_qsort = onebin_host_sym(libc, "qsort");
  nest_compare = onebin_host_callback((void *)nesting_compare);
  nest_left = depth - 1, nest_reached = 1;
  int pair[] = {2, 1};
  nest_qsort(pair, 2, sizeof *pair, nest_compare);
  printf("nested host calls: %d\n", nest_reached);
  return nest_reached == depth ? 0 : 1;
}

static void *cancel_target(void *arg) {
  (void)arg;
  for (;;) pause();
  return NULL;
}

static int cancel_one(void) {
  pthread_t t;
  pthread_create(&t, NULL, cancel_target, NULL);
  usleep(10000);
  pthread_cancel(t);
  void *result;
  pthread_join(t, &result);
  return result == PTHREAD_CANCELED;
}

/* musl's pthread_cancel uses signal 33, which glibc 2.34+ takes for
 * SIGSETXID when it starts: cancel once before the bridge starts (musl
 * installs its handler then) and once after. */
static int check_cancel(void) {
  int before = cancel_one();
  check_call();
  int after = cancel_one();
  printf("musl thread cancelled before/after the bridge started: %s/%s\n", before ? "yes" : "no", after ? "yes" : "no");
  return before && after ? 0 : 1;
}

static volatile pthread_t handler_thread;

static void on_alarm(int sig) {
  (void)sig;
  handler_thread = pthread_self(); /* musl's thread pointer, if the shim switched */
  errno = EINTR;                   /* musl's errno: must not land in glibc's block */
}

/* A signal handler that interrupts host code runs on musl's thread block
 * (with a plain sigaction it runs on glibc's and this check fails). */
static int check_signal(void) {
  void *libc = onebin_host_open("libc.so.6");
  int (*host_usleep)(unsigned) = onebin_host_sym(libc, "usleep");
  struct sigaction action = {.sa_handler = on_alarm};
  onebin_host_sigaction(SIGALRM, &action, NULL);
  ualarm(50000, 0);
  host_usleep(300000); /* interrupted inside host code */
  int same = pthread_equal(handler_thread, pthread_self());
  double (*host_cos)(double) = onebin_host_sym(libm(), "cos"); /* host code still healthy afterwards */
  printf("handler ran on the program's thread block: %s; host cos(0) = %.1f\n", same ? "yes" : "no", host_cos(0));
  return same && host_cos(0) == 1.0 ? 0 : 1;
}

/* glibc's stdio buffers of host code reach the output at exit. */
static int check_flush(void) {
  void *libc = onebin_host_open("libc.so.6");
  int (*host_printf)(const char *, ...) = onebin_host_sym(libc, "printf");
  host_printf("printed by host printf\n");
  return 0;
}

static int check_no_loader(void) {
  if (onebin_host_init() == 0) {
    printf("bridge started\n");
    return 1;
  }
  printf("no bridge: %s\n", onebin_host_error());
  return strcmp(onebin_host_error(), "no glibc loader on this host") == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : "call";
  if (!strcmp(what, "call")) return check_call();
  if (!strcmp(what, "varargs")) return check_varargs();
  if (!strcmp(what, "threads")) return check_threads();
  if (!strcmp(what, "errno")) return check_errno();
  if (!strcmp(what, "callback")) return check_callback();
  if (!strcmp(what, "cancel")) return check_cancel();
  if (!strcmp(what, "no-loader")) return check_no_loader();
  if (!strcmp(what, "signal")) return check_signal();
  if (!strcmp(what, "flush")) return check_flush();
  if (!strcmp(what, "nest") && argc > 2) return check_nest(atoi(argv[2]));
  fprintf(stderr, "unknown check %s\n", what);
  return 2;
}
