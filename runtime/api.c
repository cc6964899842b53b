/* The public API (onebin/host.h) and the tables behind the fixed stubs. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "bridge_internal.h"

void *onebin_forward_targets[ONEBIN_STUBS], *onebin_reverse_targets[ONEBIN_STUBS];
extern const char onebin_forward_stubs[], onebin_reverse_stubs[];

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t forward_used, reverse_used;
static __thread const char *last_error;

/* One stub per target, found again for the same target. */
static void *stub_for(void *target, void **targets, size_t *used, const char *stubs) {
  if (!target) return NULL;
  pthread_mutex_lock(&table_lock);
  size_t i = 0;
  while (i < *used && targets[i] != target) i++;
  if (i == *used && *used < ONEBIN_STUBS) targets[(*used)++] = target;
  pthread_mutex_unlock(&table_lock);
  if (i >= ONEBIN_STUBS) {
    last_error = "all 4096 bridge wrappers are in use";
    return NULL;
  }
  return (void *)(stubs + 16 * i);
}

void *onebin_host_wrap(void *host_function) {
  return stub_for(host_function, onebin_forward_targets, &forward_used, onebin_forward_stubs);
}

void *onebin_host_callback(void *program_function) {
  return stub_for(program_function, onebin_reverse_targets, &reverse_used, onebin_reverse_stubs);
}

static const char *host_dlerror(void) {
  char *(*dlerror_fn)(void) = onebin_host_wrap(onebin_host.dlerror);
  const char *text = dlerror_fn();
  return text ? text : "unknown error";
}

void *onebin_host_open(const char *name) {
  if (onebin_host_init() != 0) {
    last_error = onebin_init_error();
    return NULL;
  }
  void *(*dlopen_fn)(const char *, int) = onebin_host_wrap(onebin_host.dlopen);
  void *handle = dlopen_fn(name, 2 /* glibc's RTLD_NOW; RTLD_LOCAL is 0 */);
  if (!handle) last_error = host_dlerror();
  return handle;
}

void *onebin_host_sym(void *handle, const char *name) {
  if (onebin_host_init() != 0) {
    last_error = onebin_init_error();
    return NULL;
  }
  void *(*dlsym_fn)(void *, const char *) = onebin_host_wrap(onebin_host.dlsym);
  void *symbol = dlsym_fn(handle, name);
  if (!symbol) {
    last_error = host_dlerror();
    return NULL;
  }
  return onebin_host_wrap(symbol);
}

const char *onebin_host_error(void) { return last_error ? last_error : onebin_init_error(); }

int onebin_host_errno(void) {
  int *(*location)(void) = onebin_host_sym(NULL /* RTLD_DEFAULT */, "__errno_location");
  return location ? *location() : 0;
}

void onebin_host_flush(void) {
  int (*flush)(void *) = onebin_host_sym(NULL, "fflush");
  if (flush) flush(NULL);
}
