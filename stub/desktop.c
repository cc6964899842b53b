#define _GNU_SOURCE
#include "desktop.h"

#include <errno.h>
#include <fcntl.h>
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

static void join(char out[PATH_SIZE], const char *dir, const char *rest) {
  int n = snprintf(out, PATH_SIZE, "%s/%s", dir, rest);
  if (n < 0 || n >= PATH_SIZE) die("%s/%s: path too long", dir, rest);
}

/* The list of what install made: "dir PATH" and "file PATH" lines, in the
 * order made. */
struct made {
  FILE *list;
};

static void make_dirs(struct made *m, const char *path) {
  char dir[PATH_SIZE];
  snprintf(dir, sizeof dir, "%s", path); /* as long as path */
  for (char *slash = strchr(dir + 1, '/');; slash = strchr(slash + 1, '/')) {
    if (slash) *slash = 0;
    if (mkdir(dir, 0755) == 0) fprintf(m->list, "dir %s\n", dir);
    else if (errno != EEXIST) die("%s: cannot create: %s", dir, strerror(errno));
    if (!slash) return;
    *slash = '/';
  }
}

/* PATH (new: installing replaces nothing of others) with `size` bytes,
 * written beside it and renamed into place. */
static void install_file(struct made *m, const char *path, const char *bytes, size_t size) {
  char dir[PATH_SIZE], temp[PATH_SIZE + 16];
  snprintf(dir, sizeof dir, "%s", path);
  *strrchr(dir, '/') = 0;
  make_dirs(m, dir);
  struct stat st;
  if (lstat(path, &st) == 0) die("%s: exists already, not installed by this file: remove it first", path);
  snprintf(temp, sizeof temp, "%s.XXXXXX", path);
  int fd = mkstemp(temp);
  if (fd < 0) die("%s: cannot create: %s", path, strerror(errno));
  ssize_t n = write(fd, bytes, size);
  if (n != (ssize_t)size || fchmod(fd, 0644) != 0 || close(fd) != 0 || rename(temp, path) != 0) {
    int error = errno;
    unlink(temp);
    die("%s: cannot write: %s", path, n >= 0 && n != (ssize_t)size ? "short write" : strerror(error));
  }
  fprintf(m->list, "file %s\n", path);
  printf("installed %s\n", path);
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
static void icon_path(char out[PATH_SIZE], const char *data, const char *icon_name, const char *bytes, size_t size,
                      int svg) {
  char rest[PATH_SIZE];
  const unsigned char *b = (const unsigned char *)bytes;
  if (svg) snprintf(rest, sizeof rest, "icons/hicolor/scalable/apps/%s.svg", icon_name);
  else if (size >= 24 && !memcmp(b + 12, "IHDR", 4))
    snprintf(rest, sizeof rest, "icons/hicolor/%ux%u/apps/%s.png", (unsigned)(b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19]),
             (unsigned)(b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23]), icon_name);
  else die("the packed icon is no PNG file");
  join(out, data, rest);
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

static void list_path(char out[PATH_SIZE], const char *data, const char *id) {
  char rest[PATH_SIZE];
  snprintf(rest, sizeof rest, "onebin/installed/%s", id);
  join(out, data, rest);
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
 * it; one that was there before gets its caches made anew without them. */
static void forget_mime(const char *dir, int made) {
  char packages[PATH_SIZE];
  join(packages, dir, "packages");
  if (made && rmdir(packages) == 0) remove_tree(dir);
  else if (update_mime_database(dir) != 0) fprintf(stderr, "onebin: note: update-mime-database %s did not run\n", dir);
}

/* Removes what the list names: files, then directories newest first (those
 * something else was put in since stay). Returns 0 if there was no list. */
static int remove_listed(const char *list_file) {
  FILE *list = fopen(list_file, "re");
  if (!list) return 0;
  char line[PATH_SIZE + 8], *dirs[256], mime[PATH_SIZE + 8] = "";
  int count = 0, mime_made = 0;
  while (fgets(line, sizeof line, list)) {
    line[strcspn(line, "\n")] = 0;
    if (!strncmp(line, "file ", 5) && unlink(line + 5) == 0) printf("removed %s\n", line + 5);
    else if (!strncmp(line, "dir ", 4) && count < 256 && !(dirs[count++] = strdup(line + 4))) die("out of memory");
    else if (!strncmp(line, "mime ", 5)) snprintf(mime, sizeof mime, "%s", line + 5);
  }
  fclose(list);
  unlink(list_file);
  for (int i = 0; mime[0] && i < count; i++) mime_made |= !strcmp(dirs[i], mime);
  if (mime[0]) forget_mime(mime, mime_made);
  while (count > 0) {
    char *dir = dirs[--count];
    rmdir(dir);
    free(dir);
  }
  return 1;
}

/* The MIME packages into DATA/mime/packages, then its caches made (noted
 * if update-mime-database is missing: the types work once it runs). */
static void install_mime(struct made *m, struct onebin_archive *a, const struct desktop *d, const char *data) {
  char dir[PATH_SIZE], path[PATH_SIZE], rest[PATH_SIZE], name[256];
  join(dir, data, "mime");
  for (int i = 0; i < d->mime_count; i++) {
    char *package = entry_text(a, &d->mime[i]);
    snprintf(rest, sizeof rest, "mime/packages/%s", name_of(a, &d->mime[i], name));
    join(path, data, rest);
    install_file(m, path, package, d->mime[i].size);
    free(package);
  }
  fprintf(m->list, "mime %s\n", dir);
  if (update_mime_database(dir) != 0)
    fprintf(stderr, "onebin: note: update-mime-database %s did not run: the new MIME types work once it has\n", dir);
}

void desktop_install(struct onebin_archive *a, const char *self) {
  struct desktop d;
  char name[NAME_SIZE], icon_name[NAME_SIZE];
  find_files(a, &d);
  /* Every name checked before anything is written. */
  char *entry = entry_text(a, &d.entry), *desktop = rewritten_entry(entry, self);
  if (d.has_icon) icon_name_of(entry, icon_name);
  for (int i = 0; i < d.mime_count; i++) check_name("MIME package", name_of(a, &d.mime[i], name));
  if (d.has_appdata) check_name("AppStream file", name_of(a, &d.appdata, name));
  char data[PATH_SIZE], path[PATH_SIZE], list_file[PATH_SIZE], rest[PATH_SIZE], temp[PATH_SIZE + 16];
  data_home(data);
  list_path(list_file, data, d.id);
  remove_listed(list_file); /* installing again replaces what was installed */
  snprintf(temp, sizeof temp, "%s.XXXXXX", list_file);
  struct made m = {NULL};
  char list_dir[PATH_SIZE];
  snprintf(list_dir, sizeof list_dir, "%s", list_file);
  *strrchr(list_dir, '/') = 0;
  char *made_text = NULL;
  size_t made_size = 0;
  if (!(m.list = open_memstream(&made_text, &made_size))) die("out of memory");
  make_dirs(&m, list_dir);
  if (d.has_icon) {
    char *icon = entry_text(a, &d.icon);
    icon_path(path, data, icon_name, icon, d.icon.size, !strcmp(name_of(a, &d.icon, name), "icon.svg"));
    install_file(&m, path, icon, d.icon.size);
    free(icon);
  }
  if (d.has_appdata) {
    char *appdata = entry_text(a, &d.appdata);
    snprintf(rest, sizeof rest, "metainfo/%s", name_of(a, &d.appdata, name));
    join(path, data, rest);
    install_file(&m, path, appdata, d.appdata.size);
    free(appdata);
  }
  if (d.mime_count) install_mime(&m, a, &d, data);
  snprintf(rest, sizeof rest, "applications/%s.desktop", d.id);
  join(path, data, rest);
  install_file(&m, path, desktop, strlen(desktop));
  fclose(m.list);
  int fd = mkstemp(temp);
  ssize_t n = fd >= 0 ? write(fd, made_text, made_size) : -1;
  if (fd < 0 || n != (ssize_t)made_size || close(fd) != 0 || rename(temp, list_file) != 0)
    die("%s: cannot write the list of what was installed: %s", list_file, strerror(errno));
  printf("%s: installed; --onebin-uninstall removes it\n", d.id);
  exit(0);
}

void desktop_uninstall(struct onebin_archive *a) {
  struct desktop d;
  find_files(a, &d);
  char data[PATH_SIZE], list_file[PATH_SIZE];
  data_home(data);
  list_path(list_file, data, d.id);
  if (!remove_listed(list_file)) die("%s is not installed here (no %s)", d.id, list_file);
  printf("%s: uninstalled\n", d.id);
  exit(0);
}
