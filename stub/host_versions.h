/* What the host's copies of libraries offer: the newest symbol version one
 * defines (GLIBC_2.36 -> version number, see formats/README.md), and whether
 * one defines the symbols the bundle imports from it. */
#ifndef ONEBIN_STUB_HOST_VERSIONS_H
#define ONEBIN_STUB_HOST_VERSIONS_H

#include <stdint.h>

/* 0 when the host has no such library or it defines no version with the prefix. */
uint32_t host_library_version(const char *soname, const char *prefix);

/* Whether the host's copy of `soname` defines every one of `needs` (size
 * bytes of sorted NUL-terminated "name" or "name@VERSION", formats/README.md):
 * 1 yes, 0 no (*missing: the first it lacks, pointing into needs, or NULL
 * when the file cannot be read as a library), -1 the host has no copy. */
int host_defines_all(const char *soname, const char *needs, uint32_t size, const char **missing);

/* Whether ld.so could find the host's `soname`: in the system's library
 * directories, LD_LIBRARY_PATH's, or named in /etc/ld.so.cache. */
int host_has_library(const char *soname);

/* The version in the real file name of the host's copy (formats/README.md,
 * family 4); 0 when the host has none. */
uint32_t host_file_name_version(const char *soname);

#endif
