#include "container.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zstd.h>

#include "xxh64.h"

_Static_assert(sizeof ONEBIN_DATA_PATH == sizeof ONEBIN_DATA_PREFIX, "the data path replaces the prefix in place");

static const uint8_t kMagic[8] = {'O', 'N', 'E', 'B', 'I', 'N', '\r', '\n'};

static void put32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static void put64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

/* The format is little-endian, as is every target (x86-64): a field is one
 * load, inlined even at -Os (byte loops stayed loops, most of the time of
 * opening an index of 20,000 entries). */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the format's fields are read as they lie in memory");
static uint32_t get32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

static uint64_t get64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

void onebin_trailer_encode(const struct onebin_trailer *t, uint8_t out[ONEBIN_TRAILER_SIZE]) {
  memcpy(out, kMagic, 8);
  put32(out + 8, t->version);
  put32(out + 12, t->flags);
  put64(out + 16, t->payload_offset);
  put64(out + 24, t->index_offset);
  put64(out + 32, t->index_compressed_size);
  put64(out + 40, t->index_size);
  put64(out + 48, t->index_hash);
  put64(out + 56, onebin_xxh64(out, 56, 0));
}

void onebin_index_header_encode(const struct onebin_index_header *h, uint8_t out[ONEBIN_INDEX_HEADER_SIZE]) {
  memset(out, 0, ONEBIN_INDEX_HEADER_SIZE);
  put32(out, h->entry_count);
  put32(out + 4, h->strings_size);
  put32(out + 8, h->main_entry);
  put32(out + 12, h->glibc_needed);
  put64(out + 16, h->stub_hash);
  put32(out + 24, h->cache);
  put32(out + 28, h->packed);
}

void onebin_entry_encode(const struct onebin_entry *e, uint8_t out[ONEBIN_ENTRY_SIZE]) {
  out[0] = e->type;
  out[1] = e->family;
  out[2] = (uint8_t)e->flags;
  out[3] = (uint8_t)(e->flags >> 8);
  put32(out + 4, e->mode);
  put32(out + 8, e->path);
  put32(out + 12, e->path_size);
  put32(out + 16, e->link);
  put32(out + 20, e->link_size);
  put64(out + 24, e->size);
  put64(out + 32, e->data);
  put64(out + 40, e->data_size);
  put64(out + 48, e->hash);
  put32(out + 56, e->version);
  put32(out + 60, e->runpath_slot_size);
  put64(out + 64, e->runpath_slot);
  put32(out + 72, e->interp_slot_size);
  put32(out + 76, e->interp_slot);
  put64(out + 80, e->frame_offset);
  put64(out + 88, (uint64_t)e->mtime_ns);
  put32(out + 96, e->needs);
  put32(out + 100, e->needs_size);
}

const char *onebin_trailer_decode(const uint8_t b[ONEBIN_TRAILER_SIZE], uint64_t file_size,
                                  struct onebin_trailer *t) {
  if (memcmp(b, kMagic, 8) != 0) return "not a onebin file (no trailer)";
  if (get64(b + 56) != onebin_xxh64(b, 56, 0)) return "corrupted trailer (hash mismatch)";
  t->version = get32(b + 8);
  t->flags = get32(b + 12);
  if (t->version != ONEBIN_FORMAT_VERSION) return "unsupported format version (this reader knows version " ONEBIN_FORMAT_VERSION_TEXT ")";
  if (t->flags & ~ONEBIN_KNOWN_TRAILER_FLAGS) return "unsupported format flags";
  t->payload_offset = get64(b + 16);
  t->index_offset = get64(b + 24);
  t->index_compressed_size = get64(b + 32);
  t->index_size = get64(b + 40);
  t->index_hash = get64(b + 48);
  uint64_t after_index = ONEBIN_FILE_HASH_SIZE + ONEBIN_TRAILER_SIZE + (t->flags & ONEBIN_SIGNED ? ONEBIN_SIGNATURE_SIZE : 0);
  if (t->payload_offset > t->index_offset || file_size < after_index || t->index_offset > file_size - after_index ||
      t->index_compressed_size != file_size - after_index - t->index_offset)
    return "truncated or padded file (sizes in the trailer do not add up)";
  if (t->index_size < ONEBIN_INDEX_HEADER_SIZE || t->index_size > ONEBIN_INDEX_MAX) return "corrupted index size";
  return NULL;
}

void onebin_entry_at(const struct onebin_archive *a, uint32_t i, struct onebin_entry *e) {
  const uint8_t *p = a->index + ONEBIN_INDEX_HEADER_SIZE + (uint64_t)i * ONEBIN_ENTRY_SIZE;
  e->type = p[0];
  e->family = p[1];
  e->flags = (uint16_t)(p[2] | p[3] << 8);
  e->mode = get32(p + 4);
  e->path = get32(p + 8);
  e->path_size = get32(p + 12);
  e->link = get32(p + 16);
  e->link_size = get32(p + 20);
  e->size = get64(p + 24);
  e->data = get64(p + 32);
  e->data_size = get64(p + 40);
  e->hash = get64(p + 48);
  e->version = get32(p + 56);
  e->runpath_slot_size = get32(p + 60);
  e->runpath_slot = get64(p + 64);
  e->interp_slot_size = get32(p + 72);
  e->interp_slot = get32(p + 76);
  e->frame_offset = get64(p + 80);
  e->mtime_ns = (int64_t)get64(p + 88);
  e->needs = get32(p + 96);
  e->needs_size = get32(p + 100);
}

void onebin_entry_times(const struct onebin_entry *e, struct timespec out[2]) {
  int64_t ns = e->mtime_ns % 1000000000, s = e->mtime_ns / 1000000000;
  if (ns < 0) ns += 1000000000, s -= 1; /* before 1970: tv_nsec stays in [0, 1e9) */
  out[0] = (struct timespec){.tv_sec = 0, .tv_nsec = UTIME_OMIT};
  out[1] = (struct timespec){.tv_sec = (time_t)s, .tv_nsec = (long)ns};
}

/* Relative, no empty, "." or ".." component, no NUL: safe to join to a directory. */
static int path_is_safe(const char *path, uint32_t size) {
  if (size == 0 || path[0] == '/' || memchr(path, 0, size)) return 0;
  for (uint32_t start = 0; start <= size;) {
    uint32_t end = start;
    while (end < size && path[end] != '/') end++;
    uint32_t n = end - start;
    if (n == 0 || (n == 1 && path[start] == '.') || (n == 2 && path[start] == '.' && path[start + 1] == '.')) return 0;
    start = end + 1;
  }
  return 1;
}

static int slot_fits(uint64_t offset, uint32_t size, uint64_t content) { return size == 0 || (offset <= content && size <= content - offset); }

static const char *check_entry(const struct onebin_archive *a, const struct onebin_entry *e) {
  uint64_t payload = a->trailer.index_offset - a->trailer.payload_offset;
  if (e->type < ONEBIN_FILE || e->type > ONEBIN_SYMLINK) return "corrupted index (unknown entry type)";
  if (e->family > ONEBIN_FAMILY_HOST) return "corrupted index (unknown library family)";
  if (e->mode & ~07777u) return "corrupted index (bad mode)";
  if (e->flags & ~ONEBIN_KNOWN_FLAGS) return "corrupted index (unknown entry flags)";
  if ((e->flags & (ONEBIN_TEMPLATE | ONEBIN_ENVIRONMENT | ONEBIN_HOST_LIBRARIES | ONEBIN_DESKTOP | ONEBIN_UPDATE_URL)) &&
      (e->type != ONEBIN_FILE || (e->flags & ONEBIN_SHARED_FRAME)))
    return "corrupted index (a file onebin writes that is no plain file)";
  if ((e->flags & ONEBIN_DATA_DIR) && e->type != ONEBIN_DIR) return "corrupted index (data directory that is no directory)";
  if (e->needs_size && (e->family != ONEBIN_FAMILY_HOST || e->type != ONEBIN_FILE)) return "corrupted index (needs on a non-host entry)";
  if ((uint64_t)e->path + e->path_size > a->header.strings_size ||
      (uint64_t)e->link + e->link_size > a->header.strings_size ||
      (uint64_t)e->needs + e->needs_size > a->header.strings_size)
    return "corrupted index (string out of range)";
  if (!path_is_safe(a->strings + e->path, e->path_size)) return "corrupted index (unsafe path)";
  if (e->path_size > ONEBIN_PATH_MAX || e->link_size > ONEBIN_PATH_MAX) return "corrupted index (path too long)";
  if (e->needs_size && a->strings[e->needs + e->needs_size - 1] != 0) return "corrupted index (unterminated needs)";
  if (e->type == ONEBIN_SYMLINK && (e->link_size == 0 || memchr(a->strings + e->link, 0, e->link_size)))
    return "corrupted index (bad link target)";
  if (e->data > payload || e->data_size > payload - e->data) return "corrupted index (data out of range)";
  if (!slot_fits(e->runpath_slot, e->runpath_slot_size, e->size) || !slot_fits(e->interp_slot, e->interp_slot_size, e->size))
    return "corrupted index (slot out of range)";
  if ((e->flags & ONEBIN_SHARED_FRAME) &&
      (e->frame_offset > ONEBIN_SHARED_FRAME_MAX || e->size > ONEBIN_SHARED_FRAME_MAX - e->frame_offset ||
       (e->flags & (ONEBIN_PROGRAM | ONEBIN_LIBRARY | ONEBIN_LOADER))))
    return "corrupted index (bad shared frame)";
  return NULL;
}

static const char *decompress_index(struct onebin_archive *a, const uint8_t *frame) {
  const struct onebin_trailer *t = &a->trailer;
  a->index = malloc(t->index_size);
  a->dctx = ZSTD_createDCtx();
  if (!a->index || !a->dctx) return "out of memory for the index";
  size_t n = ZSTD_decompressDCtx(a->dctx, a->index, t->index_size, frame, t->index_compressed_size);
  if (ZSTD_isError(n) || n != t->index_size) return "corrupted index (does not decompress)";
  if (onebin_xxh64(a->index, t->index_size, 0) != t->index_hash) return "corrupted index (hash mismatch)";
  a->header.entry_count = get32(a->index);
  a->header.strings_size = get32(a->index + 4);
  a->header.main_entry = get32(a->index + 8);
  a->header.glibc_needed = get32(a->index + 12);
  a->header.stub_hash = get64(a->index + 16);
  uint64_t expected = ONEBIN_INDEX_HEADER_SIZE + (uint64_t)a->header.entry_count * ONEBIN_ENTRY_SIZE + a->header.strings_size;
  if (expected != t->index_size) return "corrupted index (sizes do not add up)";
  if (a->header.main_entry >= a->header.entry_count) return "corrupted index (no main program)";
  a->header.cache = get32(a->index + 24);
  if (a->header.cache > ONEBIN_CACHE_ALWAYS) return "corrupted index (unknown cache mode)";
  a->header.packed = get32(a->index + 28);
  if (a->file && onebin_xxh64(a->file, (size_t)t->payload_offset, 0) != a->header.stub_hash)
    return "corrupted stub (hash mismatch)";
  a->strings = (const char *)a->index + expected - a->header.strings_size;
  return NULL;
}

static int compare_paths(const struct onebin_archive *a, const struct onebin_entry *x, const char *path, uint32_t size) {
  uint32_t n = x->path_size < size ? x->path_size : size;
  int c = memcmp(a->strings + x->path, path, n);
  return c ? c : (x->path_size > size) - (x->path_size < size);
}

/* Binary search over the sorted entries: is `path` a directory entry?
 * Reads only each probed entry's type and path (decoding whole entries
 * made this most of opening an index of 20,000 files). */
static int is_directory(const struct onebin_archive *a, const char *path, uint32_t size) {
  uint32_t low = 0, high = a->header.entry_count;
  while (low < high) {
    uint32_t mid = low + (high - low) / 2;
    const uint8_t *p = a->index + ONEBIN_INDEX_HEADER_SIZE + (uint64_t)mid * ONEBIN_ENTRY_SIZE;
    struct onebin_entry e = {.type = p[0], .path = get32(p + 8), .path_size = get32(p + 12)};
    int c = compare_paths(a, &e, path, size);
    if (c == 0) return e.type == ONEBIN_DIR;
    if (c < 0) low = mid + 1;
    else high = mid;
  }
  return 0;
}

/* The parent last found to be a directory entry: files of one directory
 * come one after the other, so most entries need no search. */
struct known_parent {
  const char *path;
  uint32_t size;
};

/* Sorted, unique paths whose parents are directory entries: a reader that
 * writes entries in order never follows a packed symlink out of its root. */
static const char *check_tree(const struct onebin_archive *a, uint32_t i, const struct onebin_entry *e,
                              struct known_parent *known) {
  const char *path = a->strings + e->path;
  if (i > 0) {
    struct onebin_entry previous;
    onebin_entry_at(a, i - 1, &previous);
    if (compare_paths(a, &previous, path, e->path_size) >= 0) return "corrupted index (paths not sorted or not unique)";
  }
  uint32_t size = e->path_size; /* of the parent: up to the last slash */
  while (size > 0 && path[size - 1] != '/') size--;
  if (size-- == 0) return NULL;
  if (known->path && known->size == size && !memcmp(known->path, path, size)) return NULL;
  if (!is_directory(a, path, size)) return "corrupted index (parent is not a directory)";
  *known = (struct known_parent){path, size};
  return NULL;
}

/* Records entry `i` in *slot when `flagged`; a second flagged entry is refused. */
static const char *note_single(uint32_t *slot, int flagged, uint32_t i) {
  if (!flagged) return NULL;
  if (*slot != ONEBIN_NO_ENTRY) return "corrupted index (a flag that one entry at most may have is on two)";
  *slot = i;
  return NULL;
}

/* The index's checks, for onebin_open and onebin_open_index: a->trailer decoded. */
static const char *open_index(struct onebin_archive *a, const uint8_t *frame) {
  a->data_dir = a->host_libraries = a->environment = a->update_url = ONEBIN_NO_ENTRY;
  const char *error = decompress_index(a, frame);
  for (uint32_t i = 0; !error && i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    error = check_entry(a, &e);
    if (!error) error = note_single(&a->data_dir, e.flags & ONEBIN_DATA_DIR, i);
    if (!error) error = note_single(&a->host_libraries, e.flags & ONEBIN_HOST_LIBRARIES, i);
    if (!error) error = note_single(&a->environment, e.flags & ONEBIN_ENVIRONMENT, i);
    if (!error) error = note_single(&a->update_url, e.flags & ONEBIN_UPDATE_URL, i);
  }
  /* Second pass: the binary search may read any entry, all checked by now. */
  struct known_parent known = {NULL, 0};
  for (uint32_t i = 0; !error && i < a->header.entry_count; i++) {
    struct onebin_entry e;
    onebin_entry_at(a, i, &e);
    error = check_tree(a, i, &e, &known);
  }
  if (error) onebin_close(a);
  return error;
}

const char *onebin_open(const uint8_t *file, uint64_t file_size, struct onebin_archive *a) {
  memset(a, 0, sizeof *a);
  a->file = file;
  a->file_size = file_size;
  a->data_dir = a->host_libraries = a->environment = a->update_url = ONEBIN_NO_ENTRY;
  if (file_size < ONEBIN_TRAILER_SIZE) return "not a onebin file (too small)";
  const char *error = onebin_trailer_decode(file + file_size - ONEBIN_TRAILER_SIZE, file_size, &a->trailer);
  return error ? error : open_index(a, file + a->trailer.index_offset);
}

const char *onebin_open_index(const struct onebin_trailer *trailer, const uint8_t *index_frame,
                              struct onebin_archive *a) {
  memset(a, 0, sizeof *a);
  a->trailer = *trailer;
  return open_index(a, index_frame);
}

const char *onebin_file_hash(const struct onebin_archive *a, uint64_t *hashed, uint64_t *expected) {
  *hashed = a->trailer.index_offset + a->trailer.index_compressed_size;
  *expected = get64(a->file + *hashed);
  return get64(a->file + *hashed + 8) != 0 ? "corrupted file hash block (reserved bytes set)" : NULL;
}

void onebin_close(struct onebin_archive *a) {
  free(a->index);
  free(a->shared);
  a->shared = NULL;
  a->shared_size = 0;
  ZSTD_freeDCtx(a->dctx);
  a->index = NULL;
  a->dctx = NULL;
}

/* A file in a frame shared with other small files: the slice of the
 * frame's content, decoding the frame only if it is not the cached one. */
static const char *read_shared(struct onebin_archive *a, const struct onebin_entry *e, void *dest) {
  if (a->shared_size == 0 || a->shared_data != e->data) {
    if (!a->shared && !(a->shared = malloc(ONEBIN_SHARED_FRAME_MAX))) return "out of memory";
    const uint8_t *src = a->file + a->trailer.payload_offset + e->data;
    size_t n = ZSTD_decompressDCtx(a->dctx, a->shared, ONEBIN_SHARED_FRAME_MAX, src, e->data_size);
    a->shared_size = ZSTD_isError(n) ? 0 : n;
    a->shared_data = e->data;
  }
  if (e->frame_offset + e->size > a->shared_size) return "corrupted file data (does not decompress)";
  memcpy(dest, a->shared + e->frame_offset, e->size);
  return NULL;
}

const char *onebin_check_frames(const struct onebin_archive *a, const struct onebin_entry *e) {
  if ((e->flags & ONEBIN_SHARED_FRAME) || e->size == 0) return NULL; /* sizes checked with the index */
  const uint8_t *src = a->file + a->trailer.payload_offset + e->data;
  uint64_t content = 0;
  for (uint64_t at = 0; at < e->data_size;) {
    size_t frame = ZSTD_findFrameCompressedSize(src + at, (size_t)(e->data_size - at));
    unsigned long long size = ZSTD_getFrameContentSize(src + at, (size_t)(e->data_size - at));
    if (ZSTD_isError(frame) || size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR ||
        size > ONEBIN_FRAME_CONTENT_MAX)
      return "corrupted file data (bad frame)";
    content += size, at += frame;
  }
  return content == e->size ? NULL : "corrupted index (size does not match the file's frames)";
}

const char *onebin_read_entry(struct onebin_archive *a, const struct onebin_entry *e, void *dest) {
  if (e->flags & ONEBIN_SHARED_FRAME) {
    const char *error = read_shared(a, e, dest);
    if (error) return error;
  } else if (e->size > 0) {
    const uint8_t *src = a->file + a->trailer.payload_offset + e->data;
    /* One call decodes all of the file's frames (they are back to back). */
    size_t n = ZSTD_decompressDCtx(a->dctx, dest, e->size, src, e->data_size);
    if (ZSTD_isError(n) || n != e->size) return "corrupted file data (does not decompress)";
  }
  if (onebin_xxh64(dest, e->size, 0) != e->hash) return "corrupted file data (hash mismatch)";
  return NULL;
}

const char *onebin_cache_name(uint32_t mode) {
  static const char *const names[] = {"auto", "never", "always"};
  return mode <= ONEBIN_CACHE_ALWAYS ? names[mode] : NULL;
}

uint32_t onebin_version_parse(const char *text) {
  uint32_t parts[3] = {0, 0, 0};
  for (int i = 0; i < 3 && *text >= '0' && *text <= '9'; i++) {
    while (*text >= '0' && *text <= '9') parts[i] = parts[i] * 10 + (uint32_t)(*text++ - '0');
    if (parts[i] > 1023) parts[i] = 1023;
    if (*text == '.') text++;
  }
  return parts[0] << 20 | parts[1] << 10 | parts[2];
}

uint32_t onebin_file_name_version(const char *name) {
  const char *so = strstr(name, ".so.");
  if (so) return onebin_version_parse(so + 4);
  const char *dash = strrchr(name, '-');
  return dash ? onebin_version_parse(dash + 1) : 0;
}
