/* Where the view may be made: a directory no other user can rename it out
 * of, nor anything above it, so that the absolute paths the app is run by
 * (its argv[0], PT_INTERP, $ORIGIN, the files it opens) lead to the view
 * for as long as it runs. */
#ifndef ONEBIN_STUB_VIEW_BASE_H
#define ONEBIN_STUB_VIEW_BASE_H

#include <stddef.h>

#include <limits.h>
#include <stdint.h>

/* What the view will take of a file system: bytes (each file rounded up to
 * whole pages) and inodes. */
struct view_size {
  uint64_t bytes, inodes;
};

/* The first fit of $XDG_RUNTIME_DIR, /dev/shm, /tmp and the disk cache, as
 * a path without links, at most `room` bytes with the view's name, with
 * room for `need` (a systemd desktop's $XDG_RUNTIME_DIR is often 10% of
 * RAM); dies when there is none. Sets *exec to whether programs may run
 * from it. */
const char *view_base_choose(size_t room, const struct view_size *need, int *exec);

/* The disk cache ($XDG_CACHE_HOME/onebin or ~/.cache/onebin, made now
 * where missing) open, checked by trusted_dir.h's rule as the user's own
 * and not mounted noexec, its path without links in `real`; else -1 with
 * the reason in *why and nothing made. */
int view_base_disk_cache(char real[PATH_MAX], const char **why);

/* Why the file system of the directory open at fd has no room for `need`,
 * or NULL. */
const char *view_base_room(int fd, const struct view_size *need);

#endif
