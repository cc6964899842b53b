/* The app's directory view: the packed tree materialised for one run as
 * real files in a private 0700 directory of the user's (other users can
 * neither change nor replace them), so realpath, /proc/self/exe and $ORIGIN
 * name real paths, children that outlive the app still load libraries, and
 * the app holds no descriptor per library. Only where every place is
 * mounted noexec do programs and libraries go into sealed memfds, linked
 * from the view by /proc/PID/fd/N symlinks, with their RUNPATH slot made
 * absolute. */
#ifndef ONEBIN_STUB_VIEW_H
#define ONEBIN_STUB_VIEW_H

#include <stdint.h>

#include "../formats/container.h"
#include "view_base.h"

struct view {
  char dir[256];
  int dir_fd;         /* the view, open: what everything in it is made through */
  int exec_allowed;   /* the view's file system is not mounted noexec */
  int memfd_allowed;  /* memfd_create works and may make executable memfds */
  int next_fd;        /* memfds are moved to descriptors from here up */
  int store_fd;       /* the cache's shared files (cache.h), or -1 */
};

/* Which side provides each library family, decided before materialising. */
struct choice {
  int host_glibc, host_libstdcxx, host_libgcc;
  const char *loader;  /* the bundled loader's path in the tree, or NULL for the host's */
  int allow_host_copies; /* 1 when host copies may replace bundled ones (not for --onebin-extract) */
  const uint8_t *keeps;  /* per entry: 1 the packed copy is written, 0 the host's is used; NULL: all written */
};

/* Decides `keeps` for every entry from the choice (logging each decision
 * under ONEBIN_DEBUG); malloc'ed, one byte per entry. */
uint8_t *view_decide(const struct onebin_archive *archive, const struct choice *choice);

/* What the entries take of a file system at most (view_base.h). */
struct view_size view_size_of(const struct onebin_archive *archive);

/* Picks a base directory with room for `need` (view_size_of; view_base.h)
 * and creates a private 0700 directory there, kept open as dir_fd (stale
 * views are the watcher's: cleanup.h). */
void view_create(struct view *view, const struct view_size *need);

/* Writes every entry the choice keeps into the view, templates filled in
 * and the environment file's variables set. */
void view_materialise(struct view *view, struct onebin_archive *archive, const struct choice *choice);

/* The same into the directory open at root_fd (named `root` in messages),
 * with view->dir as the app's directory in slots and templates: where the
 * cache builds a tree before renaming it to view->dir. */
void view_materialise_at(struct view *view, struct onebin_archive *archive, const struct choice *choice, int root_fd,
                         const char *root);

/* Writes every entry as a plain file under dir, slots untouched
 * (--onebin-extract); only those whose `keeps` byte is 1 unless it is NULL
 * (--appimage-extract PATTERN: the parent of every kept entry is kept). */
void view_extract(struct onebin_archive *archive, const char *dir, const uint8_t *keeps);

#endif
