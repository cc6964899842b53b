/* The glibc helper: a tiny dynamically linked glibc program that the bridge
 * (runtime/bridge.c) has the host's ld.so load into a static musl process.
 * Its main hands the host's dlopen family and its own thread pointer back to
 * the static program and never returns. It is built once, on the build
 * machine, and embedded; every symbol is pinned to GLIBC_2.2.5 so that any
 * x86-64 glibc can load it, and libdl/libpthread are NEEDED for hosts older
 * than glibc 2.34, where those functions still live there. */
#include <stdint.h>
#include <stdlib.h>

#include "../handoff.h"

__asm__(".symver dlopen,dlopen@GLIBC_2.2.5");
__asm__(".symver dlsym,dlsym@GLIBC_2.2.5");
__asm__(".symver dlerror,dlerror@GLIBC_2.2.5");
__asm__(".symver dlclose,dlclose@GLIBC_2.2.5");
__asm__(".symver pthread_create,pthread_create@GLIBC_2.2.5");
__asm__(".symver strtoull,strtoull@GLIBC_2.2.5");

void *dlopen(const char *, int);
void *dlsym(void *, const char *);
char *dlerror(void);
int dlclose(void *);
int pthread_create(void *, const void *, void *(*)(void *), void *);
unsigned long long strtoull(const char *, char **, int);

int main(int argc, char **argv) {
  if (argc < 2) return 1; /* run by hand: nothing to hand back to */
  struct onebin_handoff *h = (struct onebin_handoff *)(uintptr_t)strtoull(argv[1], NULL, 16);
  h->dlopen = (void *)dlopen;
  h->dlsym = (void *)dlsym;
  h->dlerror = (void *)dlerror;
  h->dlclose = (void *)dlclose;
  h->pthread_create = (void *)pthread_create;
  __asm__ volatile("mov %%fs:0, %0" : "=r"(h->glibc_tcb));
  h->resume(h); /* back to the static program, on its own stack */
  return 0;     /* not reached */
}
