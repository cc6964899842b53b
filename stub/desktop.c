#define _GNU_SOURCE
#include "desktop.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "log.h"
#include "templates.h"
#include "trusted_dir.h"

extern char **environ;

#define PATH_SIZE ((int)ONEBIN_PATH_MAX + 1)
#define NAME_SIZE 256

/* The packed files to install, read from the index. */
struct desktop {
  struct onebin_entry entry, icon, appdata;
  int has_entry, has_icon, has_appdata, mime_count;
  struct onebin_entry mime[8]; /* shared-mime-info packages: new MIME types */
  char id[NAME_SIZE];          /* the entry's name without .desktop */
};

/* Why NAME cannot be one file's name in the data home, or NULL: a packed
 * file is input like any other, and a crafted one may name ../.. . */
static const char *bad_name(const char *name) {
  if (!name[0]) return "empty";
  if (!strcmp(name, ".") || !strcmp(name, "..")) return "not a file name";
  for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
    if (*c == '/') return "has a slash";
    if (*c < 0x20 || *c == 0x7f) return "has a control character";
  }
  return NULL;
}

static void check_name(const char *what, const char *name) {
  const char *why = bad_name(name);
  if (why) die("the packed %s '%s': %s: nothing installed", what, name, why);
}

static const char *name_of(const struct onebin_archive *a, const struct onebin_entry *e, char out[NAME_SIZE]) {
  size_t skip = sizeof ONEBIN_DESKTOP_DIR; /* and the slash */
  size_t size = e->path_size > skip ? e->path_size - skip : 0;
  if (size >= NAME_SIZE) die("the packed desktop file %.*s: name too long", (int)e->path_size, a->strings + e->path);
  memcpy(out, a->strings + e->path + skip, size);
  out[size] = 0;
  return out;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n > m && !strcmp(s + n - m, suffix);
}

/* The desktop files and their names, each checked (install and uninstall
 * both use the id as a file name). */
static void find_files(const struct onebin_archive *a, struct desktop *d) {
  memset(d, 0, sizeof *d);
  char name[NAME_SIZE];
  for (uint32_t i = 0; i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    if (!(e.flags & ONEBIN_DESKTOP)) continue;
    name_of(a, &e, name);
    check_name("desktop file", name);
    if (ends_with(name, ".desktop")) {
      d->entry = e, d->has_entry = 1;
      snprintf(d->id, sizeof d->id, "%.*s", (int)(strlen(name) - 8), name); /* shorter than name */
      check_name("desktop entry's id", d->id);
    } else if (!strcmp(name, "icon.png") || !strcmp(name, "icon.svg")) d->icon = e, d->has_icon = 1;
    else if (ends_with(name, ".metainfo.xml") || ends_with(name, ".appdata.xml")) d->appdata = e, d->has_appdata = 1;
    else if (ends_with(name, ".xml") && d->mime_count < 8) d->mime[d->mime_count++] = e;
  }
  if (!d->has_entry) die("this packed file has no desktop entry to install (onebin pack --desktop FILE)");
}

/* $XDG_DATA_HOME if absolute (the spec ignores a relative one), else ~/.local/share. */
static void data_home(char out[PATH_SIZE]) {
  const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
  int n = xdg && xdg[0] == '/' ? snprintf(out, PATH_SIZE, "%s", xdg)
          : home && home[0] == '/' ? snprintf(out, PATH_SIZE, "%s/.local/share", home) : -1;
  if (n < 0) die("neither XDG_DATA_HOME nor HOME names a directory to install into");
  if (n >= PATH_SIZE) die("XDG_DATA_HOME: too long");
}

/* The data home, opened by the trusted-directory rule: the user's own, and
 * nothing above it another user may rename. Root running with a user's HOME
 * (sudo -E, su -m) is refused here: it would write where that user can
 * redirect it, and remove what that user's list names. What does not exist
 * yet is made when `create`; else -1 when some of it is missing. */
static int open_data_home(const char *data, int create) {
  char prefix[PATH_SIZE], real[PATH_MAX], part[PATH_SIZE];
  snprintf(prefix, sizeof prefix, "%s", data); /* data fits PATH_SIZE */
  while (!realpath(prefix, real)) {
    if (errno != ENOENT) die("%s: %s", prefix, strerror(errno));
    char *slash = strrchr(prefix, '/');
    slash[slash == prefix] = 0; /* "/" itself always resolves */
  }
  const char *rest = data + strlen(prefix), *why;
  rest += *rest == '/';
  if (*rest && !create) return -1;
  int fd = trust_open_path(real, !*rest, &why);
  if (fd < 0) die("%s: not a data directory of the user's own: %s: nothing done", real, why);
  while (*rest) {
    size_t n = strcspn(rest, "/");
    snprintf(part, sizeof part, "%.*s", (int)n, rest); /* shorter than data */
    if (n && (!strcmp(part, ".") || !strcmp(part, ".."))) die("%s: . or .. in a directory to create", data);
    int below = n ? trust_open_own(fd, part, 1, &why) : fd;
    if (below < 0) die("%.*s: %s: nothing installed", (int)(rest + n - data), data, why);
    if (below != fd) close(fd);
    fd = below;
    rest += n + (rest[n] == '/');
  }
  return fd;
}

/* What install made, as the list under onebin/installed names it: "dir
 * REL", "file REL" and "mime REL" lines in the order made, REL relative to
 * the data home. Install keeps it to undo a failed install. */
#define MADE_MAX 256 /* install makes 10 directories and 12 files at most */
struct made {
  int count;
  char *lines[MADE_MAX];
};

static void note(struct made *m, const char *kind, const char *rel, size_t length) {
  char *line = NULL;
  if (m->count == MADE_MAX) die("more than %d lines in a list of what was installed", MADE_MAX);
  if (asprintf(&line, "%s %.*s", kind, (int)length, rel) < 0) die("out of memory");
  m->lines[m->count++] = line;
}

/* The directory `part` in fd. A link there (a dotfiles manager links
 * ~/.local/share/applications) is followed once, to a directory that the
 * trusted-directory rule finds the user's own all the way from /. */
static int open_part(int fd, const char *part) {
  int below = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  if (below >= 0 || fstatat(fd, part, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISLNK(st.st_mode)) return below;
  char link[64 + NAME_SIZE], real[PATH_MAX];
  const char *why;
  snprintf(link, sizeof link, "/proc/self/fd/%d/%s", fd, part); /* part < NAME_SIZE */
  if (!realpath(link, real)) return -1;
  if ((below = trust_open_path(real, 1, &why)) < 0) errno = EACCES;
  return below;
}

/* The directory REL_DIR ("" the data home) below data_fd, opened one part
 * at a time, a link only to a directory of the user's own (open_part);
 * parts missing are made (and noted) when m is given. Its descriptor, or
 * -1 with errno. */
static int open_below(int data_fd, const char *rel_dir, struct made *m) {
  char part[NAME_SIZE];
  int fd = fcntl(data_fd, F_DUPFD_CLOEXEC, 0);
  for (const char *c = rel_dir; fd >= 0 && *c;) {
    size_t n = strcspn(c, "/");
    if (n >= sizeof part) return close(fd), errno = ENAMETOOLONG, -1;
    snprintf(part, sizeof part, "%.*s", (int)n, c); /* n < sizeof part */
    if (m && mkdirat(fd, part, 0755) == 0) note(m, "dir", rel_dir, (size_t)(c + n - rel_dir));
    int below = open_part(fd, part);
    int error = errno;
    close(fd);
    fd = below, errno = error;
    c += n + (c[n] == '/');
  }
  return fd;
}

/* REL's directory part (up to its last slash) in dir; returns its name. */
static const char *split(const char *rel, char dir[PATH_SIZE]) {
  const char *slash = strrchr(rel, '/');
  snprintf(dir, PATH_SIZE, "%.*s", slash ? (int)(slash - rel) : 0, rel); /* shorter than rel */
  return slash ? slash + 1 : rel;
}

/* Removes REL below data_fd (a directory when flags has AT_REMOVEDIR). */
static int remove_below(int data_fd, const char *rel, int flags) {
  char dir[PATH_SIZE];
  const char *name = split(rel, dir);
  int fd = open_below(data_fd, dir, NULL);
  int result = fd >= 0 ? unlinkat(fd, name, flags) : -1;
  if (fd >= 0) close(fd);
  return result;
}

/* A new file `name` in dir_fd with `size` bytes, written beside it and
 * renamed into place (a menu reading the directory sees it whole). */
static int write_new(int dir_fd, const char *name, const char *bytes, size_t size) {
  char temp[64];
  int fd = -1;
  for (int i = 0; fd < 0 && i < 100; i++) {
    snprintf(temp, sizeof temp, ".onebin-%d-%d", (int)getpid(), i); /* fits */
    fd = openat(dir_fd, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) return -1;
  }
  if (fd < 0) return -1;
  size_t done = 0;
  for (ssize_t n = 0; done < size; done += (size_t)n)
    if ((n = write(fd, bytes + done, size - done)) <= 0) break;
  int error = done < size ? (errno ? errno : EIO) : 0;
  if ((fchmod(fd, 0644) != 0 || close(fd) != 0 || renameat(dir_fd, temp, dir_fd, name) != 0) && !error) error = errno;
  if (!error) return 0;
  unlinkat(dir_fd, temp, 0);
  errno = error;
  return -1;
}

/* REL (new: installing replaces nothing of others) below the data home. */
static void install_file(struct made *m, int data_fd, const char *data, const char *rel, const char *bytes,
                         size_t size) {
  char dir[PATH_SIZE];
  const char *name = split(rel, dir);
  struct stat st;
  int fd = open_below(data_fd, dir, m);
  if (fd < 0) die("%s/%s: cannot create: %s", data, dir, strerror(errno));
  if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
    die("%s/%s: exists already, not installed by this file: remove it first", data, rel);
  if (write_new(fd, name, bytes, size) != 0) die("%s/%s: cannot write: %s", data, rel, strerror(errno));
  close(fd);
  note(m, "file", rel, strlen(rel));
  printf("installed %s/%s\n", data, rel);
}

/* `text` as a desktop entry's string value: \\, \n, \t and \r escaped (the
 * specification's escapes); other control characters cannot be written. */
static char *string_value(const char *text, const char *self) {
  char *out = malloc(2 * strlen(text) + 1), *o = out;
  if (!out) die("out of memory");
  for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
    const char *escape = *c == '\\' ? "\\\\" : *c == '\n' ? "\\n" : *c == '\t' ? "\\t" : *c == '\r' ? "\\r" : NULL;
    if (!escape && (*c < 0x20 || *c == 0x7f))
      die("%s: a control character in the path: a desktop entry cannot name it; rename the file", self);
    if (escape) o = stpcpy(o, escape);
    else *o++ = (char)*c;
  }
  *o = 0;
  return out;
}

/* The packed file as Exec's program: one quoted argument with " ` $ \
 * escaped and % doubled (the Exec key's rules, undone before field codes
 * expand), then escaped as a string value. */
static char *exec_value(const char *self) {
  char *quoted = malloc(2 * strlen(self) + 3), *q = quoted;
  if (!quoted) die("out of memory");
  *q++ = '"';
  for (const char *c = self; *c; c++) {
    if (strchr("\"`$\\", *c)) *q++ = '\\';
    else if (*c == '%') *q++ = '%';
    *q++ = *c;
  }
  strcpy(q, "\"");
  char *value = string_value(quoted, self);
  free(quoted);
  return value;
}

/* The entry with every Exec's program replaced by the packed file and
 * TryExec naming it. */
static char *rewritten_entry(const char *text, const char *self) {
  char *exec = exec_value(self), *tryexec = string_value(self, self);
  size_t lines = 1, n = 0;
  for (const char *c = text; *c; c++) lines += *c == '\n';
  size_t size = strlen(text) + lines * (strlen(exec) + strlen(tryexec) + 16);
  char *out = malloc(size);
  if (!out) die("out of memory");
  for (const char *line = text; *line;) {
    const char *end = strchr(line, '\n');
    size_t length = end ? (size_t)(end - line) : strlen(line);
    if (!strncmp(line, "TryExec=", 8)) {
    } else if (!strncmp(line, "Exec=", 5)) {
      const char *program = line + 5, *rest = program;
      if (*rest == '"') for (rest++; rest < line + length && *rest != '"'; rest += *rest == '\\' ? 2 : 1) {}
      while (rest < line + length && *rest != ' ') rest++;
      if (rest > line + length) rest = line + length; /* a quote ended by a backslash */
      n += (size_t)snprintf(out + n, size - n, "Exec=%s%.*s\n", exec, (int)(line + length - rest), rest);
    } else {
      n += (size_t)snprintf(out + n, size - n, "%.*s\n", (int)length, line);
      if (length == 15 && !strncmp(line, "[Desktop Entry]", 15)) n += (size_t)snprintf(out + n, size - n, "TryExec=%s\n", tryexec);
    }
    line += length + (end != NULL);
  }
  free(exec);
  free(tryexec);
  return out;
}

/* The icon's place in the hicolor theme: its size from a PNG's header. */
static void icon_path(char out[PATH_SIZE], const char *icon_name, const char *bytes, size_t size, int svg) {
  const unsigned char *b = (const unsigned char *)bytes;
  if (svg) snprintf(out, PATH_SIZE, "icons/hicolor/scalable/apps/%s.svg", icon_name); /* name < NAME_SIZE */
  else if (size >= 24 && !memcmp(b + 12, "IHDR", 4))
    snprintf(out, PATH_SIZE, "icons/hicolor/%ux%u/apps/%s.png", (unsigned)(b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19]),
             (unsigned)(b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23]), icon_name);
  else die("the packed icon is no PNG file");
}

/* The entry's Icon= value in its [Desktop Entry] group, checked: it becomes
 * a file name in the icon theme. */
static void icon_name_of(const char *text, char out[NAME_SIZE]) {
  const char *group = strstr(text, "[Desktop Entry]"), *key = group ? strstr(group, "\nIcon=") : NULL;
  size_t n = key ? strcspn(key + 6, "\n") : 0;
  if (!key || n == 0 || n >= NAME_SIZE) die("the packed desktop entry names no icon (Icon=)");
  snprintf(out, NAME_SIZE, "%.*s", (int)n, key + 6); /* n < NAME_SIZE */
  check_name("desktop entry's icon name", out);
}

/* update-mime-database DIR, which turns mime/packages into the caches
 * programs read; 0 if it ran and succeeded. */
static int update_mime_database(const char *dir) {
  pid_t pid;
  char *argv[] = {"update-mime-database", (char *)dir, NULL};
  int status = 0;
  if (posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ) != 0) return -1;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* After its packages went: a MIME directory install made goes whole (the
 * caches in it were made for them), unless another app's packages are in
 * it; one that was there before gets its caches made anew without them.
 * REL is relative to the working directory, the data home. */
static void forget_mime(const char *data, const char *rel, int made) {
  char packages[PATH_SIZE];
  if (snprintf(packages, sizeof packages, "%s/packages", rel) >= PATH_SIZE) return; /* listed: short */
  if (made && rmdir(packages) == 0) remove_tree(rel);
  else if (update_mime_database(rel) != 0) fprintf(stderr, "onebin: note: update-mime-database %s/%s did not run\n", data, rel);
}

/* Removes what m names: files newest first, the list (when list_fd >= 0),
 * the MIME caches' part, then directories newest first (those something
 * else was put in since stay). */
static void remove_made(int data_fd, const char *data, struct made *m, int list_fd, const char *id, int quiet) {
  const char *mime = NULL;
  int mime_made = 0;
  for (int i = m->count; i-- > 0;) {
    if (!strncmp(m->lines[i], "file ", 5) && remove_below(data_fd, m->lines[i] + 5, 0) == 0 && !quiet)
      printf("removed %s/%s\n", data, m->lines[i] + 5);
    if (!strncmp(m->lines[i], "mime ", 5)) mime = m->lines[i] + 5;
  }
  if (list_fd >= 0) unlinkat(list_fd, id, 0);
  for (int i = 0; mime && i < m->count; i++) mime_made |= !strncmp(m->lines[i], "dir ", 4) && !strcmp(m->lines[i] + 4, mime);
  if (mime) forget_mime(data, mime, mime_made);
  for (int i = m->count; i-- > 0;)
    if (!strncmp(m->lines[i], "dir ", 4)) remove_below(data_fd, m->lines[i] + 4, AT_REMOVEDIR);
}

/* onebin/installed in the data home, the user's own (it holds the lists
 * that say what uninstall removes); made and noted when m is given, else
 * -1 when missing. */
static int open_installed(int data_fd, const char *data, struct made *m) {
  static const char *const parts[] = {"onebin", "onebin/installed"};
  int fd = fcntl(data_fd, F_DUPFD_CLOEXEC, 0);
  for (int i = 0; fd >= 0 && i < 2; i++) {
    const char *name = strrchr(parts[i], '/') ? strrchr(parts[i], '/') + 1 : parts[i], *why;
    struct stat st;
    if (m && mkdirat(fd, name, 0755) == 0) note(m, "dir", parts[i], strlen(parts[i]));
    int below = m || fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? trust_open_own(fd, name, 0, &why) : -2;
    if (below == -1) die("%s/%s: %s: nothing done", data, parts[i], why);
    close(fd);
    fd = below;
  }
  return fd < 0 ? -1 : fd;
}

/* A listed path as REL below the data home, or NULL: lists before this one
 * named absolute paths under the data home as given. */
static const char *listed_path(const char *path, const char *data) {
  size_t n = strlen(data);
  if (path[0] == '/') path = !strncmp(path, data, n) && path[n] == '/' ? path + n + 1 : NULL;
  for (const char *c = path; c && *c;) {
    size_t length = strcspn(c, "/");
    char part[NAME_SIZE];
    if (length == 0 || length >= sizeof part) return NULL;
    snprintf(part, sizeof part, "%.*s", (int)length, c); /* length < sizeof part */
    if (bad_name(part)) return NULL;
    c += length + (c[length] == '/');
  }
  return path && *path ? path : NULL;
}

/* Whether DIR is the data home or above it: lists before this one named
 * those when install made them; uninstall leaves them. */
static int holds(const char *dir, const char *data) {
  size_t n = strlen(dir);
  return !strncmp(data, dir, n) && (data[n] == 0 || data[n] == '/');
}

/* The list of what was installed as ID, trusted only as the user's own
 * regular file that nobody else may write (opened without following a
 * link); every path it names is checked to be below the data home before
 * anything is removed. 0 if there is none. */
static int read_list(int installed_fd, const char *id, const char *data, struct made *m) {
  char shown[PATH_SIZE + NAME_SIZE + 32], line[PATH_SIZE + 8];
  snprintf(shown, sizeof shown, "%s/onebin/installed/%s", data, id); /* sized to fit */
  int fd = openat(installed_fd, id, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  if (fd < 0 && errno == ENOENT) return 0;
  if (fd < 0 || fstat(fd, &st) != 0) die("%s: cannot be read: %s", shown, errno == ELOOP ? "a link" : strerror(errno));
  const char *why = !S_ISREG(st.st_mode) ? "not a regular file"
                    : st.st_uid != geteuid() ? "another user's file"
                    : st.st_mode & 022 ? "others may write to it" : NULL;
  if (why) die("%s: %s, not trusted: nothing removed", shown, why);
  FILE *list = fdopen(fd, "r");
  if (!list) die("out of memory");
  while (fgets(line, sizeof line, list)) {
    size_t n = strcspn(line, "\n"), kind = strcspn(line, " ");
    if (line[n] != '\n' && !feof(list)) die("%s: a line too long: nothing removed", shown);
    line[n] = 0;
    if (!n || (!strncmp(line, "dir /", 5) && holds(line + 4, data))) continue;
    const char *rel = line[kind] ? listed_path(line + kind + 1, data) : NULL;
    if (line[kind] && !rel) die("%s: names %s, not below %s: nothing removed", shown, line + kind + 1, data);
    if (!rel || (strncmp(line, "file ", 5) && strncmp(line, "dir ", 4) && strncmp(line, "mime ", 5)))
      die("%s: '%s' is no line of such a list: nothing removed", shown, line);
    note(m, (line[kind] = 0, line), rel, strlen(rel));
  }
  fclose(list);
  return 1;
}

/* A failed install leaves nothing: what it had made goes, newest first,
 * when die() exits (an exit handler: die is called from all over). */
static struct made *undo_made;
static int undo_data_fd;
static const char *undo_data;

static void undo_install(void) {
  if (!undo_made || !undo_made->count) return;
  remove_made(undo_data_fd, undo_data, undo_made, -1, NULL, 1);
  fprintf(stderr, "onebin: what this install had made is removed again\n");
}

/* The MIME packages into DATA/mime/packages, then its caches made (noted
 * if update-mime-database is missing: the types work once it runs). */
static void install_mime(struct made *m, struct onebin_archive *a, const struct desktop *d, int data_fd, const char *data) {
  char rel[PATH_SIZE], name[NAME_SIZE];
  for (int i = 0; i < d->mime_count; i++) {
    char *package = entry_text(a, &d->mime[i]);
    snprintf(rel, sizeof rel, "mime/packages/%s", name_of(a, &d->mime[i], name)); /* name < NAME_SIZE */
    install_file(m, data_fd, data, rel, package, d->mime[i].size);
    free(package);
  }
  note(m, "mime", "mime", 4);
  if (update_mime_database("mime") != 0)
    fprintf(stderr, "onebin: note: update-mime-database %s/mime did not run: the new MIME types work once it has\n", data);
}

/* The data home opened and made the working directory (update-mime-database
 * and remove_tree get paths relative to it); -1 if missing and !create. */
static int enter_data_home(const char *data, int create) {
  int fd = open_data_home(data, create);
  if (fd >= 0 && fchdir(fd) != 0) die("%s: %s", data, strerror(errno));
  return fd;
}

void desktop_install(struct onebin_archive *a, const char *self) {
  static struct made m;
  struct desktop d;
  char data[PATH_SIZE], rel[PATH_SIZE], name[NAME_SIZE], icon_name[NAME_SIZE];
  find_files(a, &d);
  /* Everything checked before anything is written. */
  char *entry = entry_text(a, &d.entry), *desktop = rewritten_entry(entry, self);
  if (d.has_icon) icon_name_of(entry, icon_name);
  for (int i = 0; i < d.mime_count; i++) check_name("MIME package", name_of(a, &d.mime[i], name));
  if (d.has_appdata) check_name("AppStream file", name_of(a, &d.appdata, name));
  data_home(data);
  int data_fd = enter_data_home(data, 1), installed = open_installed(data_fd, data, NULL);
  if (installed >= 0 && read_list(installed, d.id, data, &m)) /* installing again replaces what was installed */
    remove_made(data_fd, data, &m, installed, d.id, 0);
  if (installed >= 0) close(installed);
  m.count = 0;
  undo_made = &m, undo_data_fd = data_fd, undo_data = data;
  atexit(undo_install);
  installed = open_installed(data_fd, data, &m);
  if (d.has_icon) {
    char *icon = entry_text(a, &d.icon);
    icon_path(rel, icon_name, icon, d.icon.size, !strcmp(name_of(a, &d.icon, name), "icon.svg"));
    install_file(&m, data_fd, data, rel, icon, d.icon.size);
    free(icon);
  }
  if (d.has_appdata) {
    char *appdata = entry_text(a, &d.appdata);
    snprintf(rel, sizeof rel, "metainfo/%s", name_of(a, &d.appdata, name)); /* name < NAME_SIZE */
    install_file(&m, data_fd, data, rel, appdata, d.appdata.size);
    free(appdata);
  }
  if (d.mime_count) install_mime(&m, a, &d, data_fd, data);
  snprintf(rel, sizeof rel, "applications/%s.desktop", d.id); /* id < NAME_SIZE */
  install_file(&m, data_fd, data, rel, desktop, strlen(desktop));
  char *text = NULL;
  size_t size = 0;
  FILE *list = open_memstream(&text, &size);
  for (int i = 0; list && i < m.count; i++) fprintf(list, "%s\n", m.lines[i]);
  if (!list || fclose(list) != 0) die("out of memory");
  if (write_new(installed, d.id, text, size) != 0)
    die("%s/onebin/installed/%s: cannot write the list of what was installed: %s", data, d.id, strerror(errno));
  undo_made = NULL;
  printf("%s: installed; --onebin-uninstall removes it\n", d.id);
  exit(0);
}

void desktop_uninstall(struct onebin_archive *a) {
  static struct made m;
  struct desktop d;
  char data[PATH_SIZE];
  find_files(a, &d);
  data_home(data);
  int data_fd = enter_data_home(data, 0), installed = data_fd >= 0 ? open_installed(data_fd, data, NULL) : -1;
  if (installed < 0 || !read_list(installed, d.id, data, &m))
    die("%s is not installed here (no %s/onebin/installed/%s)", d.id, data, d.id);
  remove_made(data_fd, data, &m, installed, d.id, 0);
  printf("%s: uninstalled\n", d.id);
  exit(0);
}
