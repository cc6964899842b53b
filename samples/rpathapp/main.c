/* An app that, like many programs built with older toolchains, relies on its
 * DT_RPATH being inherited: only bin/rpathapp has a search path
 * ($ORIGIN/../lib, as DT_RPATH); lib/libouter.so has none, yet finds
 * lib/libinner.so and dlopens lib/libplugin.so by name through it. */
#include <stdio.h>

const char *outer_words(void);
const char *outer_plugin_words(void);

int main(void) {
  printf("needed: %s\n", outer_words());
  printf("dlopened: %s\n", outer_plugin_words());
  return 0;
}
