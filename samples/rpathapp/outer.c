#include <dlfcn.h>

const char *inner_words(void);

const char *outer_words(void) { return inner_words(); }

const char *outer_plugin_words(void) {
  void *plugin = dlopen("libplugin.so", RTLD_NOW);
  if (!plugin) return dlerror();
  const char *(*words)(void) = (const char *(*)(void))dlsym(plugin, "plugin_words");
  return words ? words() : "no plugin_words";
}
