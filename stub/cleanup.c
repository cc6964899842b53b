#define _GNU_SOURCE
#include "cleanup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static void remove_entries(int dirfd) {
  DIR *dir = fdopendir(dirfd);
  if (!dir) return;
  struct dirent *entry;
  while ((entry = readdir(dir))) {
    const char *name = entry->d_name;
    if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
    if (unlinkat(dirfd, name, 0) == 0) continue;
    int child = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (child >= 0) remove_entries(child);
    unlinkat(dirfd, name, AT_REMOVEDIR);
  }
  closedir(dir);
}

void remove_tree(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) remove_entries(fd);
  rmdir(path);
}

void collect_garbage(const char *base) {
  DIR *dir = opendir(base);
  if (!dir) return;
  struct dirent *entry;
  while ((entry = readdir(dir))) {
    /* Names are onebin-PID-XXXXXX (view_create). */
    if (strncmp(entry->d_name, "onebin-", 7) != 0) continue;
    char *end;
    long pid = strtol(entry->d_name + 7, &end, 10);
    if (pid <= 0 || *end != '-') continue;
    if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", base, entry->d_name);
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) continue;
    /* A live watcher holds the lock while its app runs and while it removes
     * the view; only a view nobody holds is left over. */
    int lock = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (lock < 0) continue;
    if (flock(lock, LOCK_EX | LOCK_NB) == 0) {
      debug("removing %s, left by process %ld that no longer runs", path, pid);
      remove_tree(path);
    }
    close(lock);
  }
  closedir(dir);
}

/* Whether `path` is `dir` or lies under it. */
static int under(const char *path, const char *dir, size_t length) {
  return !strncmp(path, dir, length) && (path[length] == '/' || !path[length]);
}

/* Whether the link NAME in directory `at` (/proc/PID/exe, cwd, fd/N) points
 * into the tree; a target longer than the buffer is cut, and its start is
 * all that is compared. */
static int link_under(int at, const char *name, const char *dir, size_t length) {
  char target[4096]; /* the kernel's PATH_MAX */
  ssize_t n = readlinkat(at, name, target, sizeof target - 1);
  if (n <= 0) return 0;
  target[n] = 0;
  return under(target, dir, length);
}

/* Whether the process has a file of the tree open: a script its interpreter
 * reads (sh and bash keep it open), a data file, a directory. */
static int has_open_file(int pid_fd, const char *dir, size_t length) {
  int fd_dir = openat(pid_fd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *fds = fd_dir >= 0 ? fdopendir(fd_dir) : NULL;
  if (!fds) {
    if (fd_dir >= 0) close(fd_dir);
    return 0;
  }
  struct dirent *entry;
  int used = 0;
  while (!used && (entry = readdir(fds)))
    used = entry->d_name[0] != '.' && link_under(fd_dir, entry->d_name, dir, length);
  closedir(fds);
  return used;
}

/* Whether some record of /proc/PID/NAME, records ending in `end`, holds
 * `want` (maps: a path anywhere in a line), or is `want` (environ: a
 * variable). getdelim sizes the record from the data. */
static int has_record(int pid_fd, const char *name, int end, const char *want, int whole) {
  int fd = openat(pid_fd, name, O_RDONLY | O_CLOEXEC);
  FILE *file = fd >= 0 ? fdopen(fd, "r") : NULL;
  if (!file) {
    if (fd >= 0) close(fd);
    return 0;
  }
  char *record = NULL;
  size_t size = 0, length = strlen(want);
  ssize_t n;
  int found = 0;
  while (!found && (n = getdelim(&record, &size, end, file)) > 0) {
    if (record[n - 1] == end) record[--n] = 0;
    const char *at = whole ? (!strcmp(record, want) ? record : NULL) : strstr(record, want);
    found = at && (whole || at[length] == '/');
  }
  free(record);
  fclose(file);
  return found;
}

/* The process's marks, cheapest first. ONEBIN_APPDIR=<tree>, which the stub
 * gives the app and the app's children inherit, holds also for an
 * interpreter that read its script and closed it (python) and works
 * elsewhere; the links and maps catch programs outside the app that use the
 * tree. Other users' processes, which /proc refuses, are passed over. */
static int process_uses(int pid_fd, const char *mark, const char *real) {
  size_t length = strlen(real);
  return has_record(pid_fd, "environ", 0, mark, 1) || link_under(pid_fd, "exe", real, length) ||
         link_under(pid_fd, "cwd", real, length) || has_open_file(pid_fd, real, length) ||
         has_record(pid_fd, "maps", '\n', real, 0);
}

/* Whether some process of this user uses the tree in any way. Every
 * process's environment, open files and maps are read: this runs only when
 * the cache evicts a tree, never on a launch that finds its tree. */
int tree_in_use(const char *dir) {
  char *real = realpath(dir, NULL); /* the links name the tree by its real path */
  size_t size = sizeof "ONEBIN_APPDIR=" + strlen(dir);
  char *mark = malloc(size);
  int n = mark ? snprintf(mark, size, "ONEBIN_APPDIR=%s", dir) : -1;
  int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *proc = proc_fd >= 0 ? fdopendir(proc_fd) : NULL;
  /* Not knowing is taken as in use: a tree is never removed unseen. */
  int used = !proc || n < 0 || (size_t)n >= size;
  struct dirent *entry;
  while (!used && (entry = readdir(proc))) {
    long pid = atol(entry->d_name);
    if (pid <= 0 || pid == getpid()) continue;
    int pid_fd = openat(proc_fd, entry->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (pid_fd < 0) continue;
    used = process_uses(pid_fd, mark, real ? real : dir);
    close(pid_fd);
  }
  if (proc) closedir(proc);
  else if (proc_fd >= 0) close(proc_fd);
  free(mark);
  free(real);
  return used;
}

/* Process `pid`'s state letter and start time (clock ticks since boot)
 * from /proc/PID/stat; 0 if it cannot be read. */
static int process_stat(long pid, unsigned long long *started) {
  char path[64], line[1024];
  snprintf(path, sizeof path, "/proc/%ld/stat", pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  ssize_t n = fd >= 0 ? read(fd, line, sizeof line - 1) : -1;
  if (fd >= 0) close(fd);
  if (n <= 0) return 0;
  line[n] = 0;
  const char *field = strrchr(line, ')'); /* the name before it may hold anything */
  if (!field || field[1] != ' ' || !field[2]) return 0;
  int state = field[2];
  for (int i = 2; field && i < 22; i++) field = strchr(field + 1, ' ');
  if (!field) return 0;
  *started = strtoull(field + 1, NULL, 10);
  return state;
}

/* Whether the app still runs: the process of that start time, not yet
 * dead or a zombie (its parent reaps it after the pipe's end came). */
static int app_runs(long pid, unsigned long long started) {
  unsigned long long now = 0;
  int state = process_stat(pid, &now);
  return state && state != 'Z' && state != 'X' && now == started;
}

/* The watcher outlives the launcher: it must not keep the caller's pipes
 * or locks open after the app is gone, so it keeps only `a` and `b`. */
static void close_other_descriptors(int a, int b) {
  DIR *dir = opendir("/proc/self/fd");
  if (!dir) return;
  int own = dirfd(dir);
  struct dirent *entry;
  while ((entry = readdir(dir))) {
    int fd = atoi(entry->d_name);
    if (entry->d_name[0] != '.' && fd != a && fd != b && fd != own) close(fd);
  }
  closedir(dir);
}

int start_watcher(const char *dir) {
  int ends[2];
  if (pipe2(ends, O_CLOEXEC) != 0) die("cannot create a pipe: %s", strerror(errno));
  pid_t child = fork();
  if (child < 0) die("cannot start the clean-up process: %s", strerror(errno));
  if (child == 0) {
    /* Locked and stripped of the caller's descriptors before the second
     * fork, which the launcher waits for: by the time it goes on, the view
     * is marked as watched (collect_garbage leaves it alone) and no caller's
     * lock or pipe is held by a process that may not have run yet. */
    int lock = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (lock < 0 || flock(lock, LOCK_EX) != 0) _exit(1);
    close_other_descriptors(ends[0], lock);
    long app = (long)getppid(); /* the launcher, the app after exec */
    unsigned long long app_started = 0;
    if (!process_stat(app, &app_started)) _exit(1);
    /* Forked twice so the app never sees the watcher as its own child (a
     * shell's `wait` would block on it). */
    if (fork() != 0) _exit(0);
    setsid();
    /* Views left by killed apps are looked for here, beside the app, not on
     * its way to exec: a base others can write (/dev/shm) may hold any number
     * of onebin-* names of theirs, each costing a look. */
    char base[sizeof "/" + 4096];
    snprintf(base, sizeof base, "%s", dir);
    *strrchr(base, '/') = 0;
    collect_garbage(base[0] ? base : "/");
    char byte;
    ssize_t n;
    do n = read(ends[0], &byte, 1);
    while (n > 0 || (n < 0 && errno == EINTR));
    /* The pipe's end also comes when the app closes its descriptors
     * (closefrom): the view goes only once the app is gone. Only the app is
     * looked at: reading every process's maps here (as tree_in_use does)
     * held up the execs of the launches that came next, 2.4 ms of hello's
     * 2.9 (bench/run-startup-size.sh). */
    /* The pipe ends a moment before the exiting app is a zombie: looked at
     * again after 1 ms, then twice as long each time up to 200 ms, so that
     * views do not pile up when launches follow each other. */
    for (long pause_ms = 1; app_runs(app, app_started); pause_ms = pause_ms < 100 ? 2 * pause_ms : 200) {
      struct timespec pause = {0, pause_ms * 1000 * 1000};
      nanosleep(&pause, NULL);
    }
    remove_tree(dir);
    _exit(0);
  }
  close(ends[0]);
  int status = 0;
  if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    die("%s: cannot lock the directory for the clean-up process", dir);
  /* The write end must survive exec; the app holds it until it exits. */
  int flags = fcntl(ends[1], F_GETFD);
  fcntl(ends[1], F_SETFD, flags & ~FD_CLOEXEC);
  return ends[1];
}
