#define _GNU_SOURCE
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../formats/xxh64.h"
#include "cleanup.h"
#include "log.h"
#include "trusted_dir.h"

/* Written last into a tree: without it, a tree is not whole. Its times:
 * mark_used. */
#define COMPLETE ".onebin-complete"

enum onebin_cache cache_mode_from_args(int *argc, char **argv, enum onebin_cache packed) {
  static const char option[] = "--onebin-cache=";
  if (*argc < 2 || strncmp(argv[1], option, sizeof option - 1) != 0) return packed;
  uint32_t chosen = ONEBIN_CACHE_AUTO;
  while (onebin_cache_name(chosen) && strcmp(argv[1] + sizeof option - 1, onebin_cache_name(chosen)) != 0) chosen++;
  if (!onebin_cache_name(chosen)) die("%s: the modes are auto, never and always", argv[1]);
  memmove(argv + 1, argv + 2, (size_t)(*argc - 1) * sizeof *argv); /* argv[argc], NULL, moves too */
  (*argc)--;
  return (enum onebin_cache)chosen;
}

int cache_wanted(enum onebin_cache mode, const struct view_size *size) {
  if (mode != ONEBIN_CACHE_AUTO) return mode == ONEBIN_CACHE_ALWAYS;
  return size->bytes >= (uint64_t)ONEBIN_CACHE_AUTO_MB << 20 || size->inodes >= ONEBIN_CACHE_AUTO_FILES;
}

/* A content's name in CACHE/files: what the tree checks of a file (size,
 * time) and what makes it that file (hash, mode). */
static void store_name(const struct onebin_entry *e, char out[96]) {
  snprintf(out, 96, "%016llx-%llu-%lld-%o", (unsigned long long)e->hash, (unsigned long long)e->size,
           (long long)e->mtime_ns, e->mode & ONEBIN_WRITTEN_MODE_BITS & 0555);
}

/* Whether a file has e's packed size and modification time: what the cache
 * trusts of its copies. */
static int as_packed(const struct stat *st, const struct onebin_entry *e) {
  struct timespec times[2];
  onebin_entry_times(e, times);
  return S_ISREG(st->st_mode) && (uint64_t)st->st_size == e->size && st->st_mtim.tv_sec == times[1].tv_sec &&
         st->st_mtim.tv_nsec == times[1].tv_nsec;
}

/* Whether the file open at fd has e's content: a stored copy is read whole
 * before a new tree links it (once per version's first launch, cheaper than
 * the decompressing it saves), so that a copy changed through some tree's
 * link never spreads into another version. */
static int has_content(int fd, const struct onebin_entry *e) {
  void *content = mmap(NULL, e->size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (content == MAP_FAILED) return 0;
  int same = onebin_xxh64(content, e->size, 0) == e->hash;
  munmap(content, e->size);
  return same;
}

/* A stored copy changed since (through a tree's link to it) is dropped. */
int cache_reuse(int store_fd, int root_fd, const struct onebin_entry *e, const char *rel) {
  char name[96];
  struct stat st;
  store_name(e, name);
  int fd = openat(store_fd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return -1;
  int usable = fstat(fd, &st) == 0 && as_packed(&st, e) && has_content(fd, e);
  close(fd);
  if (!usable) {
    unlinkat(store_fd, name, 0);
    return -1;
  }
  return linkat(store_fd, name, root_fd, rel, 0) == 0 ? 0 : -1;
}

void cache_keep(int store_fd, int root_fd, const struct onebin_entry *e, const char *rel) {
  char name[96];
  store_name(e, name);
  linkat(root_fd, rel, store_fd, name, 0); /* one there already, or none: the tree works either way */
}

/* What a launch looks at besides the marker: every program, library and
 * executable file, then CHECK_FILES of the other files, taking turns from
 * where the last launch stopped (kept in the marker's access time), or all
 * of them when there are no more. 20,000 lookups took
 * 56 ms on the bench machine, more than squashfuse's mount and run of the
 * app; 2,048 take 6 ms, and a change to one of 20,000 data files is found
 * within 10 launches. */
#define CHECK_FILES 2048u

/* The files a launch may look at: regular files as unpacked. */
static int checkable(const struct onebin_entry *e, uint8_t kept) {
  return kept && e->type == ONEBIN_FILE && !(e->flags & (ONEBIN_TEMPLATE | ONEBIN_ENVIRONMENT));
}

static int runs_as_code(const struct onebin_entry *e) {
  return (e->flags & (ONEBIN_PROGRAM | ONEBIN_LIBRARY | ONEBIN_LOADER)) || (e->mode & 0111);
}

/* How many checkable files are not code: those that take turns. */
static uint32_t turn_takers(const struct onebin_archive *a, const uint8_t *keeps) {
  uint32_t count = 0;
  for (uint32_t i = 0; i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    count += checkable(&e, keeps[i]) && !runs_as_code(&e);
  }
  return count;
}

/* The directory of the files looked at last, open: files of one directory
 * come one after the other in the index, so each is looked up by its name
 * alone (half the time of a lookup from the tree for 20,000 files). */
struct current_dir {
  int fd;
  char path[ONEBIN_PATH_MAX + 1];
};

/* The name of `path` inside its directory, that directory opened in *dir. */
static const char *name_in_dir(int tree_fd, struct current_dir *dir, const char *path) {
  const char *slash = strrchr(path, '/');
  size_t length = slash ? (size_t)(slash - path) : 1;
  const char *parent = slash ? path : ".";
  if (dir->fd < 0 || strlen(dir->path) != length || strncmp(dir->path, parent, length) != 0) {
    if (dir->fd >= 0) close(dir->fd);
    snprintf(dir->path, sizeof dir->path, "%.*s", (int)length, parent);
    dir->fd = openat(tree_fd, dir->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  }
  return slash ? slash + 1 : path;
}

/* Why a file of the tree is not as unpacked, or NULL. */
static const char *file_changed(int tree_fd, struct current_dir *dir, const struct onebin_entry *e, const char *path) {
  struct stat st;
  const char *name = name_in_dir(tree_fd, dir, path);
  if (fstatat(dir->fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) return "a file is missing";
  if ((uint64_t)st.st_size != e->size) return "a file's size changed";
  return as_packed(&st, e) ? NULL : "a file was changed";
}

/* Why the tree at tree_fd is not what the index and `keeps` describe, or
 * NULL: the marker, then the files of this launch's turn (CHECK_FILES),
 * type, size and modification time; *turn set to where the next starts. */
static const char *changed(int tree_fd, const struct onebin_archive *a, const uint8_t *keeps, char *path, size_t size,
                           uint32_t *turn) {
  struct stat st;
  if (fstatat(tree_fd, COMPLETE, &st, AT_SYMLINK_NOFOLLOW) != 0) return "it was never finished";
  uint32_t takers = turn_takers(a, keeps), first = takers ? (uint32_t)st.st_atim.tv_nsec % takers : 0, seen = 0, looked = 0;
  *turn = takers > CHECK_FILES ? (first + CHECK_FILES) % takers : 0;
  struct current_dir dir = {-1, ""};
  const char *why = NULL;
  for (uint32_t i = 0; !why && i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    if (!checkable(&e, keeps[i])) continue;
    if (!runs_as_code(&e) && (seen++ - first + takers) % takers >= CHECK_FILES) continue;
    snprintf(path, size, "%.*s", (int)e.path_size, a->strings + e.path);
    why = file_changed(tree_fd, &dir, &e, path);
    looked++;
  }
  if (dir.fd >= 0) close(dir.fd);
  debug("cache check: %u files looked at; the next launch starts at file %u of the %u that take turns", looked, *turn,
        takers);
  return why;
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

/* Unpacks the app into apps/.build-KEY-PID and renames it to apps/KEY, in
 * a child process: a build that cannot finish (no room left after all, an
 * I/O error) ends only the child, whose tree is removed here, and the
 * launch goes on from memory; the child says why under ONEBIN_DEBUG alone.
 * 0, or -1 when the build failed. */
static int build(struct view *v, struct onebin_archive *a, const struct choice *c, int apps_fd, const char *key) {
  char name[96], path[sizeof v->dir + 96];
  pid_t child = fork();
  if (child < 0) return -1;
  snprintf(name, sizeof name, ".build-%s-%ld", key, (long)(child ? child : getpid()));
  snprintf(path, sizeof path, "%.*s/%s", (int)(strrchr(v->dir, '/') - v->dir), v->dir, name); /* apps/KEY fits */
  if (child == 0) {
    onebin_quiet_errors = 1;
    if (mkdirat(apps_fd, name, 0700) != 0) die("%s: cannot create: %s", path, strerror(errno));
    int build_fd = openat(apps_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (build_fd < 0) die("%s: cannot open: %s", path, strerror(errno));
    view_materialise_at(v, a, c, build_fd, path);
    make_read_only(build_fd, a, c->keeps);
    if (renameat(apps_fd, name, apps_fd, key) != 0) die("%s: cannot put it in place: %s", v->dir, strerror(errno));
    _exit(0);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return 0;
  remove_tree(path);
  return -1;
}

/* A changed tree is moved aside first, so that nothing runs it again. */
static void remove_changed(const char *apps, int apps_fd, const char *key) {
  char name[96], aside[ONEBIN_PATH_MAX + 1];
  snprintf(name, sizeof name, ".changed-%s-%ld", key, (long)getpid());
  int n = snprintf(aside, sizeof aside, "%s/%s", apps, name);
  if (n > 0 && (size_t)n < sizeof aside && renameat(apps_fd, key, apps_fd, name) == 0) remove_tree(aside);
}

/* What launches that were killed left: .build-KEY-PID (half unpacked) and
 * .changed-KEY-PID (half removed), when process PID is gone. */
static void remove_leftovers(const char *apps, int apps_fd) {
  int fd = dup(apps_fd);
  DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
  if (!dir) return;
  rewinddir(dir);
  struct dirent *entry;
  char path[ONEBIN_PATH_MAX + 1];
  while ((entry = readdir(dir))) {
    const char *name = entry->d_name, *dash = strrchr(name, '-');
    if ((strncmp(name, ".build-", 7) && strncmp(name, ".changed-", 9)) || !dash) continue;
    long pid = strtol(dash + 1, NULL, 10);
    int n = snprintf(path, sizeof path, "%s/%s", apps, name);
    if (pid <= 0 || kill((pid_t)pid, 0) == 0 || errno != ESRCH || n < 0 || (size_t)n >= sizeof path) continue;
    debug("cache: removing %s, left by process %ld that no longer runs", path, pid);
    remove_tree(path);
  }
  closedir(dir);
}

/* KEY: the index's hash (it covers every file's hash and the stub) and
 * the hash of the keeps, in hex. */
static void cache_key(const struct onebin_archive *a, const uint8_t *keeps, char key[48]) {
  snprintf(key, 48, "%016llx-%016llx", (unsigned long long)a->trailer.index_hash,
           (unsigned long long)onebin_xxh64(keeps, a->header.entry_count, 0));
}

/* What `tally` counts of the regular files under a directory. */
enum tally {
  OWN,  /* those no other directory links: a tree's files the store does not share */
  ALL,  /* all: the store's */
  PRUNE /* those linked nowhere else, removed: the store's files no tree uses any more */
};

/* Bytes of the files under dir_fd (closed) that `how` counts. */
static uint64_t tally(int dir_fd, enum tally how) {
  DIR *dir = fdopendir(dir_fd);
  if (!dir) return 0;
  rewinddir(dir); /* a dup of a descriptor read before shares its offset */
  uint64_t bytes = 0;
  struct dirent *entry;
  while ((entry = readdir(dir))) {
    struct stat st;
    if (entry->d_name[0] == '.' && (!entry->d_name[1] || (entry->d_name[1] == '.' && !entry->d_name[2]))) continue;
    if (fstatat(dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      int child = openat(dirfd(dir), entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child >= 0) bytes += tally(child, how);
    } else if (S_ISREG(st.st_mode) && (how == ALL || st.st_nlink == 1)) {
      if (how != PRUNE || unlinkat(dirfd(dir), entry->d_name, 0) == 0) bytes += (uint64_t)st.st_blocks * 512;
    }
  }
  closedir(dir);
  return bytes;
}

struct tree {
  char key[48];
  struct timespec used;
  uint64_t bytes;
};

/* Every whole tree but `keep`, with its last use and own bytes; *count set. */
static struct tree *list_trees(int apps_fd, const char *keep, size_t *count, uint64_t *total) {
  int fd = dup(apps_fd);
  DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
  if (dir) rewinddir(dir);
  struct tree *trees = NULL;
  size_t capacity = 0;
  *count = 0;
  struct dirent *entry;
  while (dir && (entry = readdir(dir))) {
    struct stat st;
    char marker[64 + sizeof COMPLETE];
    if (entry->d_name[0] == '.' || strlen(entry->d_name) >= sizeof trees->key) continue;
    snprintf(marker, sizeof marker, "%.47s/%s", entry->d_name, COMPLETE); /* shorter: checked above */
    if (fstatat(apps_fd, marker, &st, 0) != 0) continue;
    int tree_fd = openat(apps_fd, entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    uint64_t bytes = tree_fd >= 0 ? tally(tree_fd, OWN) : 0;
    *total += bytes;
    if (!strcmp(entry->d_name, keep)) continue;
    if (*count == capacity) {
      struct tree *more = realloc(trees, (capacity = capacity ? 2 * capacity : 16) * sizeof *trees);
      if (!more) break;
      trees = more;
    }
    snprintf(trees[*count].key, sizeof trees->key, "%.47s", entry->d_name);
    trees[*count].used = st.st_mtim;
    trees[(*count)++].bytes = bytes;
  }
  if (dir) closedir(dir);
  return trees;
}

static int older(const void *x, const void *y) {
  const struct timespec *a = &((const struct tree *)x)->used, *b = &((const struct tree *)y)->used;
  return a->tv_sec != b->tv_sec ? (a->tv_sec > b->tv_sec) - (a->tv_sec < b->tv_sec) : (a->tv_nsec > b->tv_nsec) - (a->tv_nsec < b->tv_nsec);
}

/* Removes one tree unless an app runs from it or a launch holds its key. */
static int evict(const char *apps, int apps_fd, const char *key) {
  char lock_name[64], path[ONEBIN_PATH_MAX + 1];
  snprintf(lock_name, sizeof lock_name, ".lock-%s", key);
  int n = snprintf(path, sizeof path, "%s/%s", apps, key);
  int lock = openat(apps_fd, lock_name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  int removed = 0;
  if (n > 0 && (size_t)n < sizeof path && lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0 && !tree_in_use(path)) {
    debug("cache: %s evicted (least recently used)", path);
    remove_tree(path);
    unlinkat(apps_fd, lock_name, 0);
    removed = 1;
  }
  if (lock >= 0) close(lock);
  return removed;
}

static uint64_t cache_max(void) {
  const char *mb = getenv("ONEBIN_CACHE_MAX_MB");
  return mb && *mb ? strtoull(mb, NULL, 10) << 20 : CACHE_MAX_BYTES;
}

/* After a tree is added: the least recently used others go until the cache
 * (every tree's own files and the store, each file once) is within its
 * bound, and with each the stored files no tree links any more. */
static void keep_within_bound(const char *apps, int apps_fd, int store_fd, const char *keep) {
  uint64_t total = 0, bound = cache_max();
  size_t count;
  struct tree *trees = list_trees(apps_fd, keep, &count, &total);
  int fd = dup(store_fd);
  total += fd >= 0 ? tally(fd, ALL) : 0;
  if (count) qsort(trees, count, sizeof *trees, older);
  for (size_t i = 0; i < count && total > bound; i++) {
    if (!evict(apps, apps_fd, trees[i].key)) continue;
    fd = dup(store_fd);
    uint64_t freed = trees[i].bytes + (fd >= 0 ? tally(fd, PRUNE) : 0);
    total = freed < total ? total - freed : 0;
  }
  free(trees);
}

/* Under the key's lock: a whole tree is used, a changed one rebuilt (and
 * then the cache kept within its bound). Returns where the next launch's
 * turn of files to look at starts, or -1 when the build failed. */
static int64_t use_or_build(struct view *v, struct onebin_archive *a, const struct choice *c, const char *apps,
                            int apps_fd, const char *key) {
  char path[ONEBIN_PATH_MAX + 1];
  uint32_t turn = 0;
  int tree_fd = openat(apps_fd, key, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  const char *why = tree_fd >= 0 ? changed(tree_fd, a, c->keeps, path, sizeof path, &turn) : "";
  if (tree_fd >= 0) close(tree_fd);
  if (why && tree_fd >= 0) {
    debug("the cached copy in %s is not as unpacked (%s%s%s): unpacking it again", v->dir, why,
          strcmp(why, "it was never finished") ? ": " : "", strcmp(why, "it was never finished") ? path : "");
    remove_changed(apps, apps_fd, key);
  }
  debug("timing: %.2f ms: cached copy looked at", elapsed_ms());
  debug("cache: %s (%s)", v->dir, why ? "unpacked now" : "from an earlier launch");
  if (!why) return turn;
  if (build(v, a, c, apps_fd, key) != 0) return -1;
  keep_within_bound(apps, apps_fd, v->store_fd, key);
  return 0;
}

/* The marker's times: its modification time is the tree's last use; its
 * access time, below the second, where the next launch's turn starts (the
 * marker is empty: nothing reads it). */
static void mark_used(int tree_fd, uint32_t turn) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  struct timespec times[2] = {{now.tv_sec, turn}, now}; /* turn < 1e9: entries are fewer */
  utimensat(tree_fd, COMPLETE, times, 0);
}

/* The cache's parts, open: every one the user's own (trusted_dir.h). */
struct parts {
  char apps[ONEBIN_PATH_MAX + 1];
  int apps_fd, store_fd;
};

/* Why the cache cannot take the app, or NULL with its parts open and the
 * view's directory named: leftovers of killed launches are removed before
 * the room is judged, so that they never keep a launch out for good. */
static const char *open_parts(struct parts *p, struct view *v, const char *key, const struct view_size *need) {
  char base[PATH_MAX];
  const char *why = NULL;
  int base_fd = view_base_disk_cache(base, &why);
  p->apps_fd = p->store_fd = -1;
  if (base_fd < 0) return why;
  int n = snprintf(p->apps, sizeof p->apps, "%s/apps", base);
  if (n < 0 || (size_t)n >= sizeof p->apps || snprintf(v->dir, sizeof v->dir, "%s/%s", p->apps, key) >= (int)sizeof v->dir)
    why = "its path is too long";
  else if ((p->apps_fd = trust_open_own(base_fd, "apps", 1, &why)) >= 0 &&
           (p->store_fd = trust_open_own(base_fd, "files", 1, &why)) >= 0) {
    remove_leftovers(p->apps, p->apps_fd);
    why = view_base_room(p->apps_fd, need);
  }
  close(base_fd);
  return why;
}

static void close_parts(struct parts *p) {
  if (p->apps_fd >= 0) close(p->apps_fd);
  if (p->store_fd >= 0) close(p->store_fd);
}

int cache_view(struct view *v, struct onebin_archive *a, const struct choice *c, const struct view_size *need) {
  struct parts p;
  char key[48], lock_name[64];
  cache_key(a, c->keeps, key);
  const char *why = open_parts(&p, v, key, need);
  int64_t turn = -1;
  if (!why) {
    snprintf(lock_name, sizeof lock_name, ".lock-%s", key);
    int lock = openat(p.apps_fd, lock_name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    v->store_fd = p.store_fd;
    if (lock < 0 || flock(lock, LOCK_EX) != 0) why = "the app's copy cannot be locked";
    else if ((turn = use_or_build(v, a, c, p.apps, p.apps_fd, key)) < 0) why = "its copy could not be unpacked";
    /* The key's lock stays until exec closes it: by then the app runs from
     * the tree, and eviction (tree_in_use) sees it. */
  }
  v->dir_fd = why ? -1 : openat(p.apps_fd, key, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  close_parts(&p);
  v->store_fd = -1;
  if (why || v->dir_fd < 0) {
    /* The app runs as well from memory: nothing to say unless asked. */
    debug("the app is run from memory this time: the cache is unusable (%s)", why ? why : strerror(errno));
    return -1;
  }
  mark_used(v->dir_fd, (uint32_t)turn);
  v->exec_allowed = 1;
  v->memfd_allowed = 0;
  return 0;
}
