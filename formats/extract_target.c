#define _DEFAULT_SOURCE
#include "extract_target.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_empty(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  struct dirent *e;
  int empty = 1;
  while (empty && (e = readdir(d))) empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
  closedir(d);
  return empty;
}

const char *onebin_extract_target(const char *dir, int allow_contents) {
  if (mkdir(dir, 0755) != 0 && errno != EEXIST) return "cannot be created";
  struct stat st;
  if (lstat(dir, &st) != 0) return "cannot be read";
  if (!S_ISDIR(st.st_mode)) return "not a directory (a link to one is refused too)";
  if (st.st_uid != geteuid() && st.st_uid != 0) return "another user's directory";
  if (st.st_mode & 022) return "others may write to it";
  if (!allow_contents && !is_empty(dir)) return "not empty (links in it could lead the files elsewhere)";
  return 0;
}
