/* Nanoseconds per call through the host bridge against a direct call, and
 * microseconds for a new thread's first host call (its glibc twin is made
 * then). A static musl program; prints a markdown table row per mode. Run it
 * twice: as is, and with ONEBIN_HOST_FSBASE=syscall for the arch_prctl path. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "onebin/host.h"

#define CALLS 2000000

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int program_abs(int x) { return x < 0 ? -x : x; }

/* Median of 5 runs of CALLS calls, in ns per call. */
static double ns_per_call(int (*volatile fn)(int)) {
  double runs[5];
  for (int r = 0; r < 5; r++) {
    double start = now();
    long sum = 0;
    for (int i = 0; i < CALLS; i++) sum += fn(-i);
    runs[r] = (now() - start) / CALLS * 1e9;
    if (sum == 42) puts("");  /* keeps the loop */
  }
  for (int i = 0; i < 5; i++)
    for (int j = i + 1; j < 5; j++)
      if (runs[j] < runs[i]) { double t = runs[i]; runs[i] = runs[j]; runs[j] = t; }
  return runs[2];
}

static int (*host_abs)(int);
static double attach_us;

static void *first_call(void *arg) {
  (void)arg;
  double start = now();
  host_abs(-1);
  double first = now() - start;
  start = now();
  host_abs(-1);
  attach_us = (first - (now() - start)) * 1e6;
  return NULL;
}

int main(void) {
  void *libc = onebin_host_open("libc.so.6");
  if (!libc) {
    fprintf(stderr, "bridge: %s\n", onebin_host_error());
    return 1;
  }
  host_abs = onebin_host_sym(libc, "abs");
  double direct = ns_per_call(program_abs), bridged = ns_per_call(host_abs);
  double attach[5];
  for (int i = 0; i < 5; i++) {
    pthread_t t;
    pthread_create(&t, NULL, first_call, NULL);
    pthread_join(t, NULL);
    attach[i] = attach_us;
  }
  for (int i = 0; i < 5; i++)
    for (int j = i + 1; j < 5; j++)
      if (attach[j] < attach[i]) { double t = attach[i]; attach[i] = attach[j]; attach[j] = t; }
  const char *mode = getenv("ONEBIN_HOST_FSBASE");
  printf("| %s | %.1f | %.1f | %.1f | %.1f |\n", mode ? "arch_prctl" : "wrfsbase (if AT_HWCAP2 allows)", direct, bridged,
         bridged - direct, attach[2]);
  return 0;
}
