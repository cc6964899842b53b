/* The per-user cache of unpacked apps, for big ones: an app unpacked once
 * into $XDG_CACHE_HOME/onebin/apps/KEY (or ~/.cache/onebin/apps/KEY) runs
 * from there on later launches without decompressing anything. KEY is the
 * packed index's hash and the hash of which entries this host takes from
 * the bundle, so another version, or another host's choice, gets a tree of
 * its own. A tree is built beside its place and renamed into it once
 * whole, under a lock, so concurrent first launches build it once; its
 * files are read-only, and a later launch trusts it only while every file
 * has its packed size and modification time. */
#ifndef ONEBIN_STUB_CACHE_H
#define ONEBIN_STUB_CACHE_H

#include "../formats/container.h"
#include "view.h"

/* --onebin-cache=auto|never|always as argv[1], taken out of argv; the
 * packed default (the index header's) without it. Dies on another mode. */
enum onebin_cache cache_mode_from_args(int *argc, char **argv, enum onebin_cache packed);

/* always; or auto and ONEBIN_CACHE_AUTO_MB or ONEBIN_CACHE_AUTO_FILES or more. */
int cache_wanted(enum onebin_cache mode, const struct view_size *size);

/* Files are shared between trees through CACHE/files, one hard link per
 * content (hash, size, time, mode): a new version unpacks only what changed.
 * Programs (their slots are written per tree) and templates are not shared.
 * Links the stored copy of e's content to rel under root_fd: 0 when there
 * is one (nothing to unpack), -1 when there is none. */
int cache_reuse(int store_fd, int root_fd, const struct onebin_entry *e, const char *rel);
/* Stores the file just unpacked at rel for the next tree. */
void cache_keep(int store_fd, int root_fd, const struct onebin_entry *e, const char *rel);

/* The cache's size bound: ONEBIN_CACHE_MAX_MB, else this default. Trees
 * are evicted least recently used first, never one in use. */
#define CACHE_MAX_BYTES (4ull << 30)

/* Sets up `view` on the app's cached tree (`need`: view_size_of the
 * archive), unpacking it first when it is missing or was changed. 0; or -1
 * after a one-line note (no room in the cache, no usable cache directory),
 * and the caller makes a view in memory. */
int cache_view(struct view *view, struct onebin_archive *archive, const struct choice *choice,
               const struct view_size *need);

#endif
