/* Decompressing many files at once on all cores: every zstd frame of every
 * file is one job (frames are independent, formats/README.md), taken by a
 * few threads that each keep one decoder context. */
#ifndef ONEBIN_STUB_DECODE_H
#define ONEBIN_STUB_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "../formats/container.h"

struct decode_file {
  const struct onebin_entry *entry;
  uint8_t *dest; /* entry->size bytes */
};

/* Fills every dest and checks every hash. On failure returns the reason and
 * sets *failed to the index of the file it concerns; NULL on success. */
const char *decode_files(const struct onebin_archive *archive, const struct decode_file *files, size_t count,
                         size_t *failed);

#endif
