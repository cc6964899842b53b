/* Shared between the bridge's files; not part of the public API. */
#ifndef ONEBIN_RUNTIME_BRIDGE_INTERNAL_H
#define ONEBIN_RUNTIME_BRIDGE_INTERNAL_H

#include <stdint.h>

#include "handoff.h"
#include "layout.h"
#include "onebin/host.h"

extern struct onebin_handoff onebin_host; /* filled by the helper */
extern void *onebin_forward_targets[ONEBIN_STUBS], *onebin_reverse_targets[ONEBIN_STUBS];
extern __thread void *onebin_glibc_fs; /* this thread's glibc thread pointer, once attached */

const char *onebin_init_error(void);
void onebin_threads_init(void *main_glibc_tcb);
void onebin_signals_save(void);
void onebin_signals_restore(void);
/* Called by switch.S when a crossing finds the side stack full: says so and ends the program. */
_Noreturn void onebin_side_stack_full(void);

/* Is this thread pointer one of the glibc thread blocks musl threads use? */
int onebin_is_glibc_fs(uintptr_t fs);
/* The musl thread pointer of the thread borrowing this glibc block, or 0. */
uintptr_t onebin_musl_fs_of(uintptr_t glibc_fs);

/* System calls without libc: usable while the thread pointer is glibc's
 * (musl's syscall() would write errno through it). */
static inline long onebin_raw_syscall4(long n, long a, long b, long c, long d) {
  long ret;
  register long r10 __asm__("r10") = d;
  __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10) : "rcx", "r11", "memory");
  return ret;
}

extern char onebin_have_fsgsbase;

/* Sets the thread pointer from C. Only for functions that touch no
 * thread-local variable and have no stack protector (runtime is built with
 * -fno-stack-protector), so nothing in them depends on which block is live. */
static inline void onebin_set_fs(uintptr_t fs) {
  if (onebin_have_fsgsbase) __asm__ volatile("wrfsbase %0" : : "r"(fs) : "memory");
  else onebin_raw_syscall4(158 /* arch_prctl */, 0x1002 /* ARCH_SET_FS */, (long)fs, 0, 0);
}

#endif
