/* Messages from the stub: one line each, prefixed with "onebin:". */
#ifndef ONEBIN_STUB_LOG_H
#define ONEBIN_STUB_LOG_H

extern int onebin_debug; /* ONEBIN_DEBUG=1: print each launch decision */
/* Set in a process whose failure the launch recovers from (the cache's
 * build): its die() says why under ONEBIN_DEBUG alone. */
extern int onebin_quiet_errors;

/* Milliseconds since the stub started, for ONEBIN_DEBUG's timing lines. */
double elapsed_ms(void);

void debug_print(const char *format, ...) __attribute__((format(printf, 1, 2)));
/* A macro so that the arguments (clock reads, version look-ups) cost nothing
 * on the start-up path when ONEBIN_DEBUG is off. */
#define debug(...)                              \
  do {                                          \
    if (onebin_debug) debug_print(__VA_ARGS__); \
  } while (0)

_Noreturn void die(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
