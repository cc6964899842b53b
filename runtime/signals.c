/* Signals 32 and 33 are internal to both libcs, for different things (musl:
 * SIGTIMER and SIGCANCEL; glibc: SIGCANCEL and SIGSETXID, the latter installed
 * at start-up since glibc 2.34). After the host's libc has started, one
 * handler per signal passes each delivery to the libc whose thread block is
 * live on the interrupted thread. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>

#include "bridge_internal.h"

#define SA_RESTORER_FLAG 0x04000000

struct kernel_sigaction {
  void *handler;
  unsigned long flags;
  void *restorer;
  unsigned long mask;
};

static struct kernel_sigaction musl_side[2], glibc_side[2];
void onebin_sigreturn(void);

static long raw_sigaction(int sig, const struct kernel_sigaction *act, struct kernel_sigaction *old) {
  return onebin_raw_syscall4(SYS_rt_sigaction, sig, (long)act, (long)old, 8);
}

/* Runs with whichever thread pointer the signal interrupted. */
static void dispatch(int sig, siginfo_t *info, void *context) {
  uintptr_t fs;
  __asm__("mov %%fs:0, %0" : "=r"(fs));
  const struct kernel_sigaction *a = onebin_is_glibc_fs(fs) ? &glibc_side[sig - 32] : &musl_side[sig - 32];
  if (a->handler == SIG_DFL || a->handler == SIG_IGN) return;
  if (a->flags & SA_SIGINFO) ((void (*)(int, siginfo_t *, void *))a->handler)(sig, info, context);
  else ((void (*)(int))a->handler)(sig);
}

/* Handlers installed with onebin_host_sigaction, run on musl's thread block. */
static struct sigaction program_actions[65];

static void on_program_signal(int sig, siginfo_t *info, void *context) {
  uintptr_t fs;
  __asm__("mov %%fs:0, %0" : "=r"(fs));
  uintptr_t musl = onebin_musl_fs_of(fs);
  if (musl) onebin_set_fs(musl);
  const struct sigaction *a = &program_actions[sig];
  if (a->sa_flags & SA_SIGINFO) a->sa_sigaction(sig, info, context);
  else if (a->sa_handler != SIG_DFL && a->sa_handler != SIG_IGN) a->sa_handler(sig);
  if (musl) onebin_set_fs(fs);
}

int onebin_host_sigaction(int sig, const struct sigaction *act, struct sigaction *old) {
  if (sig <= 0 || sig > 64) return sigaction(sig, act, old);  /* sigaction reports EINVAL */
  struct sigaction previous = program_actions[sig];
  if (act && act->sa_handler != SIG_DFL && act->sa_handler != SIG_IGN) {
    struct sigaction shim = *act;
    shim.sa_flags |= SA_SIGINFO;
    shim.sa_sigaction = on_program_signal;
    program_actions[sig] = *act;
    if (sigaction(sig, &shim, NULL) != 0) return -1;
  } else if (act && sigaction(sig, act, NULL) != 0) {
    return -1;
  }
  if (old) *old = previous;
  return 0;
}

void onebin_signals_save(void) {
  for (int i = 0; i < 2; i++) raw_sigaction(32 + i, NULL, &musl_side[i]);
}

void onebin_signals_restore(void) {
  for (int i = 0; i < 2; i++) {
    raw_sigaction(32 + i, NULL, &glibc_side[i]);
    if (glibc_side[i].handler == musl_side[i].handler) continue;  /* glibc left it alone */
    struct kernel_sigaction mux = {(void *)dispatch, SA_SIGINFO | SA_RESTART | SA_ONSTACK | SA_RESTORER_FLAG,
                                   (void *)onebin_sigreturn, 0};
    raw_sigaction(32 + i, &mux, NULL);
  }
}
