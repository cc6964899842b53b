/* onebin host bridge: lets a static (musl) program call the host's glibc
 * libraries, such as its GPU drivers. See runtime/README.md for how.
 *
 *   void *egl = onebin_host_open("libEGL.so.1");
 *   EGLDisplay (*get_display)(EGLNativeDisplayType) = onebin_host_sym(egl, "eglGetDisplay");
 *
 * Every function pointer from the host must go through onebin_host_sym or
 * onebin_host_wrap before it is called; every function of the program that
 * host code will call (a debug callback) through onebin_host_callback. */
#ifndef ONEBIN_HOST_H
#define ONEBIN_HOST_H

#ifdef __cplusplus
extern "C" {
#endif

/* Maps the host's glibc loader into this process (done by the first
 * onebin_host_open too). 0 on success; -1 with onebin_host_error() set, e.g.
 * "no glibc loader on this host" on a musl-only system. */
int onebin_host_init(void);

/* dlopen(name, RTLD_NOW | RTLD_LOCAL) in the host's glibc; NULL on failure. */
void *onebin_host_open(const char *name);

/* dlsym in the host, returned already wrapped: callable from this program. */
void *onebin_host_sym(void *handle, const char *name);

/* The last error of this thread's bridge calls (dlerror text, or why init failed). */
const char *onebin_host_error(void);

/* Wraps a host function pointer obtained at run time (eglGetProcAddress,
 * vkGetInstanceProcAddr...). The same target always gives the same wrapper;
 * NULL gives NULL; NULL too when all 4096 wrappers are used. */
void *onebin_host_wrap(void *host_function);

/* Wraps a function of this program so host code can call it. */
void *onebin_host_callback(void *program_function);

/* errno as host code left it on this thread (each world has its own). */
int onebin_host_errno(void);

/* sigaction for signals whose handler may interrupt host code: the kernel
 * leaves the interrupted thread pointer in place, so a plain musl handler
 * would run on glibc's thread block (and musl's errno write would land in
 * it). Handlers installed here run on musl's. Same arguments as sigaction. */
struct sigaction;
int onebin_host_sigaction(int sig, const struct sigaction *act, struct sigaction *old);

/* Flushes the host's stdio buffers: glibc's atexit handlers do not run when
 * the process exits through musl's exit. onebin_host_init registers this
 * with atexit; call it yourself before _exit. */
void onebin_host_flush(void);

#ifdef __cplusplus
}
#endif

#endif
