#define _GNU_SOURCE
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../formats/xxh64.h"
#include "cleanup.h"
#include "log.h"

/* Written last into a tree: without it, a tree is not whole. Its time is
 * the tree's last use. */
#define COMPLETE ".onebin-complete"

enum cache_mode cache_mode_from_args(int *argc, char **argv) {
  static const char option[] = "--onebin-cache=";
  if (*argc < 2 || strncmp(argv[1], option, sizeof option - 1) != 0) return CACHE_AUTO;
  const char *mode = argv[1] + sizeof option - 1;
  enum cache_mode chosen = !strcmp(mode, "auto") ? CACHE_AUTO : !strcmp(mode, "never") ? CACHE_NEVER : CACHE_ALWAYS;
  if (chosen == CACHE_ALWAYS && strcmp(mode, "always") != 0) die("%s: the modes are auto, never and always", argv[1]);
  memmove(argv + 1, argv + 2, (size_t)(*argc - 1) * sizeof *argv); /* argv[argc], NULL, moves too */
  (*argc)--;
  return chosen;
}

int cache_wanted(enum cache_mode mode, const struct onebin_archive *a) {
  if (mode != CACHE_AUTO) return mode == CACHE_ALWAYS;
  return view_size_of(a).bytes >= CACHE_AUTO_BYTES;
}

/* Why the tree at tree_fd is not what the index and `keeps` describe, or
 * NULL: the marker, then every file's type, size and modification time. */
static const char *changed(int tree_fd, const struct onebin_archive *a, const uint8_t *keeps, char *path, size_t size) {
  struct stat st;
  if (fstatat(tree_fd, COMPLETE, &st, AT_SYMLINK_NOFOLLOW) != 0) return "it was never finished";
  for (uint32_t i = 0; i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    if (!keeps[i] || e.type != ONEBIN_FILE || (e.flags & (ONEBIN_TEMPLATE | ONEBIN_ENVIRONMENT))) continue;
    snprintf(path, size, "%.*s", (int)e.path_size, a->strings + e.path);
    struct timespec times[2];
    onebin_entry_times(&e, times);
    if (fstatat(tree_fd, path, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) return "a file is missing";
    if ((uint64_t)st.st_size != e.size) return "a file's size changed";
    if (st.st_mtim.tv_sec != times[1].tv_sec || st.st_mtim.tv_nsec != times[1].tv_nsec) return "a file was changed";
  }
  return NULL;
}

/* Files lose their write bits: nothing writes into a tree later launches share. */
static void make_read_only(int tree_fd, const struct onebin_archive *a, const uint8_t *keeps) {
  char path[ONEBIN_PATH_MAX + 1];
  for (uint32_t i = 0; i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    if (!keeps[i] || e.type != ONEBIN_FILE) continue;
    snprintf(path, sizeof path, "%.*s", (int)e.path_size, a->strings + e.path);
    fchmodat(tree_fd, path, e.mode & ONEBIN_WRITTEN_MODE_BITS & 0555, 0);
  }
  int marker = openat(tree_fd, COMPLETE, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444);
  if (marker < 0) die("%s: cannot finish the cached copy: %s", COMPLETE, strerror(errno));
  close(marker);
}

/* Unpacks the app into apps/.build-KEY-PID and renames it to apps/KEY. */
static void build(struct view *v, struct onebin_archive *a, const struct choice *c, int apps_fd, const char *key) {
  char name[96], path[sizeof v->dir + 96];
  snprintf(name, sizeof name, ".build-%s-%ld", key, (long)getpid());
  snprintf(path, sizeof path, "%.*s/%s", (int)(strrchr(v->dir, '/') - v->dir), v->dir, name);
  if (mkdirat(apps_fd, name, 0700) != 0 && errno != EEXIST) die("%s: cannot create: %s", path, strerror(errno));
  int build_fd = openat(apps_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (build_fd < 0) die("%s: cannot open: %s", path, strerror(errno));
  view_materialise_at(v, a, c, build_fd, path);
  make_read_only(build_fd, a, c->keeps);
  close(build_fd);
  if (renameat(apps_fd, name, apps_fd, key) != 0) die("%s: cannot put it in place: %s", v->dir, strerror(errno));
}

/* A changed tree is moved aside first, so that nothing runs it again. */
static void remove_changed(const struct view *v, int apps_fd, const char *key) {
  char aside[sizeof v->dir + 64];
  snprintf(aside, sizeof aside, "%s.changed-%ld", v->dir, (long)getpid());
  if (renameat(apps_fd, key, AT_FDCWD, aside) == 0) remove_tree(aside);
}

/* KEY: the index's hash (it covers every file's hash and the stub) and
 * the hash of the keeps, in hex. */
static void cache_key(const struct onebin_archive *a, const uint8_t *keeps, char key[48]) {
  snprintf(key, 48, "%016llx-%016llx", (unsigned long long)a->trailer.index_hash,
           (unsigned long long)onebin_xxh64(keeps, a->header.entry_count, 0));
}

static int open_apps(const char *base, char *apps, size_t size) {
  int n = snprintf(apps, size, "%s/apps", base);
  if (n < 0 || (size_t)n >= size) return -1;
  mkdir(apps, 0700);
  return open(apps, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

/* Under the key's lock: a whole tree is used, a changed one rebuilt. */
static void use_or_build(struct view *v, struct onebin_archive *a, const struct choice *c, int apps_fd, const char *key) {
  char path[ONEBIN_PATH_MAX + 1];
  int tree_fd = openat(apps_fd, key, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  const char *why = tree_fd >= 0 ? changed(tree_fd, a, c->keeps, path, sizeof path) : "";
  if (tree_fd >= 0) close(tree_fd);
  if (why && tree_fd >= 0) {
    fprintf(stderr, "onebin: note: the cached copy in %s is not as unpacked (%s%s%s): unpacking it again\n", v->dir, why,
            strcmp(why, "it was never finished") ? ": " : "", strcmp(why, "it was never finished") ? path : "");
    remove_changed(v, apps_fd, key);
  }
  if (why) build(v, a, c, apps_fd, key);
  debug("cache: %s (%s)", v->dir, why ? "unpacked now" : "from an earlier launch");
}

int cache_view(struct view *v, struct onebin_archive *a, const struct choice *c) {
  struct view_size need = view_size_of(a);
  const char *why = NULL, *base = view_base_disk_cache(&need, &why);
  char apps[ONEBIN_PATH_MAX + 1], key[48], lock_name[64];
  int apps_fd = base ? open_apps(base, apps, sizeof apps) : -1;
  cache_key(a, c->keeps, key);
  int n = apps_fd >= 0 ? snprintf(v->dir, sizeof v->dir, "%s/%s", apps, key) : -1;
  if (n < 0 || (size_t)n >= sizeof v->dir) {
    fprintf(stderr, "onebin: note: the app is run from memory this time: the cache is unusable (%s)\n",
            why ? why : "its path is too long");
    if (apps_fd >= 0) close(apps_fd);
    return -1;
  }
  snprintf(lock_name, sizeof lock_name, ".lock-%s", key);
  int lock = openat(apps_fd, lock_name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (lock < 0 || flock(lock, LOCK_EX) != 0) die("%s/%s: cannot lock: %s", apps, lock_name, strerror(errno));
  use_or_build(v, a, c, apps_fd, key);
  v->dir_fd = openat(apps_fd, key, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (v->dir_fd < 0) die("%s: cannot open: %s", v->dir, strerror(errno));
  utimensat(v->dir_fd, COMPLETE, NULL, 0); /* its last use */
  close(lock);
  close(apps_fd);
  v->exec_allowed = 1;
  v->memfd_allowed = 0;
  return 0;
}
