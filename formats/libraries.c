#include "libraries.h"

#include <stdio.h>

#include "container.h"

_Static_assert(ONEBIN_FAMILY_HOST == ONEBIN_FAMILY_COUNT - 1, "every family has its facts below");

static const struct onebin_family_info families[ONEBIN_FAMILY_COUNT] = {
    [ONEBIN_FAMILY_NONE] = {"", NULL, NULL},
    [ONEBIN_FAMILY_GLIBC] = {"glibc", "libc.so.6", "GLIBC_"},
    [ONEBIN_FAMILY_LIBSTDCXX] = {"libstdc++", "libstdc++.so.6", "GLIBCXX_"},
    [ONEBIN_FAMILY_LIBGCC] = {"libgcc_s", "libgcc_s.so.1", "GCC_"},
    [ONEBIN_FAMILY_SHARED] = {"shared", NULL, NULL},
    [ONEBIN_FAMILY_HOST] = {"host", NULL, NULL},
};

const struct onebin_family_info *onebin_family_info(unsigned family) {
  return family < ONEBIN_FAMILY_COUNT ? &families[family] : NULL;
}

const char *onebin_version_text(uint32_t v, char out[32]) {
  if (!v) return "none";
  unsigned major = v >> 20, minor = (v >> 10) & 1023, patch = v & 1023;
  if (patch) snprintf(out, 32, "%u.%u.%u", major, minor, patch);
  else snprintf(out, 32, "%u.%u", major, minor);
  return out;
}

const char *const onebin_library_dirs[ONEBIN_LIBRARY_DIR_COUNT] = {
    "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"};
