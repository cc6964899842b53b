#include "decode.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

#include "../formats/xxh64.h"
#include "log.h"

/* More threads than this only add start-up cost for the sizes we unpack. */
#define MAX_THREADS 8

struct job {
  const uint8_t *src;
  size_t src_size;
  uint8_t *dest;    /* NULL for a shared frame: its members get slices */
  size_t dest_size;
  size_t file;      /* the (first) file the frame belongs to */
  size_t last;      /* shared frame: one past its last member in the file list */
};

struct work {
  const struct decode_file *files;
  size_t file_count;
  struct job *jobs;
  size_t count, capacity, next;
  const char *error;
  size_t failed;
};

/* Appends a job, growing the list by doubling: jobs are made in one pass over
 * the frame headers. 0 on success, -1 when out of memory. */
static int add_job(struct work *w, struct job job) {
  if (w->count == w->capacity) {
    size_t capacity = w->capacity ? 2 * w->capacity : 256;
    struct job *more = realloc(w->jobs, capacity * sizeof *more);
    if (!more) return -1;
    w->jobs = more;
    w->capacity = capacity;
  }
  w->jobs[w->count++] = job;
  return 0;
}

/* One job per frame of a file; -1 if the frame headers do not add up to the
 * file's size (or memory runs out). */
static int split_frames(const struct onebin_archive *a, struct work *w, size_t file) {
  const struct decode_file *f = &w->files[file];
  const uint8_t *src = a->file + a->trailer.payload_offset + f->entry->data;
  uint64_t left = f->entry->data_size, produced = 0;
  while (left > 0) {
    size_t frame = ZSTD_findFrameCompressedSize(src, left);
    unsigned long long content = ZSTD_getFrameContentSize(src, left);
    if (ZSTD_isError(frame) || content == ZSTD_CONTENTSIZE_UNKNOWN || content == ZSTD_CONTENTSIZE_ERROR ||
        content > f->entry->size - produced)
      return -1;
    if (add_job(w, (struct job){src, frame, f->dest + produced, (size_t)content, file, file + 1}) != 0) return -1;
    src += frame;
    left -= frame;
    produced += content;
  }
  return produced == f->entry->size ? 0 : -1;
}

static int is_shared(const struct decode_file *f) { return (f->entry->flags & ONEBIN_SHARED_FRAME) != 0; }

/* Members of one shared frame are consecutive among the shared files
 * (formats/README.md), though other files may lie between them; returns one
 * past the last member of the frame at i. */
static size_t shared_end(const struct decode_file *files, size_t count, size_t i) {
  size_t end = i + 1, last = i;
  for (; end < count; end++) {
    if (!is_shared(&files[end])) continue;
    if (files[end].entry->data != files[i].entry->data) break;
    last = end;
  }
  return last + 1;
}

static void fail(struct work *w, const char *reason, size_t file) {
  const char *expected = NULL;
  if (__atomic_compare_exchange_n(&w->error, &expected, reason, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) w->failed = file;
}

static void decode_shared(struct work *w, const struct job *j, ZSTD_DCtx *dctx, uint8_t *buffer) {
  size_t n = ZSTD_decompressDCtx(dctx, buffer, ONEBIN_SHARED_FRAME_MAX, j->src, j->src_size);
  if (ZSTD_isError(n)) {
    fail(w, "corrupted file data (does not decompress)", j->file);
    return;
  }
  for (size_t m = j->file; m < j->last; m++) {
    const struct onebin_entry *e = w->files[m].entry;
    if (!is_shared(&w->files[m]) || e->data != w->files[j->file].entry->data) continue;
    if (e->frame_offset + e->size > n) fail(w, "corrupted file data (shared frame too short)", m);
    else memcpy(w->files[m].dest, buffer + e->frame_offset, e->size);
  }
}

static void *worker(void *arg) {
  struct work *w = arg;
  ZSTD_DCtx *dctx = ZSTD_createDCtx();
  uint8_t *buffer = NULL; /* for shared frames, allocated at the first one */
  if (!dctx) {
    fail(w, "out of memory for a decoder", 0);
    return NULL;
  }
  for (size_t i; (i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->count;) {
    const struct job *j = &w->jobs[i];
    if (!j->dest && !buffer && !(buffer = malloc(ONEBIN_SHARED_FRAME_MAX))) {
      fail(w, "out of memory", j->file);
      break;
    }
    if (!j->dest) {
      decode_shared(w, j, dctx, buffer);
      continue;
    }
    size_t n = ZSTD_decompressDCtx(dctx, j->dest, j->dest_size, j->src, j->src_size);
    if (ZSTD_isError(n) || n != j->dest_size) fail(w, "corrupted file data (does not decompress)", j->file);
  }
  free(buffer);
  ZSTD_freeDCtx(dctx);
  return NULL;
}

/* Checks files' hashes, taking files from the same counter as the decoders took frames. */
static void *hasher(void *arg) {
  struct work *w = arg;
  for (size_t i; (i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->file_count;) {
    const struct decode_file *f = &w->files[i];
    if (onebin_xxh64(f->dest, f->entry->size, 0) != f->entry->hash) fail(w, "corrupted file data (hash mismatch)", i);
  }
  return NULL;
}

/* Runs `fn` on up to one thread per core (this thread included) for `items` items. */
static void run_on_cores(struct work *w, void *(*fn)(void *), size_t items) {
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  size_t threads = cores < 1 ? 1 : cores > MAX_THREADS ? MAX_THREADS : (size_t)cores;
  if (threads > items) threads = items ? items : 1;
  pthread_t ids[MAX_THREADS];
  size_t started = 0;
  w->next = 0;
  for (size_t t = 1; t < threads; t++)
    if (pthread_create(&ids[started], NULL, fn, w) == 0) started++;
  fn(w);
  for (size_t t = 0; t < started; t++) pthread_join(ids[t], NULL);
}

/* One job per frame, shared frames once. -1 with *failed set if a file's
 * frames do not match the index. */
static int make_jobs(const struct onebin_archive *a, struct work *w, size_t *failed) {
  const struct onebin_entry *frame = NULL; /* the shared frame of the last job made for one */
  for (size_t i = 0; i < w->file_count; i++) {
    const struct decode_file *f = &w->files[i];
    int error = 0;
    if (!is_shared(f)) {
      error = split_frames(a, w, i);
    } else if (!frame || frame->data != f->entry->data) {
      frame = f->entry;
      error = add_job(w, (struct job){a->file + a->trailer.payload_offset + frame->data, frame->data_size, NULL, 0, i,
                                      shared_end(w->files, w->file_count, i)});
    }
    if (error) {
      *failed = i;
      return -1;
    }
  }
  return 0;
}

const char *decode_files(const struct onebin_archive *a, const struct decode_file *files, size_t count, size_t *failed) {
  struct work w = {.files = files, .file_count = count};
  if (make_jobs(a, &w, failed) != 0) {
    free(w.jobs);
    return "corrupted file data (frames do not match the index)";
  }
  debug("decompressing %zu frames", w.count);
  run_on_cores(&w, worker, w.count);
  free(w.jobs);
  if (!w.error) run_on_cores(&w, hasher, count);
  *failed = w.failed;
  return w.error;
}
