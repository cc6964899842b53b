#define _GNU_SOURCE
#include "view.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../formats/extract_target.h"
#include "../formats/libraries.h"
#include "cache.h"
#include "cleanup.h"
#include "decode.h"
#include "host_versions.h"
#include "log.h"
#include "templates.h"
#include "view_base.h"

/* Linux 6.3 flags; musl 1.2.3's headers predate them. */
#ifndef MFD_EXEC
#define MFD_EXEC 0x10U
#endif

#define PATH_SIZE (ONEBIN_PATH_MAX + 1)

static unsigned memfd_exec_flag;
static struct rlimit saved_nofile;

/* Kernels 6.3+ with vm.memfd_noexec=2 refuse executable memfds (EACCES);
 * kernels before 6.3 do not know MFD_EXEC (EINVAL); before 3.17 there is no
 * memfd at all (ENOSYS). */
static void probe_memfd(struct view *v) {
  memfd_exec_flag = MFD_EXEC;
  int fd = memfd_create("onebin-probe", MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);
  if (fd < 0 && errno == EINVAL) {
    memfd_exec_flag = 0;
    fd = memfd_create("onebin-probe", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  }
  v->memfd_allowed = fd >= 0;
  if (fd >= 0) {
    close(fd);
    return;
  }
  die("cannot run the app: every place for its files is mounted noexec (%s) and executable memfds are refused (%s%s)",
      v->dir, strerror(errno), errno == EACCES ? ": vm.memfd_noexec=2" : "");
}

/* Memfds go above the soft descriptor limit, which is restored before exec,
 * so the app keeps its usual number of free low descriptors. */
static void reserve_descriptors(struct view *v) {
  getrlimit(RLIMIT_NOFILE, &saved_nofile);
  struct rlimit raised = {saved_nofile.rlim_max, saved_nofile.rlim_max};
  v->next_fd = setrlimit(RLIMIT_NOFILE, &raised) == 0 ? (int)saved_nofile.rlim_cur : 3;
}

/* An upper bound: every file, whichever side's copy is used, and a page
 * for each link (a short one takes none). */
struct view_size view_size_of(const struct onebin_archive *a) {
  struct view_size need = {0, a->header.entry_count};
  for (uint32_t i = 0; i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    if (e.type == ONEBIN_FILE) need.bytes += (e.size + 4095) / 4096 * 4096;
    if (e.type == ONEBIN_SYMLINK) need.bytes += 4096;
  }
  return need;
}

void view_create(struct view *v, const struct view_size *need) {
  int exec = 0;
  const char *base = view_base_choose(sizeof v->dir, need, &exec);
  snprintf(v->dir, sizeof v->dir, "%s/onebin-%ld-XXXXXX", base, (long)getpid()); /* view_base_choose made it fit */
  if (!mkdtemp(v->dir)) die("%s: cannot create a private directory: %s", base, strerror(errno));
  /* Everything in the view is made through this descriptor, none by path. */
  v->dir_fd = open(v->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  if (v->dir_fd < 0 || fstat(v->dir_fd, &st) != 0) die("%s: cannot open: %s", v->dir, strerror(errno));
  if (st.st_uid != geteuid() || (st.st_mode & 077)) die("%s: not the private directory just made", v->dir);
  v->exec_allowed = exec;
  v->store_fd = -1;
  debug("view directory %s (%s)", v->dir, v->exec_allowed ? "programs and libraries run from it" : "noexec: programs and libraries run from memfds");
  if (v->exec_allowed) return;
  probe_memfd(v);
  reserve_descriptors(v);
}

static void put_slot(uint8_t *content, uint64_t offset, uint32_t size, const char *value, const char *path) {
  size_t length = strlen(value);
  if (length + 1 > size)
    die("%s: the path %s does not fit its %u-byte slot; set XDG_RUNTIME_DIR to a shorter directory", path, value, size);
  memset(content + offset, 0, size);
  memcpy(content + offset, value, length);
}

/* $ORIGIN and ${ORIGIN} become `origin`: a program run from a memfd has no
 * directory of its own for the loader to expand them with. */
static void expand_origin(const char *in, const char *origin, char *out, size_t size) {
  size_t used = 0;
  while (*in && used + 1 < size) {
    size_t skip = !strncmp(in, "$ORIGIN", 7) ? 7 : !strncmp(in, "${ORIGIN}", 9) ? 9 : 0;
    if (skip) {
      used += (size_t)snprintf(out + used, size - used, "%s", origin);
      in += skip;
    } else {
      out[used++] = *in++;
    }
  }
  out[used < size ? used : size - 1] = 0;
}

static void patch_slots(const struct view *v, const char *path, const struct onebin_entry *e, uint8_t *content,
                        int in_memfd, const struct choice *c) {
  char value[4096];
  if (c->loader && e->interp_slot_size) {
    snprintf(value, sizeof value, "%s/%s", v->dir, c->loader);
    put_slot(content, e->interp_slot, e->interp_slot_size, value, path);
  }
  if (in_memfd && e->runpath_slot_size) {
    char origin[PATH_SIZE + 256], old[4096];
    snprintf(origin, sizeof origin, "%s/%s", v->dir, path);
    *strrchr(origin, '/') = 0;
    snprintf(old, sizeof old, "%.*s", (int)e->runpath_slot_size, (const char *)content + e->runpath_slot);
    expand_origin(old, origin, value, sizeof value);
    put_slot(content, e->runpath_slot, e->runpath_slot_size, value, path);
  }
}

static void link_memfd(struct view *v, int fd, int root_fd, const char *rel, const char *target) {
  int high = fcntl(fd, F_DUPFD, v->next_fd);
  if (high >= 0) {
    close(fd);
    fd = high;
    v->next_fd = high + 1;
  }
  char link[64];
  snprintf(link, sizeof link, "/proc/%ld/fd/%d", (long)getpid(), fd);
  if (symlinkat(link, root_fd, rel) != 0) die("%s: cannot link: %s", target, strerror(errno));
}

/* Programs and libraries go into memfds, made here, only when the view is
 * noexec; every other file is created by the decoders (fd -1). */
static int open_memfd(const struct view *v, const char *rel, const char *target, const struct onebin_entry *e) {
  int wants_memfd = (e->flags & (ONEBIN_PROGRAM | ONEBIN_LIBRARY | ONEBIN_LOADER)) && !v->exec_allowed;
  if (!wants_memfd || !v->memfd_allowed) return -1;
  const char *name = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
  int fd = memfd_create(name, MFD_ALLOW_SEALING | memfd_exec_flag);
  if (fd < 0) die("%s: cannot create: %s", target, strerror(errno));
  return fd;
}

/* Sealed: nothing in the process can change a loaded library's bytes. */
static void seal_and_link(struct view *v, int fd, int root_fd, const char *rel, const char *target) {
  fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
  link_memfd(v, fd, root_fd, rel, target);
}

/* The last component of an entry's path: a library's soname. */
static void entry_file_name(const struct onebin_archive *a, const struct onebin_entry *e, char *out, size_t size) {
  const char *path = a->strings + e->path;
  const char *slash = memrchr(path, '/', e->path_size);
  const char *name = slash ? slash + 1 : path;
  snprintf(out, size, "%.*s", (int)(path + e->path_size - name), name);
}

/* A library host drivers use too: the host's copy when its file name says
 * it is newer (an older bundled copy could lack what the host's driver needs). */
static int bundled_is_newer(const struct onebin_archive *a, const struct onebin_entry *e) {
  char soname[256];
  entry_file_name(a, e, soname, sizeof soname);
  uint32_t host = host_file_name_version(soname);
  char t1[32], t2[32];
  debug("%s: host %s, bundled %s -> %s", soname, onebin_version_text(host, t1), onebin_version_text(e->version, t2),
        host > e->version ? "host" : "bundled");
  return host <= e->version;
}

/* A driver-facing library: the host's copy when it defines every symbol the
 * bundle imports from it (it matches the host's drivers and display server),
 * else the packed copy (no copy on the host, or one too old). */
static int host_falls_short(const struct onebin_archive *a, const struct onebin_entry *e) {
  char soname[256];
  entry_file_name(a, e, soname, sizeof soname);
  const char *missing = NULL;
  int host = host_defines_all(soname, a->strings + e->needs, e->needs_size, &missing);
  if (host > 0) debug("%s: the host's copy has every symbol the app uses from it -> host", soname);
  else if (host < 0) debug("%s: the host has none -> bundled", soname);
  else debug("%s: the host's copy lacks %s -> bundled", soname, missing ? missing : "(unreadable)");
  return host <= 0;
}

static int kept(const struct onebin_archive *a, const struct onebin_entry *e, const struct choice *c) {
  switch (e->family) {
    case ONEBIN_FAMILY_GLIBC: return !c->host_glibc;
    case ONEBIN_FAMILY_LIBSTDCXX: return !c->host_libstdcxx;
    case ONEBIN_FAMILY_LIBGCC: return !c->host_libgcc;
    case ONEBIN_FAMILY_SHARED: return !c->allow_host_copies || bundled_is_newer(a, e);
    case ONEBIN_FAMILY_HOST: return !c->allow_host_copies || host_falls_short(a, e);
    default: return 1;
  }
}

uint8_t *view_decide(const struct onebin_archive *a, const struct choice *c) {
  uint8_t *keeps = malloc(a->header.entry_count ? a->header.entry_count : 1);
  if (!keeps) die("out of memory");
  for (uint32_t i = 0; i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    keeps[i] = (uint8_t)kept(a, &e, c);
  }
  return keeps;
}

static void entry_paths(const struct onebin_archive *a, const struct onebin_entry *e, const char *root, char *rel,
                        char *target) {
  snprintf(rel, PATH_SIZE, "%.*s", (int)e->path_size, a->strings + e->path);
  snprintf(target, PATH_SIZE + 256, "%s/%s", root, rel);
}

/* Directories and symlinks at once; regular files into `files`. */
static void create_entry(const struct view *v, const struct onebin_archive *a, const struct onebin_entry *e,
                         int root_fd, const char *root, struct decode_file *files, size_t *count) {
  char rel[PATH_SIZE], target[PATH_SIZE + 256];
  entry_paths(a, e, root, rel, target);
  if (e->type == ONEBIN_DIR) {
    if (mkdirat(root_fd, rel, (e->mode & ONEBIN_WRITTEN_MODE_BITS) | 0700) != 0 && errno != EEXIST)
      die("%s: cannot create: %s", target, strerror(errno));
  } else if (e->type == ONEBIN_SYMLINK) {
    char link[PATH_SIZE];
    snprintf(link, sizeof link, "%.*s", (int)e->link_size, a->strings + e->link);
    if (symlinkat(link, root_fd, rel) != 0) die("%s: cannot link: %s", target, strerror(errno));
  } else {
    files[(*count)++] = (struct decode_file){e, open_memfd(v, rel, target, e)};
  }
}

struct materialising {
  struct view *view;
  const struct onebin_archive *archive;
  const struct choice *choice;
  const char *root;
};

/* The decoders' hook: a checked program gets its slots filled. */
static void prepare_file(void *context, const struct decode_file *f, uint8_t *content) {
  const struct materialising *m = context;
  if (!(f->entry->flags & ONEBIN_PROGRAM)) return;
  char rel[PATH_SIZE], target[PATH_SIZE + 256];
  entry_paths(m->archive, f->entry, m->root, rel, target);
  patch_slots(m->view, rel, f->entry, content, f->fd >= 0, m->choice);
}

/* Directories and links get their packed times once everything is in them,
 * deepest first: creating an entry changes its directory's time. Entries of
 * the host's families were not made (type 0 here). */
static void stamp_times(const struct onebin_archive *a, const struct onebin_entry *entries, uint32_t total, int dir_fd) {
  char rel[PATH_SIZE];
  for (uint32_t i = total; i-- > 0;) {
    if (entries[i].type != ONEBIN_DIR && entries[i].type != ONEBIN_SYMLINK) continue;
    struct timespec times[2];
    onebin_entry_times(&entries[i], times);
    snprintf(rel, sizeof rel, "%.*s", (int)entries[i].path_size, a->strings + entries[i].path);
    utimensat(dir_fd, rel, times, AT_SYMLINK_NOFOLLOW);
  }
}

static int is_template(const struct onebin_entry *e) { return e->type == ONEBIN_FILE && (e->flags & (ONEBIN_TEMPLATE | ONEBIN_ENVIRONMENT)); }

/* What the cache may share between trees (cache.h). */
static int shareable(const struct onebin_entry *e) {
  return e->size > 0 && !(e->flags & (ONEBIN_PROGRAM | ONEBIN_TEMPLATE | ONEBIN_ENVIRONMENT));
}

/* Files the cache holds already are linked in, not unpacked: returns how
 * many of `files` are left to unpack, moved to its front. */
static size_t reuse_stored(const struct view *v, const struct onebin_archive *a, int root_fd, struct decode_file *files,
                           size_t count) {
  char rel[PATH_SIZE];
  size_t left = 0;
  for (size_t k = 0; k < count; k++) {
    snprintf(rel, sizeof rel, "%.*s", (int)files[k].entry->path_size, a->strings + files[k].entry->path);
    if (!shareable(files[k].entry) || cache_reuse(v->store_fd, root_fd, files[k].entry, rel) != 0) files[left++] = files[k];
  }
  return left;
}

/* `appdir`: what templates name the view with (formats/README.md, flags 4
 * and 5); NULL writes them as packed (extraction). */
/* Everything is made through root_fd, which names `root` (for messages). */
static void materialise(struct view *v, struct onebin_archive *a, const struct choice *c, int root_fd,
                        const char *root, const char *appdir) {
  uint32_t total = a->header.entry_count;
  struct onebin_entry *entries = calloc(total ? total : 1, sizeof *entries);
  struct decode_file *files = calloc(total ? total : 1, sizeof *files);
  if (!entries || !files) die("out of memory");
  size_t count = 0;
  for (uint32_t i = 0; i < total; i++) {
    onebin_entry_at(a, i, &entries[i]);
    if (c->keeps && !c->keeps[i]) entries[i].type = 0;
    else if (!(appdir && is_template(&entries[i]))) create_entry(v, a, &entries[i], root_fd, root, files, &count);
  }
  if (v->store_fd >= 0) count = reuse_stored(v, a, root_fd, files, count);
  debug("timing: %.2f ms: directories, links and memfds made; %zu files to write", elapsed_ms(), count);
  struct materialising context = {v, a, c, root};
  struct decode_target target = {root_fd, prepare_file, &context};
  size_t failed = 0;
  const char *error = decode_files(a, &target, files, count, &failed);
  debug("timing: %.2f ms: decompressed, checked and written", elapsed_ms());
  char rel[PATH_SIZE], target_path[PATH_SIZE + 256];
  if (error) {
    entry_paths(a, files[failed].entry, root, rel, target_path);
    die("%s: %s", rel, error);
  }
  for (uint32_t i = 0; appdir && i < total; i++)
    if (is_template(&entries[i])) write_template(a, &entries[i], target.dir_fd, appdir);
  stamp_times(a, entries, total, root_fd);
  for (size_t k = 0; v->store_fd >= 0 && k < count; k++) {
    entry_paths(a, files[k].entry, root, rel, target_path);
    if (shareable(files[k].entry)) cache_keep(v->store_fd, root_fd, files[k].entry, rel);
  }
  for (size_t k = 0; k < count; k++) {
    if (files[k].fd < 0) continue;
    entry_paths(a, files[k].entry, root, rel, target_path);
    seal_and_link(v, files[k].fd, root_fd, rel, target_path);
  }
  debug("timing: %.2f ms: memfds sealed and linked", elapsed_ms());
  free(files);
  free(entries);
}

void view_materialise_at(struct view *v, struct onebin_archive *a, const struct choice *c, int root_fd, const char *root) {
  materialise(v, a, c, root_fd, root, v->dir);
}

void view_materialise(struct view *v, struct onebin_archive *a, const struct choice *c) {
  materialise(v, a, c, v->dir_fd, v->dir, v->dir);
  if (!v->exec_allowed) setrlimit(RLIMIT_NOFILE, &saved_nofile);
}

void view_extract(struct onebin_archive *a, const char *dir, const uint8_t *keeps) {
  if (strlen(dir) > 255) die("%.64s...: too long a path to extract into (over 255 bytes)", dir);
  const char *unfit = onebin_extract_target(dir, 0);
  if (unfit) die("%s: %s; extract into a new or empty directory of your own", dir, unfit);
  /* Written through a descriptor of the directory just checked: renaming
   * another one into its place now changes nothing. */
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) die("%s: cannot open: %s", dir, strerror(errno));
  if ((st.st_uid != geteuid() && st.st_uid != 0) || (st.st_mode & 022)) die("%s: replaced while it was checked", dir);
  struct view plain = {.exec_allowed = 1, .memfd_allowed = 0, .dir_fd = fd, .store_fd = -1};
  struct choice chosen = {0, 0, 0, NULL, 0, keeps};
  materialise(&plain, a, &chosen, fd, dir, NULL);
  close(fd);
}
