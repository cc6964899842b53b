#define _GNU_SOURCE
#include "templates.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"

/* `content` (size bytes) with `dir` for every token: a malloc'ed string. */
static char *substitute(const char *content, size_t size, const char *dir, size_t *out_size) {
  const size_t token = strlen(ONEBIN_APPDIR_TOKEN), length = strlen(dir);
  size_t count = 0;
  for (const char *p = content; (p = memmem(p, size - (size_t)(p - content), ONEBIN_APPDIR_TOKEN, token)); p += token)
    count++;
  *out_size = size + count * length - count * token;
  char *out = malloc(*out_size + 1), *w = out;
  if (!out) die("out of memory");
  for (const char *p = content, *end = content + size; p < end;) {
    const char *hit = memmem(p, (size_t)(end - p), ONEBIN_APPDIR_TOKEN, token);
    size_t plain = hit ? (size_t)(hit - p) : (size_t)(end - p);
    memcpy(w, p, plain);
    w += plain;
    p += plain;
    if (!hit) break;
    memcpy(w, dir, length);
    w += length;
    p += token;
  }
  *w = 0;
  return out;
}

static void write_whole(int fd, const char *data, size_t size, const char *path) {
  for (size_t done = 0; done < size;) {
    ssize_t n = write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) die("%s: cannot write: %s", path, n < 0 ? strerror(errno) : "no space left");
    done += (size_t)n;
  }
}

/* NAME=VALUE lines; a line without '=' or with an empty name is skipped. */
static void set_environment(char *lines) {
  for (char *line = strtok(lines, "\n"); line; line = strtok(NULL, "\n")) {
    char *equals = strchr(line, '=');
    if (!equals || equals == line) continue;
    *equals = 0;
    debug("environment: %s=%s", line, equals + 1);
    setenv(line, equals + 1, 1);
  }
}

char *entry_text(struct onebin_archive *a, const struct onebin_entry *e) {
  char *content = malloc(e->size + 1);
  if (!content) die("out of memory");
  const char *error = onebin_read_entry(a, e, content);
  if (error) die("%.*s: %s", (int)e->path_size, a->strings + e->path, error);
  content[e->size] = 0;
  return content;
}

void write_template(struct onebin_archive *a, const struct onebin_entry *e, int dir_fd, const char *appdir) {
  char rel[4096];
  int n = snprintf(rel, sizeof rel, "%.*s", (int)e->path_size, a->strings + e->path);
  if (n < 0 || (size_t)n >= sizeof rel) die("%.*s: path too long", (int)e->path_size, a->strings + e->path);
  char *content = entry_text(a, e);
  size_t size;
  char *filled = substitute(content, (size_t)e->size, appdir, &size);
  int fd = openat(dir_fd, rel, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) die("%s: cannot create: %s", rel, strerror(errno));
  write_whole(fd, filled, size, rel);
  struct timespec times[2];
  onebin_entry_times(e, times);
  if (fchmod(fd, e->mode & ONEBIN_WRITTEN_MODE_BITS) != 0 || futimens(fd, times) != 0 || close(fd) != 0)
    die("%s: cannot finish writing: %s", rel, strerror(errno));
  free(filled);
  free(content);
}

void apply_environment(struct onebin_archive *a, const char *appdir) {
  if (a->environment == ONEBIN_NO_ENTRY) return;
  struct onebin_entry e;
  onebin_entry_at(a, a->environment, &e);
  char *content = entry_text(a, &e);
  size_t size;
  char *filled = substitute(content, (size_t)e.size, appdir, &size);
  set_environment(filled);
  free(filled);
  free(content);
}

void print_environment(struct onebin_archive *a) {
  if (a->environment == ONEBIN_NO_ENTRY) return;
  struct onebin_entry e;
  onebin_entry_at(a, a->environment, &e);
  char *content = entry_text(a, &e);
  for (char *line = strtok(content, "\n"); line; line = strtok(NULL, "\n")) printf("environment: %s\n", line);
  free(content);
}
