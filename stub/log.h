/* Messages from the stub: one line each, prefixed with "onebin:". */
#ifndef ONEBIN_STUB_LOG_H
#define ONEBIN_STUB_LOG_H

extern int onebin_debug; /* ONEBIN_DEBUG=1: print each launch decision */

/* Milliseconds since the stub started, for ONEBIN_DEBUG's timing lines. */
double elapsed_ms(void);

void debug(const char *format, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void die(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
