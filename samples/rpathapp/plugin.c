const char *plugin_words(void) { return "libplugin found through the program's DT_RPATH"; }
