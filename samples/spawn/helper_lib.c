const char *helper_library_name(void) { return "libhelper"; }
