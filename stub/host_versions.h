/* What the host offers: the newest symbol version its copy of a library
 * defines (GLIBC_2.36 -> version number, see formats/README.md). */
#ifndef ONEBIN_STUB_HOST_VERSIONS_H
#define ONEBIN_STUB_HOST_VERSIONS_H

#include <stdint.h>

#define HOST_LOADER "/lib64/ld-linux-x86-64.so.2"

/* 0 when the host has no such library or it defines no version with the prefix. */
uint32_t host_library_version(const char *soname, const char *prefix);

/* The version in the real file name of the host's copy (formats/README.md,
 * family 4); 0 when the host has none. */
uint32_t host_file_name_version(const char *soname);

#endif
