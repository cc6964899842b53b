const char *shout(void) { return "LOADED BY NAME"; }
