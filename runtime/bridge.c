/* The host-loader bridge (runtime/README.md): maps the host's glibc ld.so,
 * lets it load the embedded glibc helper, and takes dlopen/dlsym and the
 * glibc thread pointer from it. Compiled without the stack protector: parts
 * of this file run while the thread pointer is glibc's. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bridge_internal.h"
#include "elf_map.h"
#include "handoff.h"
#include "../formats/libraries.h"

#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif
#define HWCAP2_FSGSBASE (1 << 1)
#define LOADER_STACK (1 << 20)

uint64_t onebin_saved[ONEBIN_SAVED_SLOTS]; /* switch.S (layout.h) */
_Static_assert(ONEBIN_SAVED_MUSL_FS == 8 * (ONEBIN_SAVED_SLOTS - 1), "musl's FS is the last slot");
char onebin_have_fsgsbase;
struct onebin_handoff onebin_host;
static char init_error[256];
static int init_state; /* 0 not tried, 1 ready, -1 failed */

extern const uint8_t onebin_helper_start[], onebin_helper_end[];
void onebin_enter_loader(void *entry, void *stack);
void onebin_resume(struct onebin_handoff *);

static int fail_init(const char *format, const char *detail) {
  snprintf(init_error, sizeof init_error, format, detail);
  init_state = -1;
  return -1;
}

/* The glibc loader that the host's own programs use. On a musl host their
 * PT_INTERP names ld-musl, which cannot load glibc libraries. */
static int find_loader(char *path, size_t size) {
  static const char *const programs[] = {"/bin/sh", "/usr/bin/env", "/bin/ls"};
  for (size_t i = 0; i < sizeof programs / sizeof *programs; i++)
    if (read_interp(programs[i], path, size) == 0 && strstr(path, "ld-linux") && access(path, R_OK) == 0) return 0;
  snprintf(path, size, "%s", ONEBIN_HOST_LOADER);
  return access(path, R_OK);
}

#ifndef MFD_EXEC
#define MFD_EXEC 0x10U /* Linux 6.3; musl 1.2.3's headers predate it */
#endif

/* The embedded helper is mapped from a memfd holding a copy of it, like a
 * file (elf_map.h). Kernels before 3.17 have no memfd (ENOSYS) and none of
 * the policies that refuse executable copies: there it is copied. */
static int map_helper(struct mapped_elf *helper, const char **why) {
  size_t size = (size_t)(onebin_helper_end - onebin_helper_start);
  int fd = memfd_create("onebin-host-helper", MFD_CLOEXEC | MFD_EXEC);
  if (fd < 0 && errno == EINVAL) fd = memfd_create("onebin-host-helper", MFD_CLOEXEC); /* before 6.3 */
  if (fd < 0 && errno == ENOSYS) return map_elf_copy(onebin_helper_start, size, helper, why);
  if (fd < 0) {
    *why = errno == EACCES ? "executable memfds are refused (vm.memfd_noexec=2)" : "cannot create a memfd for it";
    return -1;
  }
  size_t done = 0;
  while (done < size) {
    ssize_t n = write(fd, onebin_helper_start + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += (size_t)n;
  }
  int result = done == size ? map_elf_file(fd, helper, why) : -1;
  if (done != size) *why = "cannot write it to a memfd";
  close(fd);
  return result;
}

static char *push_bytes(char **top, const void *bytes, size_t n) {
  *top -= n;
  memcpy(*top, bytes, n);
  return *top;
}

/* The initial stack the kernel would give the helper: argc, argv, envp and
 * an auxv describing the helper as the program and ld.so as interpreter. */
static void *build_stack(const struct mapped_elf *helper, const struct mapped_elf *loader) {
  char *stack = mmap(NULL, LOADER_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (stack == MAP_FAILED) return NULL;
  char *top = stack + LOADER_STACK;
  char handoff[32];
  snprintf(handoff, sizeof handoff, "%lx", (unsigned long)&onebin_host);
  char *arg1 = push_bytes(&top, handoff, strlen(handoff) + 1);
  char *arg0 = push_bytes(&top, "onebin-host-helper", 19);
  char *platform = push_bytes(&top, "x86_64", 7);
  uint8_t random[16];
  const void *host_random = (const void *)getauxval(AT_RANDOM);
  if (host_random) memcpy(random, host_random, 16); else memset(random, 0x5a, 16);
  char *random_at = push_bytes(&top, random, 16);
  size_t envc = 0;
  while (environ[envc]) envc++;
  uint64_t aux[][2] = {
      {AT_PHDR, helper->phdr}, {AT_PHENT, 56 /* sizeof(Elf64_Phdr) */}, {AT_PHNUM, helper->phnum},
      {AT_PAGESZ, 4096}, {AT_BASE, loader->base}, {AT_FLAGS, 0}, {AT_ENTRY, helper->entry},
      {AT_UID, getuid()}, {AT_EUID, geteuid()}, {AT_GID, getgid()}, {AT_EGID, getegid()},
      {AT_SECURE, getauxval(AT_SECURE)}, {AT_RANDOM, (uintptr_t)random_at}, {AT_HWCAP, getauxval(AT_HWCAP)},
      {AT_HWCAP2, getauxval(AT_HWCAP2)}, {AT_CLKTCK, getauxval(AT_CLKTCK)},
      {AT_SYSINFO_EHDR, getauxval(AT_SYSINFO_EHDR)}, {AT_PLATFORM, (uintptr_t)platform},
      {AT_EXECFN, (uintptr_t)arg0}, {AT_MINSIGSTKSZ, getauxval(AT_MINSIGSTKSZ)}, {AT_NULL, 0}};
  size_t words = 1 + 3 + envc + 1 + sizeof aux / sizeof(uint64_t);
  uint64_t *sp = (uint64_t *)(((uintptr_t)top - words * 8) & ~15UL);
  uint64_t *p = sp;
  *p++ = 2;
  *p++ = (uintptr_t)arg0;
  *p++ = (uintptr_t)arg1;
  *p++ = 0;
  for (size_t i = 0; i < envc; i++) *p++ = (uintptr_t)environ[i];
  *p++ = 0;
  memcpy(p, aux, sizeof aux);
  return sp;
}

/* Both allocators grow with brk; a PROT_NONE page at the break makes both
 * fall back to mmap instead of handing out each other's memory. */
static void fence_break(void) {
  uintptr_t brk_now = (uintptr_t)syscall(SYS_brk, 0);
  uintptr_t page = (brk_now + 4095) & ~4095UL;
  mmap((void *)page, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
}

/* What ld.so changes for the whole thread and must be put back: the
 * clear-child-tid address, the robust futex list and the signals both libcs
 * use internally (32 and 33). */
struct thread_kernel_state {
  uintptr_t tid_address;
  void *robust_head;
  size_t robust_len;
};

static void save_kernel_state(struct thread_kernel_state *s) {
  s->tid_address = 0;
  prctl(PR_GET_TID_ADDRESS, &s->tid_address);
  syscall(SYS_get_robust_list, 0, &s->robust_head, &s->robust_len);
}

static void restore_kernel_state(const struct thread_kernel_state *s) {
  if (s->tid_address) syscall(SYS_set_tid_address, s->tid_address);
  if (s->robust_head) syscall(SYS_set_robust_list, s->robust_head, s->robust_len);
}

static int run_loader(const char *loader_path) {
  struct mapped_elf loader, helper;
  const char *why = "cannot open it";
  int fd = open(loader_path, O_RDONLY | O_CLOEXEC);
  int mapped = fd >= 0 ? map_elf_file(fd, &loader, &why) : -1;
  if (fd >= 0) close(fd);
  if (mapped != 0) return fail_init("host loader: %s", why);
  if (map_helper(&helper, &why) != 0) return fail_init("embedded helper: %s", why);
  void *stack = build_stack(&helper, &loader);
  if (!stack) return fail_init("%s", "cannot allocate the loader's stack");
  struct thread_kernel_state kernel;
  save_kernel_state(&kernel);
  onebin_signals_save();
  fence_break();
  onebin_host.resume = onebin_resume;
  __asm__ volatile("mov %%fs:0, %0" : "=r"(onebin_saved[ONEBIN_SAVED_MUSL_FS / 8]));
  onebin_enter_loader((void *)loader.entry, stack);
  restore_kernel_state(&kernel);
  return 0;
}

int onebin_host_init(void) {
  if (init_state) return init_state > 0 ? 0 : -1;
  char loader[256];
  if (find_loader(loader, sizeof loader) != 0) return fail_init("%s", "no glibc loader on this host");
  /* ONEBIN_HOST_FSBASE=syscall forces the arch_prctl path (tests, benchmarks). */
  const char *mode = getenv("ONEBIN_HOST_FSBASE");
  onebin_have_fsgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) && !(mode && !strcmp(mode, "syscall"));
  if (run_loader(loader) != 0) return -1;
  onebin_threads_init(onebin_host.glibc_tcb);
  /* After the first glibc pthread_create: glibc may claim its signals then. */
  onebin_signals_restore();
  init_state = 1;
  atexit(onebin_host_flush);
  return 0;
}

const char *onebin_init_error(void) { return init_error; }
