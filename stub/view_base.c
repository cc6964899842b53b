#define _GNU_SOURCE
#include "view_base.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "../formats/container.h"
#include "log.h"
#include "trusted_dir.h"

/* $XDG_CACHE_HOME/onebin or ~/.cache/onebin (made only when it is used). */
static const char *disk_cache(char *out, size_t size) {
  const char *cache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  int n = cache && cache[0] == '/' ? snprintf(out, size, "%s/onebin", cache)
          : home && home[0] == '/' ? snprintf(out, size, "%s/.cache/onebin", home)
                                   : -1;
  return n > 0 && (size_t)n < size ? out : NULL;
}

/* Makes the cache and its parent where missing; returns which it made
 * (1 the parent, 2 the cache) for unmake_disk_cache. */
static int make_disk_cache(const char *path) {
  char parent[512];
  snprintf(parent, sizeof parent, "%s", path); /* disk_cache made it fit */
  *strrchr(parent, '/') = 0;
  return (mkdir(parent, 0700) == 0) | (mkdir(path, 0700) == 0) << 1;
}

/* A cache that turned out unfit leaves no trace. */
static void unmake_disk_cache(const char *path, int made) {
  char parent[512];
  snprintf(parent, sizeof parent, "%s", path);
  *strrchr(parent, '/') = 0;
  if (made & 2) rmdir(path);
  if (made & 1) rmdir(parent);
}

/* Why a file system (statvfs) cannot take `need`, or NULL. A total of 0
 * blocks or inodes is a file system that does not count them. */
static const char *too_small(const struct statvfs *fs, const struct view_size *need) {
  static char reason[128];
  uint64_t free_bytes = (uint64_t)fs->f_bavail * fs->f_frsize;
  int n = 0;
  if (fs->f_blocks && free_bytes < need->bytes)
    n = snprintf(reason, sizeof reason, "%.1f MB free, the app needs %.1f MB", free_bytes / 1e6, need->bytes / 1e6);
  else if (fs->f_files && fs->f_favail < need->inodes)
    n = snprintf(reason, sizeof reason, "%llu inodes free, the app needs %llu", (unsigned long long)fs->f_favail,
                 (unsigned long long)need->inodes);
  return n > 0 ? reason : NULL; /* the reason fits: two numbers */
}

/* Why `base` cannot hold a view, or NULL with its path without links in
 * `real`: every directory down to it checked (trusted_dir.h) on the
 * descriptor whose file system is then measured, short enough for the
 * view's name, and with room for it. */
static const char *unfit_base(const char *base, size_t room, const struct view_size *need,
                              char real[ONEBIN_PATH_MAX + 1], int *exec) {
  if (base[0] != '/') return "not an absolute path";
  char resolved[PATH_MAX];
  if (!realpath(base, resolved)) return "not a directory";
  if (strlen(resolved) + sizeof "/onebin-18446744073709551615-XXXXXX" > room) return "too long a path";
  const char *why = NULL;
  int fd = trust_open_path(resolved, 0, &why);
  if (fd < 0) return why;
  struct statvfs fs;
  if (faccessat(fd, ".", W_OK | X_OK, 0) != 0) why = "not writable";
  else if (fstatvfs(fd, &fs) != 0) why = "not a directory";
  else why = too_small(&fs, need);
  close(fd);
  if (why) return why;
  *exec = !(fs.f_flag & ST_NOEXEC);
  snprintf(real, ONEBIN_PATH_MAX + 1, "%s", resolved); /* shorter than room */
  return NULL;
}

const char *view_base_disk_cache(const struct view_size *need, const char **why) {
  static char cache[512], real[ONEBIN_PATH_MAX + 1];
  if (!disk_cache(cache, sizeof cache)) {
    *why = "neither $XDG_CACHE_HOME nor $HOME is set";
    return NULL;
  }
  int made = make_disk_cache(cache);
  int exec = 0;
  if (!(*why = unfit_base(cache, sizeof cache, need, real, &exec)) && !exec) *why = "mounted noexec";
  if (*why) unmake_disk_cache(cache, made);
  return *why ? NULL : real;
}

/* Memory-backed places first. Only when all of them are mounted noexec does
 * the view go to the disk cache, because a program run from a memfd sees
 * "/memfd:..." as /proc/self/exe and apps that find files next to
 * themselves would break. With no exec-capable place at all, programs run
 * from memfds after all. */
const char *view_base_choose(size_t room, const struct view_size *need, int *exec) {
  static char cache[512], real[ONEBIN_PATH_MAX + 1];
  const char *bases[] = {getenv("XDG_RUNTIME_DIR"), "/dev/shm", "/tmp", disk_cache(cache, sizeof cache)};
  size_t count = sizeof bases / sizeof *bases;
  for (int need_exec = 1; need_exec >= 0; need_exec--)
    for (size_t i = 0; i < count; i++) {
      const char *base = bases[i], *why;
      if (!base) continue;
      int made = base == cache ? make_disk_cache(cache) : 0;
      if ((why = unfit_base(base, room, need, real, exec))) {
        if (need_exec) debug("%s: %s: not used for the view", base, why);
      } else if (!*exec && need_exec) {
        debug("%s is mounted noexec", base);
      } else {
        return real;
      }
      if (made) unmake_disk_cache(cache, made);
    }
  die("no place for the app's files (%.1f MB): $XDG_RUNTIME_DIR, /dev/shm, /tmp and the cache in $HOME are each "
      "too small, not writable or open to other users (ONEBIN_DEBUG=1 says which)", need->bytes / 1e6);
}
