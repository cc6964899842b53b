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
  struct job *jobs;
  size_t count, next;
  const char *error;
  size_t failed;
};

/* Splits one file's data into frames; returns jobs added or -1 if the frame
 * headers do not add up to the file's size. jobs may be NULL to count. */
static long split_frames(const struct onebin_archive *a, const struct decode_file *f, size_t file, struct job *jobs) {
  const uint8_t *src = a->file + a->trailer.payload_offset + f->entry->data;
  uint64_t left = f->entry->data_size, produced = 0;
  long n = 0;
  while (left > 0) {
    size_t frame = ZSTD_findFrameCompressedSize(src, left);
    unsigned long long content = ZSTD_getFrameContentSize(src, left);
    if (ZSTD_isError(frame) || content == ZSTD_CONTENTSIZE_UNKNOWN || content == ZSTD_CONTENTSIZE_ERROR ||
        content > f->entry->size - produced)
      return -1;
    if (jobs) jobs[n] = (struct job){src, frame, f->dest + produced, (size_t)content, file, file + 1};
    src += frame;
    left -= frame;
    produced += content;
    n++;
  }
  return produced == f->entry->size ? n : -1;
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

static void run_jobs(struct work *w) {
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  size_t threads = cores < 1 ? 1 : cores > MAX_THREADS ? MAX_THREADS : (size_t)cores;
  if (threads > w->count) threads = w->count ? w->count : 1;
  debug("decompressing %zu frames on %zu threads", w->count, threads);
  pthread_t ids[MAX_THREADS];
  size_t started = 0;
  for (size_t t = 1; t < threads; t++)
    if (pthread_create(&ids[started], NULL, worker, w) == 0) started++;
  worker(w);  /* this thread works too */
  for (size_t t = 0; t < started; t++) pthread_join(ids[t], NULL);
}

/* Jobs for all files (jobs NULL: only counts). -1 with *failed set if a file's frames do not match the index. */
static long make_jobs(const struct onebin_archive *a, const struct decode_file *files, size_t count, struct job *jobs,
                      size_t *failed) {
  long total = 0;
  const struct onebin_entry *frame = NULL; /* the shared frame of the last job made for one */
  for (size_t i = 0; i < count;) {
    if (is_shared(&files[i])) {
      if (!frame || frame->data != files[i].entry->data) {
        frame = files[i].entry;
        if (jobs)
          jobs[total] = (struct job){a->file + a->trailer.payload_offset + frame->data, frame->data_size, NULL, 0, i,
                                     shared_end(files, count, i)};
        total++;
      }
      i++;
      continue;
    }
    long n = split_frames(a, &files[i], i, jobs ? jobs + total : NULL);
    if (n < 0) {
      *failed = i;
      return -1;
    }
    total += n;
    i++;
  }
  return total;
}

const char *decode_files(const struct onebin_archive *a, const struct decode_file *files, size_t count, size_t *failed) {
  long total = make_jobs(a, files, count, NULL, failed);
  if (total < 0) return "corrupted file data (frames do not match the index)";
  struct work w = {files, malloc((total ? (size_t)total : 1) * sizeof(struct job)), (size_t)total, 0, NULL, 0};
  if (!w.jobs) return "out of memory";
  make_jobs(a, files, count, w.jobs, failed);
  run_jobs(&w);
  free(w.jobs);
  for (size_t i = 0; !w.error && i < count; i++)
    if (onebin_xxh64(files[i].dest, files[i].entry->size, 0) != files[i].entry->hash) fail(&w, "corrupted file data (hash mismatch)", i);
  *failed = w.failed;
  return w.error;
}
