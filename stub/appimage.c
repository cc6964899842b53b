/* AppImage's launch interface (appimage.h). Its meanings follow AppImage's
 * type-2 runtime; where a packed file differs (no FUSE mount, a safer
 * extraction, portable directories that others cannot plant) README.md
 * ("AppImage's launch interface") says so. */
#define _GNU_SOURCE
#include "appimage.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "templates.h"
#include "trusted_dir.h"
#include "view.h"

#define EXTRACT_DIR "squashfs-root" /* where AppImage's --appimage-extract writes, in the caller's directory */

/* -1, 0 or 1 as entry i's path sorts before, as or after path[0..size). */
static int compare_path(const struct onebin_archive *a, uint32_t i, const char *path, size_t size) {
  struct onebin_entry e;
  onebin_entry_at(a, i, &e);
  size_t common = e.path_size < size ? e.path_size : size;
  int order = memcmp(a->strings + e.path, path, common);
  return order ? order : (e.path_size > size) - (e.path_size < size);
}

/* The entry whose path is path[0..size), or ONEBIN_NO_ENTRY: entries are
 * sorted by path, bytewise (formats/README.md). */
static uint32_t find_path(const struct onebin_archive *a, const char *path, size_t size) {
  uint32_t low = 0, high = a->header.entry_count;
  while (low < high) {
    uint32_t middle = low + (high - low) / 2;
    int order = compare_path(a, middle, path, size);
    if (order == 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle;
  }
  return ONEBIN_NO_ENTRY;
}

/* [...] at *p (p at '['): 1 if c is in the class, 0 if not, -1 if the
 * class is not closed (then '[' is an ordinary character); *p moves past it. */
static int in_class(const char **p, char c) {
  const char *q = *p + 1;
  int negate = *q == '!' || *q == '^', found = 0;
  q += negate;
  for (const char *start = q; *q && (*q != ']' || q == start); q++) {
    if (q[1] == '-' && q[2] && q[2] != ']') {
      found |= c >= q[0] && c <= q[2];
      q += 2;
    } else {
      found |= c == *q;
    }
  }
  if (*q != ']') return -1;
  *p = q;
  return found != negate;
}

/* fnmatch(pattern, path, FNM_PATHNAME | FNM_LEADING_DIR) for what patterns
 * hold (*, ?, [...], \), in bytes: musl's fnmatch, with its multibyte
 * tables, cost the stub 18 KB. */
static int matches(const char *p, const char *s) {
  for (;; p++, s++) {
    switch (*p) {
      case 0:
        return !*s || *s == '/';
      case '*':
        while (p[1] == '*') p++;
        for (;; s++) {
          if (matches(p + 1, s)) return 1;
          if (!*s || *s == '/') return 0;
        }
      case '?':
        if (!*s || *s == '/') return 0;
        break;
      case '[': {
        int in = *s && *s != '/' ? in_class(&p, *s) : 0;
        if (in == 0 || (in < 0 && *s != '[')) return 0;
        break;
      }
      case '\\':
        if (p[1]) p++;
        /* fallthrough */
      default:
        if (*p != *s) return 0;
    }
  }
}

/* Per entry, 1 when it matches the glob as AppImage matches it (a pattern
 * naming a directory takes what is under it) or is the parent directory of
 * one that does: the extractor writes entries in order through their
 * parents, which the index holds as directory entries. */
static uint8_t *matching(const struct onebin_archive *a, const char *pattern) {
  uint8_t *keeps = calloc(a->header.entry_count ? a->header.entry_count : 1, 1);
  if (!keeps) die("out of memory");
  char path[ONEBIN_PATH_MAX + 1];
  for (uint32_t i = 0; i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    snprintf(path, sizeof path, "%.*s", (int)e.path_size, a->strings + e.path); /* the reader bounds paths */
    if (!matches(pattern, path)) continue;
    keeps[i] = 1;
    for (char *slash = strchr(path, '/'); slash; slash = strchr(slash + 1, '/')) {
      uint32_t parent = find_path(a, path, (size_t)(slash - path));
      if (parent != ONEBIN_NO_ENTRY) keeps[parent] = 1;
    }
  }
  return keeps;
}

/* --appimage-extract [PATTERN]: into ./squashfs-root, by the extractor and
 * the rules of --onebin-extract (a new or empty directory of the user's),
 * naming each path written as AppImage does. */
static void extract(struct onebin_archive *a, const char *pattern) {
  uint8_t *keeps = pattern ? matching(a, pattern) : NULL;
  view_extract(a, EXTRACT_DIR, keeps);
  for (uint32_t i = 0; i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    if (!keeps || keeps[i]) printf(EXTRACT_DIR "/%.*s\n", (int)e.path_size, a->strings + e.path);
  }
  free(keeps);
}

static void print_hex(const char *label, const uint8_t *bytes, size_t size) {
  printf("%s: ", label);
  for (size_t i = 0; i < size; i++) printf("%02x", bytes[i]);
  putchar('\n');
}

/* A signed file's signature block (formats/README.md) lies before the
 * trailer; the stub shows it and checks nothing (onebin verify does). */
static void print_signature(const struct onebin_archive *a) {
  if (!(a->trailer.flags & ONEBIN_SIGNED)) return;
  const uint8_t *block = a->file + a->file_size - ONEBIN_TRAILER_SIZE - ONEBIN_SIGNATURE_SIZE;
  if (memcmp(block, "ONEBSIG\n", 8) != 0) die("the signature block is damaged (no ONEBSIG magic)");
  print_hex("public_key", block + 16, 32);
  print_hex("signature", block + 48, 64);
}

static void print_update_url(struct onebin_archive *a) {
  if (a->update_url == ONEBIN_NO_ENTRY) return;
  struct onebin_entry e;
  onebin_entry_at(a, a->update_url, &e);
  char *url = entry_text(a, &e);
  url[strcspn(url, "\n")] = 0; /* one line (formats/README.md) */
  printf("%s\n", url);
  free(url);
}

static void print_help(const char *self) {
  printf("%s is an app packed by onebin; it offers AppImage's launch interface:\n"
         "  --appimage-extract [PATTERN]  write the app's files (those matching the glob PATTERN and their\n"
         "                                directories) into a new or empty ./squashfs-root\n"
         "  --appimage-extract-and-run    run the app (it always runs from a private unpacked copy);\n"
         "                                so does APPIMAGE_EXTRACT_AND_RUN=1\n"
         "  --appimage-help               this text\n"
         "  --appimage-version            the version of the onebin stub\n"
         "  --appimage-offset             where the packed files start: a onebin container, not squashfs\n"
         "  --appimage-updateinformation  the update URL it was packed with (onebin pack --update-url)\n"
         "  --appimage-signature          the public key and signature of a signed file, in hex\n"
         "  --appimage-portable-home      make FILE.home beside it: the app's HOME at every launch\n"
         "  --appimage-portable-config    make FILE.config: the app's XDG_CONFIG_HOME\n"
         "  --appimage-mount              not offered (no FUSE): use --appimage-extract\n"
         "The app gets APPIMAGE (this file), APPDIR (its files), OWD (the caller's directory) and ARGV0.\n"
         "--onebin-help lists onebin's own options.\n",
         self);
}

/* FILE.KIND into out; -1 when it does not fit. */
static int portable_path(const char *packed, const char *kind, char *out, size_t size) {
  int n = snprintf(out, size, "%s.%s", packed, kind);
  return packed[0] && n > 0 && (size_t)n < size ? 0 : -1;
}

/* Why someone else could rename a directory of the user's in the directory
 * holding `path` (and put theirs in its place after the check), or NULL:
 * that directory and every one above it are checked by the trusted-directory
 * rule. */
static const char *parent_unfit(const char *path) {
  static char reason[ONEBIN_PATH_MAX + 160];
  char parent[ONEBIN_PATH_MAX + 1], real[PATH_MAX];
  const char *slash = strrchr(path, '/'), *why = NULL;
  int n = snprintf(parent, sizeof parent, "%.*s", slash && slash != path ? (int)(slash - path) : 1, slash ? path : "/");
  if (n < 0 || (size_t)n >= sizeof parent || !realpath(parent, real)) return "its directory cannot be read";
  int fd = trust_open_path(real, 0, &why);
  if (fd >= 0) return close(fd), NULL;
  n = snprintf(reason, sizeof reason, "the directory it is in: %s", why);
  return n > 0 && (size_t)n < sizeof reason ? reason : why;
}

/* Why FILE.home or FILE.config must not be the app's, "" when there is
 * none, NULL when it may be: a directory of the user's, not a link, that
 * nobody else may write (trusted_dir.h), in a directory where nobody else
 * may replace it. Otherwise another user who can write where the packed
 * file is (/tmp, a shared folder) would choose the app's HOME. */
static const char *portable_unfit(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? "" : errno == ELOOP || errno == ENOTDIR ? "a link or not a directory" : strerror(errno);
  struct stat st;
  const char *why = fstat(fd, &st) != 0 ? "cannot be read" : trust_not_own(&st);
  close(fd);
  return why ? why : parent_unfit(path);
}

_Noreturn void appimage_make_portable(const char *packed, const char *kind) {
  char path[ONEBIN_PATH_MAX + 16];
  if (portable_path(packed, kind, path, sizeof path) != 0) die("cannot name this file's portable %s directory", kind);
  if (mkdir(path, 0700) != 0) die("%s: cannot create: %s", path, strerror(errno));
  const char *why = portable_unfit(path);
  if (why) die("%s: created, but it will not be used: %s", path, why);
  printf("Portable %s directory created at %s\n", kind, path);
  exit(0);
}

/* Points `variable` at FILE.KIND when it may be the app's. */
static void use_portable(const char *packed, const char *kind, const char *variable) {
  char path[ONEBIN_PATH_MAX + 16];
  if (portable_path(packed, kind, path, sizeof path) != 0) return;
  const char *why = portable_unfit(path);
  if (why && !why[0]) return;
  if (why) {
    debug("%s: ignored, not the app's %s: %s", path, variable, why);
    return;
  }
  debug("%s=%s (the portable %s directory beside the packed file)", variable, path, kind);
  setenv(variable, path, 1);
}

void appimage_environment(const char *packed, const char *appdir) {
  if (packed[0]) setenv("APPIMAGE", packed, 1);
  setenv("APPDIR", appdir, 1);
  char owd[ONEBIN_PATH_MAX + 1];
  if (getcwd(owd, sizeof owd)) setenv("OWD", owd, 1);
  use_portable(packed, "home", "HOME");
  use_portable(packed, "config", "XDG_CONFIG_HOME");
}

void appimage_option(int *argc, char **argv, struct onebin_archive *a, const char *packed) {
  if (*argc < 2 || strncmp(argv[1], "--appimage-", 11) != 0) return;
  const char *option = argv[1] + 11;
  if (!strcmp(option, "extract-and-run")) {
    memmove(argv + 1, argv + 2, (size_t)(*argc - 1) * sizeof *argv); /* argv[argc], NULL, moves too */
    (*argc)--;
    return;
  }
  if (!strcmp(option, "extract") && *argc <= 3) extract(a, *argc == 3 ? argv[2] : NULL);
  else if (!strcmp(option, "extract")) die("usage: %s --appimage-extract [PATTERN]", argv[0]);
  else if (!strcmp(option, "help")) print_help(argv[0]);
  else if (!strcmp(option, "version")) printf("AppImage runtime version: onebin %s\n", ONEBIN_VERSION);
  else if (!strcmp(option, "offset")) printf("%llu\n", (unsigned long long)a->trailer.payload_offset);
  else if (!strcmp(option, "updateinformation") || !strcmp(option, "updateinfo")) print_update_url(a);
  else if (!strcmp(option, "signature")) print_signature(a);
  else if (!strcmp(option, "portable-home") || !strcmp(option, "portable-config")) appimage_make_portable(packed, option + 9);
  else if (!strcmp(option, "mount"))
    die("--appimage-mount: a onebin file mounts nothing (no FUSE); --appimage-extract writes its files into ./squashfs-root");
  else die("%s is not supported by onebin (see --appimage-help)", argv[1]);
  exit(0);
}
