// Loads one library in a fresh link-map namespace and resolves every symbol
// name read from stdin. Prints one line that the corpus test compares between
// the original and the rewritten library.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: dlcheck LIBRARY < symbol-names\n");
    return 2;
  }
  void* handle = dlmopen(LM_ID_NEWLM, argv[1], RTLD_LAZY | RTLD_LOCAL);
  if (!handle) {
    // The message names the path, which differs between the two copies.
    printf("not loaded\n");
    return 1;
  }
  char name[4096];
  unsigned total = 0, resolved = 0;
  while (fgets(name, sizeof name, stdin)) {
    name[strcspn(name, "\n")] = 0;
    if (!*name) continue;
    ++total;
    if (dlsym(handle, name)) ++resolved;
  }
  printf("loaded, %u of %u symbols resolved\n", resolved, total);
  return 0;
}
