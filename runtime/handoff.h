/* What the glibc helper hands back to the static program (runtime/README.md). */
#ifndef ONEBIN_RUNTIME_HANDOFF_H
#define ONEBIN_RUNTIME_HANDOFF_H

struct onebin_handoff {
  void (*resume)(struct onebin_handoff *); /* set by the bridge; never returns */
  void *dlopen, *dlsym, *dlerror, *dlclose, *pthread_create;
  void *glibc_tcb; /* the helper's (main thread's) glibc thread pointer */
};

#endif
