// A program that daemonises the classic way (fork, setsid, fork; the
// launched process exits at once) and whose daemon, a second later, loads
// a plugin of the app by name and reports into the file argv[1]:
//   plugin: <what the plugin says>
//   realpath: <the plugin's path with every link resolved>
//   regular file: yes|no
// So tests can check that a packed app's files outlive its first process and
// are real files (Qt canonicalises plugin paths before loading them).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int report(const char* out) {
  FILE* f = fopen(out, "w");
  if (!f) return 1;
  void* plugin = dlopen("libplugin.so", RTLD_NOW);
  if (!plugin) {
    fprintf(f, "plugin: %s\n", dlerror());
    return fclose(f), 1;
  }
  const char* (*say)(void) = (const char* (*)(void))dlsym(plugin, "plugin_says");
  struct link_map* map = NULL;
  dlinfo(plugin, RTLD_DI_LINKMAP, &map);
  char real[PATH_MAX];
  struct stat st;
  int resolved = realpath(map->l_name, real) != NULL;
  fprintf(f, "plugin: %s\nrealpath: %s\nregular file: %s\n", say ? say() : "no symbol", resolved ? real : "none",
          resolved && lstat(real, &st) == 0 && S_ISREG(st.st_mode) ? "yes" : "no");
  return fclose(f) != 0;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s OUTPUT\n", argv[0]);
    return 2;
  }
  if (fork() != 0) return 0;  // the launched process is gone at once
  setsid();
  if (fork() != 0) return 0;
  sleep(1);
  return report(argv[1]);
}
