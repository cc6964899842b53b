#define _GNU_SOURCE
#include "trusted_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../formats/container.h"

/* A small /proc file's text, "" when it cannot be read. */
static void read_text(const char *path, char *out, size_t size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  ssize_t n = fd >= 0 ? read(fd, out, size - 1) : -1;
  if (fd >= 0) close(fd);
  out[n > 0 ? n : 0] = 0;
}

/* Whether uid is the overflow uid standing for every user this user
 * namespace does not map. In a rootless container (Steam's pressure-vessel,
 * Flatpak, podman) root's own directories, / included, show that uid. */
static int unmapped(uid_t uid) {
  static long overflow = -2; /* -2 not read yet, -1 mapped or unknown */
  if (overflow == -2) {
    char text[4096];
    read_text("/proc/sys/kernel/overflowuid", text, sizeof text);
    overflow = text[0] ? strtol(text, NULL, 10) : 65534;
    read_text("/proc/self/uid_map", text, sizeof text);
    if (!text[0]) overflow = -1;
    /* Lines of "inside outside count": is the overflow uid inside one? */
    for (char *line = text; *line && overflow >= 0; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : "") {
      char *end;
      unsigned long inside = strtoul(line, &end, 10);
      strtoul(end, &end, 10);
      unsigned long count = strtoul(end, &end, 10);
      if ((unsigned long)overflow >= inside && (unsigned long)overflow - inside < count) overflow = -1;
    }
  }
  return overflow >= 0 && uid == (uid_t)overflow;
}

/* The line of /etc/passwd or /etc/group ("name:x:ID:...") whose third
 * field is id, copied into line; 0 if there is none. Read by hand: musl's
 * getpwuid and getgrgid (with their nscd client) cost the stub 7 KB. */
static int find_line(const char *file, unsigned long id, char *line, size_t size) {
  FILE *f = fopen(file, "re");
  int found = 0;
  while (f && !found && fgets(line, (int)size, f)) {
    char *field = strchr(line, ':');
    field = field ? strchr(field + 1, ':') : NULL;
    char *end;
    found = field && strtoul(field + 1, &end, 10) == id && *end == ':' && end > field + 1;
  }
  if (f) fclose(f);
  return found;
}

/* Whether gid is the user's private group: Fedora, RHEL and others give
 * every user a group of their own name with no other member (umask 002),
 * so their directories are group-writable and still no one else's. Read
 * only when a directory is group-writable. */
static int private_group(gid_t gid) {
  char user[1024], group[4096];
  if (gid != getegid() || !find_line("/etc/passwd", geteuid(), user, sizeof user) ||
      !find_line("/etc/group", gid, group, sizeof group))
    return 0;
  size_t name = strcspn(user, ":");
  if (strncmp(group, user, name) != 0 || group[name] != ':') return 0;
  /* The members, after the third colon: none, or the user alone. */
  char *members = strchr(strchr(strchr(group, ':') + 1, ':') + 1, ':') + 1;
  members[strcspn(members, "\n")] = 0;
  return !*members || (strlen(members) == name && !strncmp(members, user, name));
}

/* Whether others than the owner may write to the directory. */
static int others_write(const struct stat *st) {
  return (st->st_mode & 002) || ((st->st_mode & 020) && !private_group(st->st_gid));
}

const char *trust_open_to_others(const struct stat *st) {
  if (!S_ISDIR(st->st_mode)) return "not a directory";
  if (st->st_uid != geteuid() && st->st_uid != 0 && !unmapped(st->st_uid)) return "another user's directory";
  if (others_write(st) && !(st->st_mode & S_ISVTX)) return "others may write to it and it is not sticky";
  return NULL;
}

const char *trust_not_own(const struct stat *st) {
  if (!S_ISDIR(st->st_mode)) return "not a directory";
  if (st->st_uid != geteuid()) return st->st_uid == 0 ? "root's directory, not the user's" : "another user's directory";
  if (others_write(st)) return "others may write to it";
  return NULL;
}

/* The next directory below dir_fd (closed), checked; -1 with *why. */
static int step(int dir_fd, const char *name, int own, const char **why) {
  int fd = openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir_fd != AT_FDCWD) close(dir_fd);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    *why = errno == ELOOP || errno == ENOTDIR ? "a link or not a directory" : "cannot be opened";
    if (fd >= 0) close(fd);
    return -1;
  }
  if ((*why = trust_open_to_others(&st)) || (own && (*why = trust_not_own(&st)))) {
    close(fd);
    return -1;
  }
  return fd;
}

/* *why, prefixed with the directory above `real` it concerns. */
static void name_the_directory(const char *real, size_t end, const char **why) {
  static char reason[ONEBIN_PATH_MAX + 128];
  int n = snprintf(reason, sizeof reason, "%.*s, above it: %s", (int)end, real, *why);
  if (n > 0 && (size_t)n < sizeof reason) *why = reason;
}

int trust_open_path(const char *real, int own, const char **why) {
  char name[ONEBIN_PATH_MAX + 1];
  size_t length = strlen(real);
  if (real[0] != '/' || length > ONEBIN_PATH_MAX) {
    *why = "not an absolute path";
    return -1;
  }
  int fd = step(AT_FDCWD, "/", own && length == 1, why);
  for (size_t start = 1; fd >= 0 && start < length;) {
    size_t end = start + strcspn(real + start, "/");
    snprintf(name, sizeof name, "%.*s", (int)(end - start), real + start); /* shorter than real */
    fd = step(fd, name, own && end == length, why);
    if (fd < 0 && end < length) name_the_directory(real, end, why);
    start = end + 1;
  }
  return fd;
}

int trust_open_own(int dir_fd, const char *name, int create, const char **why) {
  if (create && mkdirat(dir_fd, name, 0700) != 0 && errno != EEXIST) {
    *why = "cannot be created";
    return -1;
  }
  int fd = openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    *why = fd < 0 && (errno == ELOOP || errno == ENOTDIR) ? "a link or not a directory" : "cannot be opened";
    if (fd >= 0) close(fd);
    return -1;
  }
  if ((*why = trust_not_own(&st))) {
    close(fd);
    return -1;
  }
  return fd;
}
