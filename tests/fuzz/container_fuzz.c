/* libFuzzer target for the container reader (formats/container.c), the code
 * the stub runs on every byte of a packed file before anything else, for
 * reading entries through zstd's decoder, and for the stub's own parallel
 * decoder (stub/decode.c), which splits files into frame jobs from the frame
 * headers and writes them at offsets. The input is a payload and a
 * raw index; the target builds the container around them (a 16-byte stub,
 * the index compressed, the stub hash, index hash and trailer filled in),
 * so mutations reach the index checks instead of stopping at a hash. Input:
 * 4 bytes little-endian payload size P, P bytes of payload, the index. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zstd.h>

#include "../../formats/container.h"
#include "../../formats/xxh64.h"
#include "../../stub/decode.h"

enum { kStub = 16 };

static uint8_t *build(const uint8_t *data, size_t size, size_t *out_size) {
  uint32_t payload = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24;
  if (payload > size - 4) payload = (uint32_t)(size - 4);
  size_t index_size = size - 4 - payload;
  uint8_t *index = malloc(index_size + 1);
  size_t bound = ZSTD_compressBound(index_size);
  uint8_t *out = malloc(kStub + payload + bound + ONEBIN_FILE_HASH_SIZE + ONEBIN_TRAILER_SIZE);
  if (!index || !out) abort();
  memset(out, 0xAA, kStub);
  memcpy(out + kStub, data + 4, payload);
  memcpy(index, data + 4 + payload, index_size);
  uint64_t stub_hash = onebin_xxh64(out, kStub, 0);
  for (int i = 0; i < 8 && 16 + i < (int)index_size; i++) index[16 + i] = (uint8_t)(stub_hash >> (8 * i));
  size_t compressed = ZSTD_compress(out + kStub + payload, bound, index, index_size, 1);
  if (ZSTD_isError(compressed)) abort();
  struct onebin_trailer trailer = {ONEBIN_FORMAT_VERSION, 0, kStub, kStub + payload, compressed, index_size,
                                   onebin_xxh64(index, index_size, 0)};
  size_t hashed = kStub + payload + compressed;
  uint64_t file_hash = onebin_xxh64(out, hashed, 0);
  memset(out + hashed, 0, ONEBIN_FILE_HASH_SIZE);
  for (int i = 0; i < 8; i++) out[hashed + i] = (uint8_t)(file_hash >> (8 * i));
  onebin_trailer_encode(&trailer, out + hashed + ONEBIN_FILE_HASH_SIZE);
  free(index);
  *out_size = hashed + ONEBIN_FILE_HASH_SIZE + ONEBIN_TRAILER_SIZE;
  return out;
}

/* The stub's hook for patching a checked file: touching its first and last
 * byte lets ASan see a buffer shorter than the file. */
static void touch(void *context, const struct decode_file *f, uint8_t *content) {
  (void)context;
  if (f->entry->size == 0) return;
  content[0] ^= 1;
  content[f->entry->size - 1] ^= 1;
}

/* Files at top-level paths are created by the decoder in the scratch
 * directory $ONEBIN_FUZZ_SCRATCH (as in the stub's view), the others go to
 * memfds (as the stub's libraries do); both are removed afterwards. */
static void decode_all(const struct onebin_archive *a) {
  static int scratch = -1;
  const char *dir = getenv("ONEBIN_FUZZ_SCRATCH");
  if (scratch < 0 && (!dir || (scratch = open(dir, O_RDONLY | O_DIRECTORY)) < 0)) {
    fprintf(stderr, "ONEBIN_FUZZ_SCRATCH must name a directory to create files in\n");
    abort();
  }
  uint32_t total = a->header.entry_count;
  struct onebin_entry *entries = calloc(total + 1, sizeof *entries);
  struct decode_file *files = calloc(total + 1, sizeof *files);
  if (!entries || !files) abort();
  size_t count = 0;
  for (uint32_t i = 0; i < total; i++) {
    onebin_entry_at(a, i, &entries[i]);
    if (entries[i].type != ONEBIN_FILE) continue;
    int top = !memchr(a->strings + entries[i].path, '/', entries[i].path_size);
    files[count++] = (struct decode_file){&entries[i], top ? -1 : memfd_create("fuzz", MFD_CLOEXEC)};
  }
  struct decode_target target = {scratch, touch, NULL};
  size_t failed;
  decode_files(a, &target, files, count, &failed);
  for (size_t k = 0; k < count; k++) {
    if (files[k].fd >= 0) {
      close(files[k].fd);
      continue;
    }
    char name[ONEBIN_PATH_MAX + 1];
    snprintf(name, sizeof name, "%.*s", (int)files[k].entry->path_size, a->strings + files[k].entry->path);
    unlinkat(scratch, name, 0);
  }
  free(files);
  free(entries);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 4) return 0;
  size_t file_size;
  uint8_t *file = build(data, size, &file_size);
  struct onebin_archive archive;
  if (!onebin_open(file, file_size, &archive)) {
    for (uint32_t i = 0; i < archive.header.entry_count; i++) {
      struct onebin_entry e;
      onebin_entry_at(&archive, i, &e);
      if (e.type != ONEBIN_FILE || onebin_check_frames(&archive, &e) || e.size > (1u << 24)) continue;
      void *content = malloc(e.size ? e.size : 1);
      if (!content) abort();
      onebin_read_entry(&archive, &e, content);
      free(content);
    }
    decode_all(&archive);
  }
  onebin_close(&archive);
  free(file);
  return 0;
}
