/* What the packer and the stub both know of libraries, defined once: the
 * library families of the index (container.h's enum onebin_family), how
 * version numbers read, and where a host keeps its libraries. */
#ifndef ONEBIN_LIBRARIES_H
#define ONEBIN_LIBRARIES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct onebin_family_info {
  const char *name;           /* as inspect prints it; "" for no family */
  const char *soname;         /* the library whose version decides for the family, or NULL */
  const char *version_prefix; /* of that library's version definitions (GLIBC_2.34), or NULL */
};

#define ONEBIN_FAMILY_COUNT 6 /* ONEBIN_FAMILY_NONE .. ONEBIN_FAMILY_HOST */

/* The family's facts; NULL for a number this format does not define. */
const struct onebin_family_info *onebin_family_info(unsigned family);

/* "2.36", or "2.36.1" when the third part is not 0, for a version number
 * (formats/README.md); "none" for 0. Returns out. */
const char *onebin_version_text(uint32_t version, char out[32]);

/* The directories where distributions keep x86-64 libraries, in glibc's
 * order of its built-in trusted directories on Debian (multiarch first).
 * Reading ld.so.cache would find exotic layouts too, but every distribution
 * we know puts libc.so.6 and the display and GPU libraries in one of them. */
extern const char *const onebin_library_dirs[];
#define ONEBIN_LIBRARY_DIR_COUNT 6

/* The glibc loader's path on every x86-64 glibc system (the ABI's). */
#define ONEBIN_HOST_LOADER "/lib64/ld-linux-x86-64.so.2"

#ifdef __cplusplus
}
#endif

#endif
