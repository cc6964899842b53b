/* Writing a packed file (spec: formats/README.md) to a descriptor, front to
 * back: the stub, the frames in the order they are added, then the index
 * and the trailer. Nothing but the caller's index is kept in memory, so a
 * writer packs any size of app in bounded memory. Used by the packer and
 * the unit tests; the stub only reads. */
#ifndef ONEBIN_WRITER_H
#define ONEBIN_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include "container.h"
#include "xxh64.h"

#ifdef __cplusplus
extern "C" {
#endif

struct onebin_writer {
  int fd;
  uint64_t payload_offset; /* the stub's size */
  uint64_t payload_size;   /* bytes of frames written so far */
  uint64_t stub_hash;
  uint64_t written; /* every byte so far: the file's size once finished */
  struct onebin_xxh64_state file_hash; /* of every byte so far, for the file hash block */
};

/* Each returns 0 or an errno value (ENOSPC for a write that makes no
 * progress, ENOMEM, EFBIG for an index over ONEBIN_INDEX_MAX). */
int onebin_writer_start(struct onebin_writer *w, int fd, const void *stub, size_t stub_size);

/* Appends whole zstd frames; *data gets where they start, counted from the
 * payload (an entry's `data`). */
int onebin_writer_add(struct onebin_writer *w, const void *frames, size_t size, uint64_t *data);

/* Encodes the index (the header's stub_hash is the writer's), compresses it
 * at zstd `level` and writes it, the file hash block and the trailer. */
int onebin_writer_finish(struct onebin_writer *w, struct onebin_index_header header, const struct onebin_entry *entries,
                         const char *strings, int level);

#ifdef __cplusplus
}
#endif

#endif
