const char *inner_words(void) { return "libinner found through the program's DT_RPATH"; }
