#include "writer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

#include "xxh64.h"

static int write_all(struct onebin_writer *w, const void *data, size_t size) {
  const uint8_t *at = data;
  int fd = w->fd;
  while (size > 0) {
    ssize_t n = write(fd, at, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : ENOSPC;
    onebin_xxh64_update(&w->file_hash, at, (size_t)n);
    at += n;
    size -= (size_t)n;
    w->written += (uint64_t)n;
  }
  return 0;
}

int onebin_writer_start(struct onebin_writer *w, int fd, const void *stub, size_t stub_size) {
  w->fd = fd;
  w->payload_offset = stub_size;
  w->payload_size = 0;
  w->stub_hash = onebin_xxh64(stub, stub_size, 0);
  w->written = 0;
  onebin_xxh64_init(&w->file_hash, 0);
  return write_all(w, stub, stub_size);
}

int onebin_writer_add(struct onebin_writer *w, const void *frames, size_t size, uint64_t *data) {
  *data = w->payload_size;
  int error = write_all(w, frames, size);
  if (!error) w->payload_size += size;
  return error;
}

static uint8_t *encode_index(struct onebin_index_header header, const struct onebin_entry *entries,
                             const char *strings, size_t size) {
  uint8_t *index = malloc(size);
  if (!index) return NULL;
  onebin_index_header_encode(&header, index);
  for (uint32_t i = 0; i < header.entry_count; i++)
    onebin_entry_encode(&entries[i], index + ONEBIN_INDEX_HEADER_SIZE + (size_t)i * ONEBIN_ENTRY_SIZE);
  memcpy(index + ONEBIN_INDEX_HEADER_SIZE + (size_t)header.entry_count * ONEBIN_ENTRY_SIZE, strings, header.strings_size);
  return index;
}

int onebin_writer_finish(struct onebin_writer *w, struct onebin_index_header header, const struct onebin_entry *entries,
                         const char *strings, int level) {
  header.stub_hash = w->stub_hash;
  uint64_t size = ONEBIN_INDEX_HEADER_SIZE + (uint64_t)header.entry_count * ONEBIN_ENTRY_SIZE + header.strings_size;
  if (size > ONEBIN_INDEX_MAX) return EFBIG;
  uint8_t *index = encode_index(header, entries, strings, (size_t)size);
  size_t bound = ZSTD_compressBound((size_t)size);
  uint8_t *frame = index ? malloc(bound) : NULL;
  size_t compressed = frame ? ZSTD_compress(frame, bound, index, (size_t)size, level) : 0;
  int error = !frame || ZSTD_isError(compressed) ? ENOMEM : 0;
  if (!error) {
    struct onebin_trailer trailer = {ONEBIN_FORMAT_VERSION, 0, w->payload_offset, w->payload_offset + w->payload_size,
                                     compressed, size, onebin_xxh64(index, (size_t)size, 0)};
    uint8_t bytes[ONEBIN_TRAILER_SIZE];
    onebin_trailer_encode(&trailer, bytes);
    error = write_all(w, frame, compressed);
    uint8_t file_hash[ONEBIN_FILE_HASH_SIZE] = {0};
    uint64_t digest = onebin_xxh64_digest(&w->file_hash);
    for (int i = 0; i < 8; i++) file_hash[i] = (uint8_t)(digest >> (8 * i));
    if (!error) error = write_all(w, file_hash, sizeof file_hash);
    if (!error) error = write_all(w, bytes, sizeof bytes);
  }
  free(frame);
  free(index);
  return error;
}
