/* The smallest real app: greets, echoes its arguments, exits with a code the
 * caller chose, so tests can check argv and exit-status pass-through. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (getenv("HELLO_WAIT_STDIN")) { /* for bench: memory held while an app runs */
    while (getchar() != EOF) {
    }
    return 0;
  }
  printf("hello from onebin's sample\n");
  for (int i = 1; i < argc; i++) printf("arg %d: %s\n", i, argv[i]);
  const char *code = getenv("HELLO_EXIT");
  return code ? atoi(code) : 0;
}
