/* Decompressing many files at once on all cores: every zstd frame of every
 * file is one job (frames are independent, formats/README.md), taken by a
 * few threads that each keep one decoder context and one buffer.
 *
 * Frames are decoded into the thread's buffer and written with pwrite, not
 * into mapped files: a write fills the page cache without the page faults
 * and page zeroing a mapping costs, and the launcher's own memory stays a
 * few buffers however large the app is. */
#ifndef ONEBIN_STUB_DECODE_H
#define ONEBIN_STUB_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "../formats/container.h"

struct decode_file {
  const struct onebin_entry *entry;
  int fd; /* an open memfd to fill, or -1: created at the entry's path under decode_target.dir_fd */
};

struct decode_target {
  int dir_fd;
  /* Called once per file with its whole content after its hash is checked
   * and before the file is final: where slots are patched. Runs on any of
   * the decoding threads. */
  void (*prepare)(void *context, const struct decode_file *file, uint8_t *content);
  void *context;
};

/* Writes every file and checks every hash. On failure returns the reason
 * and sets *failed to the index of the file it concerns; NULL on success. */
const char *decode_files(const struct onebin_archive *archive, const struct decode_target *target,
                         const struct decode_file *files, size_t count, size_t *failed);

#endif
