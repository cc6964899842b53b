/* Giving each musl thread its own glibc thread block. A musl thread that
 * calls host code for the first time asks a "factory" glibc thread to create
 * a twin with glibc's own pthread_create (one is kept ready ahead); the twin reports its thread
 * pointer and parks on a futex. The musl thread uses that thread block from
 * then on (the twin never runs meanwhile) and a thread-specific-data
 * destructor releases the twin when the musl thread exits, so glibc frees
 * the block itself. Sharing the main thread's block instead makes glibc's
 * per-thread malloc cache double-free at once. */
#define _GNU_SOURCE
/* musl ships no kernel headers: the two futex operations used here. */
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bridge_internal.h"

#define MAX_ATTACHED 1024

__thread void *onebin_glibc_fs;
__thread char onebin_side[ONEBIN_SIDE_FRAMES * ONEBIN_FRAME_SIZE]; /* switch.S: the side stack */
_Static_assert(ONEBIN_FRAME_REGS + 7 * 8 <= ONEBIN_FRAME_SIZE, "the frame holds the seven argument registers");
_Static_assert(ONEBIN_FRAME_SIZE % 16 == 0, "frames keep 16-byte alignment");

/* With raw system calls only: the thread pointer may be either world's. */
_Noreturn void onebin_side_stack_full(void) {
  static const char message[] = "onebin bridge: more than 64 nested crossings between the program and host "
                                "libraries on one thread (the side stack is full); stopping\n";
  _Static_assert(ONEBIN_SIDE_FRAMES == 64, "the message names the count");
  onebin_raw_syscall4(1 /* write */, 2, (long)message, sizeof message - 1, 0);
  for (;;) onebin_raw_syscall4(231 /* exit_group */, 127, 0, 0, 0);
}
__thread char *onebin_side_top;

struct twin {
  uintptr_t glibc_tcb;
  int ready, release;
  struct twin *next; /* in the factory's request list */
};

/* glibc thread pointer -> musl thread pointer of the thread that borrows it. */
static struct {
  uintptr_t glibc_fs, musl_fs;
} attached[MAX_ATTACHED];
static pthread_mutex_t attach_lock = PTHREAD_MUTEX_INITIALIZER;
static struct twin *requests; /* pushed by program threads, taken by the factory */
static int request_seq;
/* Requested ahead, so a new thread's first host call usually finds its twin
 * already waiting (attach then costs one lock instead of a thread creation). */
static struct twin *spare;
static pthread_key_t twin_key;

static uintptr_t musl_fs(void) {
  uintptr_t fs;
  __asm__("mov %%fs:0, %0" : "=r"(fs));
  return fs;
}

static void futex_wait(int *word, int value) { onebin_raw_syscall4(SYS_futex, (long)word, FUTEX_WAIT, value, 0); }
static void futex_wake(int *word) { onebin_raw_syscall4(SYS_futex, (long)word, FUTEX_WAKE, 1, 0); }

static void remember(uintptr_t glibc_fs, uintptr_t musl) {
  for (size_t i = 0; i < MAX_ATTACHED; i++)
    if (__atomic_load_n(&attached[i].glibc_fs, __ATOMIC_ACQUIRE) == 0) {
      attached[i].musl_fs = musl;
      __atomic_store_n(&attached[i].glibc_fs, glibc_fs, __ATOMIC_RELEASE);
      return;
    }
  fputs("onebin: more than 1024 threads call host code at once\n", stderr);
  abort();
}

static void forget(uintptr_t glibc_fs) {
  for (size_t i = 0; i < MAX_ATTACHED; i++)
    if (attached[i].glibc_fs == glibc_fs) __atomic_store_n(&attached[i].glibc_fs, 0, __ATOMIC_RELEASE);
}

int onebin_is_glibc_fs(uintptr_t fs) {
  for (size_t i = 0; i < MAX_ATTACHED; i++)
    if (__atomic_load_n(&attached[i].glibc_fs, __ATOMIC_ACQUIRE) == fs) return 1;
  return 0;
}

uintptr_t onebin_musl_fs_of(uintptr_t glibc_fs) {
  for (size_t i = 0; i < MAX_ATTACHED; i++)
    if (__atomic_load_n(&attached[i].glibc_fs, __ATOMIC_ACQUIRE) == glibc_fs) return attached[i].musl_fs;
  return 0;
}

/* Called by switch.S from a callback entered on a host thread. */
uintptr_t onebin_musl_fs_for(uintptr_t glibc_fs) {
  uintptr_t musl = onebin_musl_fs_of(glibc_fs);
  if (musl) return musl;
  static const char message[] = "onebin: a host thread that no program thread owns called a program callback\n";
  onebin_raw_syscall4(SYS_write, 2, (long)message, sizeof message - 1, 0);
  onebin_raw_syscall4(SYS_exit_group, 70, 0, 0, 0);
  return 0;
}

/* Runs as a glibc thread: raw system calls only, no musl function. */
static void *twin_main(void *arg) {
  struct twin *t = arg;
  __asm__ volatile("mov %%fs:0, %0" : "=r"(t->glibc_tcb));
  __atomic_store_n(&t->ready, 1, __ATOMIC_RELEASE);
  futex_wake(&t->ready);
  while (!__atomic_load_n(&t->release, __ATOMIC_ACQUIRE)) futex_wait(&t->release, 0);
  return NULL;
}

/* Runs as a glibc thread too: creates twins on request. */
static void *factory_main(void *unused) {
  (void)unused;
  int (*create)(pthread_t *, const void *, void *(*)(void *), void *) = onebin_host.pthread_create;
  for (int seen = 0;;) {
    while (__atomic_load_n(&request_seq, __ATOMIC_ACQUIRE) == seen) futex_wait(&request_seq, seen);
    seen = __atomic_load_n(&request_seq, __ATOMIC_ACQUIRE);
    for (struct twin *t = __atomic_exchange_n(&requests, NULL, __ATOMIC_ACQ_REL), *next; t; t = next) {
      next = t->next;
      pthread_t id;
      if (create(&id, NULL, twin_main, t) != 0) {
        __atomic_store_n(&t->ready, 1, __ATOMIC_RELEASE);
        futex_wake(&t->ready);
      }
    }
  }
  return NULL;
}

static void release_twin(void *arg) {
  struct twin *t = arg;
  forget(t->glibc_tcb);
  __atomic_store_n(&t->release, 1, __ATOMIC_RELEASE);
  futex_wake(&t->release);
  /* t stays allocated: the twin may still be reading it. */
}

static struct twin *request_twin(void) {
  struct twin *t = calloc(1, sizeof *t);
  if (!t) abort();
  t->next = __atomic_load_n(&requests, __ATOMIC_RELAXED);
  while (!__atomic_compare_exchange_n(&requests, &t->next, t, 1, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) continue;
  __atomic_add_fetch(&request_seq, 1, __ATOMIC_RELEASE);
  futex_wake(&request_seq);
  return t;
}

void *onebin_attach_thread(void) {
  pthread_mutex_lock(&attach_lock);
  struct twin *t = spare ? spare : request_twin();
  spare = request_twin();
  pthread_mutex_unlock(&attach_lock);
  while (!__atomic_load_n(&t->ready, __ATOMIC_ACQUIRE)) futex_wait(&t->ready, 0);
  if (!t->glibc_tcb) {
    fputs("onebin: the host's pthread_create failed for a new thread\n", stderr);
    abort();
  }
  remember(t->glibc_tcb, musl_fs());
  pthread_setspecific(twin_key, t);
  onebin_glibc_fs = (void *)t->glibc_tcb;
  return onebin_glibc_fs;
}

void onebin_threads_init(void *main_glibc_tcb) {
  onebin_glibc_fs = main_glibc_tcb;
  remember((uintptr_t)main_glibc_tcb, musl_fs());
  pthread_key_create(&twin_key, release_twin);
  int (*create)(pthread_t *, const void *, void *(*)(void *), void *) = onebin_host_wrap(onebin_host.pthread_create);
  static pthread_t factory;
  create(&factory, NULL, factory_main, NULL);
  spare = request_twin();
}
