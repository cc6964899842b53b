/* The helper: proves it ran with its argument and its private library. */
#include <stdio.h>

const char *helper_library_name(void);

int main(int argc, char **argv) {
  printf("helper got %s, uses %s\n", argc > 1 ? argv[1] : "nothing", helper_library_name());
  return 4;
}
