/* Where the view may be made: a directory no other user can rename it out
 * of, nor anything above it, so that the absolute paths the app is run by
 * (its argv[0], PT_INTERP, $ORIGIN, the files it opens) lead to the view
 * for as long as it runs. */
#ifndef ONEBIN_STUB_VIEW_BASE_H
#define ONEBIN_STUB_VIEW_BASE_H

#include <stddef.h>

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

/* The disk cache ($XDG_CACHE_HOME/onebin or ~/.cache/onebin, made now) as
 * a path without links when it fits the same rules and programs may run
 * from it; else NULL with the reason in *why. */
const char *view_base_disk_cache(const struct view_size *need, const char **why);

#endif
