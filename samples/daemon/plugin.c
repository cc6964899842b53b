const char* plugin_says(void) { return "loaded by the daemon"; }
