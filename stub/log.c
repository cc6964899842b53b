#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int onebin_debug;

void debug(const char *format, ...) {
  if (!onebin_debug) return;
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
  fputs("onebin: error: ", stderr);
  vfprintf(stderr, format, args);
  fputc('\n', stderr);
  va_end(args);
  exit(127);
}
