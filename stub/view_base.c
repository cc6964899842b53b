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

/* The cache's parent ($XDG_CACHE_HOME or ~/.cache) without links in `real`
 * and open: where it is missing, it is made 0700 in its own parent, once
 * that is checked (trust_open_path), so that nothing is made in a HOME of
 * another user's. Sets *made; -1 with *why. */
static int open_cache_parent(const char *cache, char real[PATH_MAX], int *made, const char **why) {
  char parent[512], up[512];
  snprintf(parent, sizeof parent, "%s", cache); /* disk_cache made it fit */
  *strrchr(parent, '/') = 0;
  if (!realpath(parent, real)) {
    snprintf(up, sizeof up, "%s", parent);
    char *name = strrchr(up, '/');
    *name++ = 0;
    if (errno != ENOENT || !realpath(up[0] ? up : "/", real)) return *why = "its parent is not a directory", -1;
    int up_fd = trust_open_path(real, 0, why);
    if (up_fd < 0) return -1;
    *made = mkdirat(up_fd, name, 0700) == 0;
    close(up_fd);
    if (!realpath(parent, real)) return *why = "its parent cannot be made", -1;
  }
  return trust_open_path(real, 1, why);
}

/* A cache that turned out unfit leaves no trace: `made` 1 the parent, 2
 * the cache, both empty. */
static void unmake_disk_cache(const char *real, int made) {
  char parent[PATH_MAX];
  snprintf(parent, sizeof parent, "%s", real);
  *strrchr(parent, '/') = 0;
  if (made & 2) rmdir(real);
  if (made & 1) rmdir(parent);
}

/* The cache, made 0700 where missing, open and the user's own, its path
 * without links in `real`; -1 with *why, leaving nothing made. */
static int open_disk_cache(const char *cache, char real[PATH_MAX], int *made, const char **why) {
  int parent_made = 0, parent_fd = open_cache_parent(cache, real, &parent_made, why);
  size_t length = strlen(real);
  *made = parent_made;
  if (parent_fd >= 0 && length + sizeof "/onebin" > PATH_MAX) *why = "too long a path", close(parent_fd), parent_fd = -1;
  if (parent_fd < 0) {
    if (parent_made) rmdir(real);
    return -1;
  }
  *made |= (mkdirat(parent_fd, "onebin", 0700) == 0) << 1;
  close(parent_fd);
  memcpy(real + length, "/onebin", sizeof "/onebin");
  /* It may be a link of the user's to a directory elsewhere: what it leads
   * to is checked, all the way down. */
  char resolved[PATH_MAX];
  int fd = realpath(real, resolved) ? trust_open_path(resolved, 1, why) : (*why = "not a directory", -1);
  if (fd < 0) unmake_disk_cache(real, *made);
  else memcpy(real, resolved, strlen(resolved) + 1);
  return fd;
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
static const char *unfit_base(const char *base, int own, size_t room, const struct view_size *need,
                              char real[ONEBIN_PATH_MAX + 1], int *exec) {
  if (base[0] != '/') return "not an absolute path";
  char resolved[PATH_MAX];
  if (!realpath(base, resolved)) return "not a directory";
  if (strlen(resolved) + sizeof "/onebin-18446744073709551615-XXXXXX" > room) return "too long a path";
  const char *why = NULL;
  int fd = trust_open_path(resolved, own, &why);
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

const char *view_base_room(int fd, const struct view_size *need) {
  struct statvfs fs;
  return fstatvfs(fd, &fs) != 0 ? "cannot be measured" : too_small(&fs, need);
}

int view_base_disk_cache(char real[PATH_MAX], const char **why) {
  static char cache[512];
  int made = 0, fd = -1;
  struct statvfs fs;
  if (!disk_cache(cache, sizeof cache)) *why = "neither $XDG_CACHE_HOME nor $HOME is set";
  else if ((fd = open_disk_cache(cache, real, &made, why)) >= 0 && (fstatvfs(fd, &fs) != 0 || (fs.f_flag & ST_NOEXEC))) {
    *why = "mounted noexec";
    close(fd);
    unmake_disk_cache(real, made);
    fd = -1;
  }
  return fd;
}

/* Memory-backed places first. Only when all of them are mounted noexec does
 * the view go to the disk cache, because a program run from a memfd sees
 * "/memfd:..." as /proc/self/exe and apps that find files next to
 * themselves would break. With no exec-capable place at all, programs run
 * from memfds after all. */
/* Why the cache cannot hold the view, or NULL as unfit_base; made for the
 * look and unmade when unfit. */
static const char *unfit_cache(size_t room, const struct view_size *need, char real[ONEBIN_PATH_MAX + 1], int *exec) {
  char cache[512], path[PATH_MAX];
  const char *why = "neither $XDG_CACHE_HOME nor $HOME is set";
  int made = 0, fd = disk_cache(cache, sizeof cache) ? open_disk_cache(cache, path, &made, &why) : -1;
  if (fd < 0) return why;
  close(fd);
  if ((why = unfit_base(path, 1, room, need, real, exec))) unmake_disk_cache(path, made);
  return why;
}

const char *view_base_choose(size_t room, const struct view_size *need, int *exec) {
  static char real[ONEBIN_PATH_MAX + 1];
  const char *bases[] = {getenv("XDG_RUNTIME_DIR"), "/dev/shm", "/tmp", "the cache in $HOME"};
  size_t count = sizeof bases / sizeof *bases;
  for (int need_exec = 1; need_exec >= 0; need_exec--)
    for (size_t i = 0; i < count; i++) {
      const char *base = bases[i], *why;
      if (!base) continue;
      if ((why = i == count - 1 ? unfit_cache(room, need, real, exec) : unfit_base(base, 0, room, need, real, exec))) {
        if (need_exec) debug("%s: %s: not used for the view", base, why);
      } else if (!*exec && need_exec) {
        debug("%s is mounted noexec", base);
      } else {
        return real;
      }
    }
  die("no place for the app's files (%.1f MB): $XDG_RUNTIME_DIR, /dev/shm, /tmp and the cache in $HOME are each "
      "too small, not writable or open to other users (ONEBIN_DEBUG=1 says which)", need->bytes / 1e6);
}
