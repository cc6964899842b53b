#define _POSIX_C_SOURCE 200809L
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <time.h>

int onebin_debug;
int onebin_quiet_errors;

double elapsed_ms(void) {
  static struct timespec start;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (!start.tv_sec && !start.tv_nsec) start = now;
  return (now.tv_sec - start.tv_sec) * 1e3 + (now.tv_nsec - start.tv_nsec) / 1e6;
}

void debug_print(const char *format, ...) {
  va_list args;
  va_start(args, format);
  fputs("onebin: ", stderr);
  vfprintf(stderr, format, args);
  fputc('\n', stderr);
  va_end(args);
}

/* 127, like a shell that cannot run a program: nothing of the app ran. */
_Noreturn void die(const char *format, ...) {
  va_list args;
  va_start(args, format);
  if (!onebin_quiet_errors || onebin_debug) {
    fputs("onebin: error: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
  }
  va_end(args);
  exit(127);
}
