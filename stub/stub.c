/* The onebin stub: the first bytes of every packed file. It reads the
 * container appended to itself (formats/README.md), decides which glibc and
 * C++ runtime to use, materialises the app (view.h) and execs it with the
 * caller's argv, environment and descriptors. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../formats/container.h"
#include "../formats/libraries.h"
#include "appimage.h"
#include "cache.h"
#include "cleanup.h"
#include "desktop.h"
#include "host_versions.h"
#include "log.h"
#include "templates.h"
#include "view.h"

extern char **environ;

static void map_self(const char *self, struct onebin_archive *archive) {
  int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) die("%s: cannot read the packed file (is /proc mounted?): %s", self, strerror(errno));
  void *map = st.st_size ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  if (map == MAP_FAILED) die("%s: cannot map the packed file: %s", self, strerror(errno));
  close(fd);
  const char *error = onebin_open(map, (uint64_t)st.st_size, archive);
  if (error) die("%s: %s", self, error);
}

static void entry_path(const struct onebin_archive *a, uint32_t i, char *out, size_t size) {
  struct onebin_entry e;
  onebin_entry_at(a, i, &e);
  snprintf(out, size, "%.*s", (int)e.path_size, a->strings + e.path);
}

/* What the bundle holds of each libc family, read in one pass over the index. */
struct bundled {
  uint32_t version[4]; /* by family: newest version defined (formats/README.md) */
  char loader[4096];   /* path of the bundled glibc loader, "" if none */
};

static void scan_bundle(const struct onebin_archive *a, struct bundled *b) {
  memset(b, 0, sizeof *b);
  for (uint32_t i = 0; i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    if (e.family < 4 && e.version > b->version[e.family]) b->version[e.family] = e.version;
    if (e.flags & ONEBIN_LOADER) entry_path(a, i, b->loader, sizeof b->loader);
  }
}

/* The newest version the host's library of the family defines. */
static uint32_t host_version(unsigned family) {
  const struct onebin_family_info *f = onebin_family_info(family);
  return host_library_version(f->soname, f->version_prefix);
}

/* The host's copy only when the bundle has one too: no look-up otherwise. */
static int host_is_newer(unsigned family, uint32_t bundled) {
  if (!bundled) return 0;
  uint32_t host = host_version(family);
  char t1[32], t2[32];
  debug("%s: host %s, bundled %s -> %s", onebin_family_info(family)->soname, onebin_version_text(host, t1),
        onebin_version_text(bundled, t2), host >= bundled ? "host" : "bundled");
  return host >= bundled;
}

/* glibc: the host's when it is at least what the bundle needs. libstdc++ and
 * libgcc_s: whichever copy is newer. Each decision is logged. */
static void choose(const struct onebin_archive *a, struct choice *c, struct bundled *b) {
  char t1[32], t2[32];
  scan_bundle(a, b);
  uint32_t needed = a->header.glibc_needed, bundled = b->version[ONEBIN_FAMILY_GLIBC];
  uint32_t host = access(ONEBIN_HOST_LOADER, X_OK) == 0 ? host_version(ONEBIN_FAMILY_GLIBC) : 0;
  /* needed is 0 when no packed file is linked against glibc (static programs, scripts). */
  c->host_glibc = needed == 0 || (host && host >= needed);
  debug("glibc: bundle needs %s, host has %s, bundled %s -> %s", onebin_version_text(needed, t1), onebin_version_text(host, t2),
        bundled ? "yes" : "no", c->host_glibc ? "host" : "bundled");
  if (!c->host_glibc && (!bundled || !b->loader[0]))
    die("this app needs glibc %s; the host has %s and the bundle has no glibc of its own", onebin_version_text(needed, t1),
        onebin_version_text(host, t2));
  c->loader = c->host_glibc ? NULL : b->loader;
  c->host_libstdcxx = host_is_newer(ONEBIN_FAMILY_LIBSTDCXX, b->version[ONEBIN_FAMILY_LIBSTDCXX]);
  c->host_libgcc = host_is_newer(ONEBIN_FAMILY_LIBGCC, b->version[ONEBIN_FAMILY_LIBGCC]);
  c->allow_host_copies = 1;
}

/* The bundled glibc looks for its gconv modules (iconv) only at its
 * compiled-in directory, which this host may lack or keep elsewhere: the
 * packer put them beside the bundled loader, when the app uses iconv. */
static void point_at_gconv(const char *dir, const char *loader) {
  const char *slash = strrchr(loader, '/');
  char path[4096 + 256];
  int n = snprintf(path, sizeof path, "%s/%.*s%sgconv", dir, slash ? (int)(slash - loader) : 0, loader, slash ? "/" : "");
  if (n < 0 || (size_t)n >= sizeof path || access(path, R_OK | X_OK) != 0) return;
  debug("GCONV_PATH=%s (the bundled glibc's gconv modules)", path);
  setenv("GCONV_PATH", path, 1);
}

/* The interpreter a script's first line names, when the app carries a file
 * at that path: "" otherwise, and the kernel runs the script with the host's.
 * *arg gets the line's optional argument (the kernel passes the rest of the
 * line as one). */
static void own_interpreter(const char *dir, const char *script, char *interp, size_t size, char **arg) {
  static char line[256]; /* what the kernel reads of a script (BINPRM_BUF_SIZE) */
  interp[0] = 0;
  int fd = open(script, O_RDONLY | O_CLOEXEC);
  ssize_t n = fd >= 0 ? read(fd, line, sizeof line - 1) : -1;
  if (fd >= 0) close(fd);
  if (n < 3 || line[0] != '#' || line[1] != '!') return;
  line[n] = 0;
  char *end = strchr(line, '\n');
  if (!end) return;
  *end = 0;
  char *name = line + 2 + strspn(line + 2, " \t");
  char *rest = name + strcspn(name, " \t");
  if (*rest) *rest++ = 0;
  rest += strspn(rest, " \t");
  for (char *tail = rest + strlen(rest); tail > rest && (tail[-1] == ' ' || tail[-1] == '\t');) *--tail = 0;
  *arg = *rest ? rest : NULL;
  int length = snprintf(interp, size, "%s%s", dir, name);
  if (name[0] != '/' || length < 0 || (size_t)length >= size || access(interp, X_OK) != 0) interp[0] = 0;
}

/* Runs argv[0], a path in the view. A script whose #! interpreter the app
 * carries runs with the app's copy (started by its path in the view, so it
 * finds its own files); anything else as exec runs it. `elf`: the packer
 * knows it is an ELF program, so there is no #! line to read. */
static void exec_app(const char *dir, char **argv, int elf) {
  char interp[4096 + 256], *arg = NULL;
  interp[0] = 0;
  if (!elf) own_interpreter(dir, argv[0], interp, sizeof interp, &arg);
  if (interp[0]) {
    size_t argc = 0;
    while (argv[argc]) argc++;
    char **args = calloc(argc + 3, sizeof *args);
    if (!args) die("out of memory");
    size_t k = 0;
    args[k++] = interp;
    if (arg) args[k++] = arg;
    memcpy(args + k, argv, (argc + 1) * sizeof *args);
    debug("exec %s (the app's interpreter of %s)", interp, argv[0]);
    execve(interp, args, environ);
    die("cannot run %s: %s", interp, strerror(errno));
  }
  debug("exec %s", argv[0]);
  execve(argv[0], argv, environ);
}

/* Calls `each` with the fields of every line of the host-libraries file
 * (formats/README.md, flag bit 7); returns how many calls returned nonzero. */
static int each_host_library(struct onebin_archive *a, int (*each)(const char *soname, const char *why, const char *users)) {
  if (a->host_libraries == ONEBIN_NO_ENTRY) return 0;
  struct onebin_entry e;
  onebin_entry_at(a, a->host_libraries, &e);
  char *text = entry_text(a, &e), *save = NULL;
  int count = 0;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    char *why = strchr(line, '\t'), *users = why ? strchr(why + 1, '\t') : NULL;
    if (!users) continue;
    *why++ = 0, *users++ = 0;
    count += each(line, why, users) != 0;
  }
  free(text);
  return count;
}

static int is_missing(const char *soname, const char *why, const char *users) {
  (void)why, (void)users;
  return !host_has_library(soname);
}

static int report_if_missing(const char *soname, const char *why, const char *users) {
  if (!is_missing(soname, why, users)) return 0;
  fprintf(stderr, "  %s (%s; needed by %s)\n", soname, why, users);
  return 1;
}

static int print_host_library(const char *soname, const char *why, const char *users) {
  (void)users;
  printf("host library: %s (%s): %s\n", soname, why, host_has_library(soname) ? "found" : "missing");
  return 0;
}

/* Libraries only the host can give are looked for before anything else, so
 * that a host lacking several hears of all of them, not of the first one
 * ld.so stops at. */
static void check_host_libraries(struct onebin_archive *a) {
  if (each_host_library(a, is_missing) == 0) return;
  fputs("onebin: error: this system lacks libraries that the app takes from the host, which are not packed "
        "(install them, or pack without --host-lib for those it names):\n", stderr);
  each_host_library(a, report_if_missing);
  exit(127);
}

/* The directory the packer flagged as the app's data (formats/README.md,
 * flag bit 6) becomes descriptor ONEBIN_DATA_FD, left open across exec: the
 * program names it as ONEBIN_DATA_PATH. */
static void open_data_dir(const struct onebin_archive *a, const struct view *v) {
  if (a->data_dir == ONEBIN_NO_ENTRY) return;
  struct onebin_entry e;
  onebin_entry_at(a, a->data_dir, &e);
  char rel[ONEBIN_PATH_MAX + 1], path[ONEBIN_PATH_MAX + 1 + sizeof v->dir];
  snprintf(rel, sizeof rel, "%.*s", (int)e.path_size, a->strings + e.path); /* the reader bounds paths */
  snprintf(path, sizeof path, "%s/%s", v->dir, rel);
  if (fcntl(ONEBIN_DATA_FD, F_GETFD) != -1)
    debug_print("warning: descriptor %d, which the app was started with, now holds the app's data directory", ONEBIN_DATA_FD);
  int fd = openat(v->dir_fd, rel, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) die("%s: cannot open: %s", path, strerror(errno));
  if (fd == ONEBIN_DATA_FD ? fcntl(fd, F_SETFD, 0) != 0 : dup2(fd, ONEBIN_DATA_FD) != ONEBIN_DATA_FD)
    die("%s: cannot keep it open as descriptor %d: %s", path, ONEBIN_DATA_FD, strerror(errno));
  if (fd != ONEBIN_DATA_FD) close(fd);
  if (access(ONEBIN_DATA_PATH, F_OK) != 0)
    debug_print("warning: %s: %s (this system has no /dev/fd); the app will not find its data", ONEBIN_DATA_PATH,
                strerror(errno));
  debug("data directory %s is descriptor %d, %s", path, ONEBIN_DATA_FD, ONEBIN_DATA_PATH);
}

static void print_info(struct onebin_archive *a) {
  char main_path[4096], t[32];
  struct bundled b;
  scan_bundle(a, &b);
  entry_path(a, a->header.main_entry, main_path, sizeof main_path);
  printf("format: onebin %u\n", a->trailer.version);
  printf("stub: onebin %s\n", ONEBIN_VERSION);
  printf("entries: %u\n", a->header.entry_count);
  printf("main: %s\n", main_path);
  printf("glibc needed: %s\n", onebin_version_text(a->header.glibc_needed, t));
  printf("glibc bundled: %s\n", onebin_version_text(b.version[ONEBIN_FAMILY_GLIBC], t));
  printf("glibc on this host: %s\n", onebin_version_text(host_version(ONEBIN_FAMILY_GLIBC), t));
  print_environment(a);
  each_host_library(a, print_host_library);
}

static void print_help(const char *self, const struct onebin_archive *a) {
  printf("%s is an app packed by onebin. Arguments are passed to the app, except:\n"
         "  --onebin-help         this text\n"
         "  --onebin-info         what is packed and what this host offers\n"
         "  --onebin-extract DIR  write the packed files into DIR and exit\n"
         "  --onebin-install      add the app's menu entry, icon and metadata to $XDG_DATA_HOME\n"
         "  --onebin-uninstall    remove what --onebin-install added\n"
         "  --onebin-portable-home, --onebin-portable-config\n"
         "                        make FILE.home (FILE.config) beside this file: the app's HOME\n"
         "                        (XDG_CONFIG_HOME) at every launch while it is a directory of yours\n"
         "                        that nobody else may write\n"
         "  --onebin-cache=MODE   before the app's arguments: auto runs apps of %d MB or %d files or more\n"
         "                        from a copy unpacked once into ~/.cache/onebin/apps, smaller ones from\n"
         "                        memory; always and never decide for any size (this file's default: %s)\n"
         "Environment: ONEBIN_DEBUG=1 prints each launch decision to stderr; ONEBIN_CACHE_MAX_MB bounds\n"
         "the cache (default %llu), whose least recently used apps go first.\n"
         "AppImage's options (--appimage-extract, --appimage-extract-and-run...): --appimage-help.\n",
         self, ONEBIN_CACHE_AUTO_MB, ONEBIN_CACHE_AUTO_FILES, onebin_cache_name(a->header.cache), CACHE_MAX_BYTES >> 20);
}

/* The packed file's absolute path, "" if unknown; read once per launch. */
static const char *packed_path(void) {
  static char packed[ONEBIN_PATH_MAX + 1];
  if (packed[0]) return packed;
  ssize_t n = readlink("/proc/self/exe", packed, sizeof packed - 1);
  packed[n > 0 ? n : 0] = 0;
  return packed;
}

/* Returns only if argv[1] is not a stub option. */
static void handle_stub_option(int argc, char **argv, struct onebin_archive *a) {
  if (argc < 2 || strncmp(argv[1], "--onebin-", 9) != 0) return;
  if (!strcmp(argv[1], "--onebin-help")) print_help(argv[0], a);
  else if (!strcmp(argv[1], "--onebin-info")) print_info(a);
  else if (!strcmp(argv[1], "--onebin-extract") && argc == 3) view_extract(a, argv[2], NULL);
  else if (!strcmp(argv[1], "--onebin-install")) desktop_install(a, packed_path());
  else if (!strcmp(argv[1], "--onebin-uninstall")) desktop_uninstall(a);
  else if (!strcmp(argv[1], "--onebin-portable-home")) appimage_make_portable(packed_path(), "home");
  else if (!strcmp(argv[1], "--onebin-portable-config")) appimage_make_portable(packed_path(), "config");
  else die("unknown option %s (see --onebin-help)", argv[1]);
  exit(0);
}

/* A standard descriptor the caller closed is held by a close-on-exec
 * placeholder while the stub works, so that none of its own files (a
 * library's memfd, the watcher's pipe) becomes the app's stdin or stdout;
 * exec closes it again and the app finds it closed, as it would unpacked. */
static void hold_closed_standard_descriptors(void) {
  for (int fd = 0; fd <= 2; fd++)
    if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      int placeholder = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (placeholder != fd) die("cannot hold closed descriptor %d: %s", fd, placeholder < 0 ? strerror(errno) : "taken");
    }
}

int main(int argc, char **argv) {
  hold_closed_standard_descriptors();
  const char *self = argc > 0 ? argv[0] : "onebin";
  const char *flag = getenv("ONEBIN_DEBUG");
  onebin_debug = flag && !strcmp(flag, "1");
  elapsed_ms();
  struct onebin_archive archive;
  map_self(self, &archive);
  debug("timing: %.2f ms: trailer and index read and checked", elapsed_ms());
  enum onebin_cache cache = cache_mode_from_args(&argc, argv, (enum onebin_cache)archive.header.cache);
  handle_stub_option(argc, argv, &archive);
  appimage_option(&argc, argv, &archive, packed_path());

  struct choice choice;
  static struct bundled bundled; /* choice.loader points into it */
  char program[8448];
  check_host_libraries(&archive);
  choose(&archive, &choice, &bundled);
  choice.keeps = view_decide(&archive, &choice);
  debug("timing: %.2f ms: decided what the host gives", elapsed_ms());
  struct view view;
  struct view_size need = view_size_of(&archive);
  if (!cache_wanted(cache, &need) || cache_view(&view, &archive, &choice, &need) != 0) {
    view_create(&view, &need);
    start_watcher(view.dir);
    view_materialise(&view, &archive, &choice);
  }

  char rel[4096];
  entry_path(&archive, archive.header.main_entry, rel, sizeof rel);
  snprintf(program, sizeof program, "%s/%s", view.dir, rel);
  apply_environment(&archive, view.dir);
  if (choice.loader) point_at_gconv(view.dir, choice.loader);
  open_data_dir(&archive, &view);
  setenv("ONEBIN_APPDIR", view.dir, 1);
  setenv("ONEBIN_FILE", packed_path(), 1);
  /* The app is started by its path in the view, as if run unpacked by its
   * full path: programs that find their files from argv[0] (CPython, $0 in
   * scripts) find the view. The name the user ran goes in ARGV0, as
   * AppImage does it. */
  setenv("ARGV0", argc > 0 ? argv[0] : "", 1);
  appimage_environment(packed_path(), view.dir); /* APPIMAGE, APPDIR, OWD, FILE.home: as AppImage's runtime */
  char *no_args[] = {program, NULL};
  if (argc > 0) argv[0] = program;
  debug("timing: %.2f ms: exec", elapsed_ms());
  struct onebin_entry main_entry;
  onebin_entry_at(&archive, archive.header.main_entry, &main_entry);
  exec_app(view.dir, argc > 0 ? argv : no_args, main_entry.type == ONEBIN_FILE && (main_entry.flags & ONEBIN_PROGRAM));
  die("%s: cannot run %s: %s", self, program, strerror(errno));
}
