#define _GNU_SOURCE
#include "decode.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zstd.h>

#include "../formats/xxh64.h"
#include "log.h"

/* More threads than this only add start-up cost for the sizes we unpack. */
#define MAX_THREADS 8

enum job_kind {
  WHOLE,  /* the only frame of a file: checked and written at once */
  PART,   /* one frame of a file of several: written at its offset, checked when all are in */
  SHARED  /* a frame shared by small files: each member checked and written */
};

struct job {
  const uint8_t *src;
  size_t src_size;
  size_t content;  /* WHOLE, PART: the content size the index promises */
  uint64_t offset; /* PART: where the content goes in the file */
  size_t file;     /* the (first) file the frame belongs to */
  size_t last;     /* SHARED: one past its last member in the file list */
  int fd;          /* PART: the file being filled */
  enum job_kind kind;
};

/* A file of several frames, open while its frames are written. */
struct split_file {
  size_t file;
  int fd;
};

/* ONEBIN_DEBUG's profile: where the decoding threads' time goes, summed. */
enum step { DECOMPRESS, HASH, WRITE, STEPS };

struct work {
  const struct onebin_archive *archive;
  const struct decode_target *target;
  const struct decode_file *files;
  size_t file_count;
  struct job *jobs;
  size_t job_count, job_capacity;
  struct split_file *splits;
  size_t split_count, split_capacity;
  size_t next;
  uint64_t spent_ns[STEPS];
  int claimed; /* the first failure is the one reported */
  const char *error;
  size_t failed;
};

static void fail(struct work *w, size_t file, const char *reason, int error_number) {
  static char message[192];
  int expected = 0;
  if (!__atomic_compare_exchange_n(&w->claimed, &expected, 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return;
  if (error_number) {
    snprintf(message, sizeof message, "%s: %s", reason, strerror(error_number));
    reason = message;
  }
  w->failed = file;
  w->error = reason;
}

static uint64_t now_ns(void) {
  struct timespec t = {0, 0};
  if (onebin_debug) clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void account(struct work *w, enum step step, uint64_t since) {
  if (onebin_debug) __atomic_fetch_add(&w->spent_ns[step], now_ns() - since, __ATOMIC_RELAXED);
}

/* Makes room for one more item by doubling; -1 when out of memory. */
static int grow(void **items, size_t *capacity, size_t count, size_t item_size) {
  if (count < *capacity) return 0;
  size_t more = *capacity ? 2 * *capacity : 256;
  void *bigger = realloc(*items, more * item_size);
  if (!bigger) return -1;
  *items = bigger;
  *capacity = more;
  return 0;
}

static int add_job(struct work *w, struct job job) {
  if (grow((void **)&w->jobs, &w->job_capacity, w->job_count, sizeof job) != 0) return -1;
  w->jobs[w->job_count++] = job;
  return 0;
}

/* Creates a file at the entry's path (its parents exist: formats/README.md);
 * 0600 until its content is in, then the packed mode. */
static int create_file(const struct work *w, size_t file, int access) {
  const struct onebin_entry *e = w->files[file].entry;
  char path[ONEBIN_PATH_MAX + 1]; /* the reader refused longer paths */
  snprintf(path, sizeof path, "%.*s", (int)e->path_size, w->archive->strings + e->path);
  return openat(w->target->dir_fd, path, access | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
}

/* 0 or an errno value; a write that makes no progress is a full file system. */
static int write_all(int fd, const uint8_t *data, size_t size, uint64_t offset) {
  while (size > 0) {
    ssize_t n = pwrite(fd, data, size, (off_t)offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : ENOSPC;
    data += n;
    size -= (size_t)n;
    offset += (uint64_t)n;
  }
  return 0;
}

/* Blocks of zeros are not written: the file is given its size instead, so
 * they read as zeros and, where they fill a file system block, take no
 * room: a sparse file stays sparse (an 8 GB disk image packed into 1.8 MB
 * was written in full). */
#define ZERO_BLOCK 4096

static int all_zero(const uint8_t *p, size_t n) { return p[0] == 0 && (n == 1 || !memcmp(p, p + 1, n - 1)); }

/* Writes `size` bytes at `offset`, leaving out the blocks of zeros; sets
 * *skipped if it left out any. 0 or an errno value. */
static int write_sparse(int fd, const uint8_t *data, size_t size, uint64_t offset, int *skipped) {
  size_t start = 0; /* where the data not yet written begins */
  for (size_t at = 0; at < size; at += ZERO_BLOCK) {
    size_t n = size - at < ZERO_BLOCK ? size - at : ZERO_BLOCK;
    if (!all_zero(data + at, n)) continue;
    int error = at > start ? write_all(fd, data + start, at - start, offset + start) : 0;
    if (error) return error;
    start = at + n;
    *skipped = 1;
  }
  return size > start ? write_all(fd, data + start, size - start, offset + start) : 0;
}

/* Gives a created file its packed mode and modification time (caches such
 * as CPython's .pyc compare it) and closes it; 0 or an errno value. */
static int close_created(int fd, const struct onebin_entry *e) {
  struct timespec times[2];
  onebin_entry_times(e, times);
  int error = fchmod(fd, e->mode & ONEBIN_WRITTEN_MODE_BITS) != 0 || futimens(fd, times) != 0 ? errno : 0;
  close(fd);
  return error;
}

/* A file whose whole content is in memory: checked, prepared, written. */
static void store(struct work *w, size_t file, uint8_t *content) {
  const struct decode_file *f = &w->files[file];
  uint64_t start = now_ns();
  int intact = onebin_xxh64(content, f->entry->size, 0) == f->entry->hash;
  account(w, HASH, start);
  if (!intact) {
    fail(w, file, "corrupted file data (hash mismatch)", 0);
    return;
  }
  w->target->prepare(w->target->context, f, content);
  start = now_ns();
  int fd = f->fd >= 0 ? f->fd : create_file(w, file, O_WRONLY);
  if (fd < 0) {
    fail(w, file, "cannot create", errno);
    return;
  }
  int skipped = 0, error = write_sparse(fd, content, f->entry->size, 0, &skipped);
  if (!error && skipped && ftruncate(fd, (off_t)f->entry->size) != 0) error = errno;
  if (f->fd < 0 && close_created(fd, f->entry) != 0 && !error) error = errno;
  account(w, WRITE, start);
  if (error) fail(w, file, "cannot write", error);
}

static int is_shared(const struct decode_file *f) { return (f->entry->flags & ONEBIN_SHARED_FRAME) != 0; }

static void store_members(struct work *w, const struct job *j, uint8_t *content, size_t size) {
  for (size_t m = j->file; m < j->last; m++) {
    const struct onebin_entry *e = w->files[m].entry;
    if (!is_shared(&w->files[m]) || e->data != w->files[j->file].entry->data) continue;
    if (e->frame_offset + e->size > size) fail(w, m, "corrupted file data (shared frame too short)", 0);
    else store(w, m, content + e->frame_offset);
  }
}

static void run_job(struct work *w, const struct job *j, ZSTD_DCtx *dctx, uint8_t *buffer) {
  size_t room = j->kind == SHARED ? ONEBIN_SHARED_FRAME_MAX : ONEBIN_FRAME_CONTENT_MAX;
  uint64_t start = now_ns();
  size_t n = j->src_size ? ZSTD_decompressDCtx(dctx, buffer, room, j->src, j->src_size) : 0;
  account(w, DECOMPRESS, start);
  if (ZSTD_isError(n) || (j->kind != SHARED && n != j->content)) {
    fail(w, j->file, "corrupted file data (does not decompress)", 0);
  } else if (j->kind == WHOLE) {
    store(w, j->file, buffer);
  } else if (j->kind == SHARED) {
    store_members(w, j, buffer, n);
  } else {
    start = now_ns();
    int skipped = 0, error = write_sparse(j->fd, buffer, n, j->offset, &skipped);
    account(w, WRITE, start);
    if (error) fail(w, j->file, "cannot write", error);
  }
}

static void *decoder(void *arg) {
  struct work *w = arg;
  ZSTD_DCtx *dctx = ZSTD_createDCtx();
  uint8_t *buffer = malloc(ONEBIN_FRAME_CONTENT_MAX);
  if (!dctx || !buffer) fail(w, 0, "out of memory for a decoder", 0);
  else
    for (size_t i; (i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->job_count;)
      run_job(w, &w->jobs[i], dctx, buffer);
  free(buffer);
  ZSTD_freeDCtx(dctx);
  return NULL;
}

/* A file of several frames once all are written: mapped to check its hash
 * and let the caller patch it. */
static void check_split(struct work *w, const struct split_file *s) {
  const struct decode_file *f = &w->files[s->file];
  uint64_t start = now_ns();
  uint8_t *content = mmap(NULL, f->entry->size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, s->fd, 0);
  if (content == MAP_FAILED) {
    fail(w, s->file, "cannot map", errno);
    return;
  }
  int intact = onebin_xxh64(content, f->entry->size, 0) == f->entry->hash;
  account(w, HASH, start);
  if (!intact) fail(w, s->file, "corrupted file data (hash mismatch)", 0);
  else w->target->prepare(w->target->context, f, content);
  munmap(content, f->entry->size);
  if (f->fd < 0 && close_created(s->fd, f->entry) != 0) fail(w, s->file, "cannot write", errno);
}

static void *split_checker(void *arg) {
  struct work *w = arg;
  for (size_t i; (i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->split_count;) check_split(w, &w->splits[i]);
  return NULL;
}

/* Runs `fn` on up to one thread per core (this thread included) for `items`
 * items; returns the number of threads. */
static size_t run_on_cores(struct work *w, void *(*fn)(void *), size_t items) {
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
  return started + 1;
}

/* A file of several frames is opened here, before its frames are written
 * in parallel; 0, or -1 with the failure recorded. */
static int open_split(struct work *w, size_t file, int *fd) {
  const struct decode_file *f = &w->files[file];
  *fd = f->fd >= 0 ? f->fd : create_file(w, file, O_RDWR);
  if (*fd < 0 || ftruncate(*fd, (off_t)f->entry->size) != 0) { /* its size first: its frames leave out zeros */
    fail(w, file, "cannot create", errno);
    return -1;
  }
  if (grow((void **)&w->splits, &w->split_capacity, w->split_count, sizeof *w->splits) != 0) {
    fail(w, file, "out of memory", 0);
    return -1;
  }
  w->splits[w->split_count++] = (struct split_file){file, *fd};
  return 0;
}

/* One job per frame of a file; -1 if the frame headers do not add up to the
 * file's size (or memory runs out). */
static int split_frames(struct work *w, size_t file) {
  const struct onebin_entry *e = w->files[file].entry;
  const uint8_t *src = w->archive->file + w->archive->trailer.payload_offset + e->data;
  uint64_t left = e->data_size, produced = 0;
  if (e->size == 0) return left == 0 ? add_job(w, (struct job){src, 0, 0, 0, file, file + 1, -1, WHOLE}) : -1;
  int fd = -1;
  while (left > 0) {
    size_t frame = ZSTD_findFrameCompressedSize(src, left);
    unsigned long long content = ZSTD_getFrameContentSize(src, left);
    if (ZSTD_isError(frame) || content == ZSTD_CONTENTSIZE_UNKNOWN || content == ZSTD_CONTENTSIZE_ERROR ||
        content > ONEBIN_FRAME_CONTENT_MAX || content > e->size - produced)
      return -1;
    enum job_kind kind = produced == 0 && content == e->size ? WHOLE : PART;
    if (kind == PART && fd < 0 && open_split(w, file, &fd) != 0) return -1;
    if (add_job(w, (struct job){src, frame, (size_t)content, produced, file, file + 1, fd, kind}) != 0) return -1;
    src += frame;
    left -= frame;
    produced += content;
  }
  return produced == e->size ? 0 : -1;
}

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

/* One job per frame, shared frames once. -1 with w->failed set if a file's
 * frames do not match the index or a file cannot be created. */
static int make_jobs(struct work *w) {
  const struct onebin_entry *frame = NULL; /* the shared frame of the last job made for one */
  for (size_t i = 0; i < w->file_count; i++) {
    const struct decode_file *f = &w->files[i];
    int error = 0;
    if (!is_shared(f)) {
      error = split_frames(w, i);
    } else if (!frame || frame->data != f->entry->data) {
      frame = f->entry;
      const uint8_t *src = w->archive->file + w->archive->trailer.payload_offset + frame->data;
      error = add_job(w, (struct job){src, frame->data_size, 0, 0, i, shared_end(w->files, w->file_count, i), -1, SHARED});
    }
    if (error) {
      fail(w, i, "corrupted file data (frames do not match the index)", 0);
      return -1;
    }
  }
  return 0;
}

/* On failure the files opened here stay open: the caller reports and exits. */
const char *decode_files(const struct onebin_archive *a, const struct decode_target *target,
                         const struct decode_file *files, size_t count, size_t *failed) {
  struct work w = {.archive = a, .target = target, .files = files, .file_count = count};
  if (make_jobs(&w) == 0) {
    size_t threads = run_on_cores(&w, decoder, w.job_count);
    if (!w.error) run_on_cores(&w, split_checker, w.split_count);
    debug("%zu frames (%zu files of several frames) on %zu threads; thread time: decompress %.1f ms, hash %.1f ms, "
          "create and write %.1f ms",
          w.job_count, w.split_count, threads, w.spent_ns[DECOMPRESS] / 1e6, w.spent_ns[HASH] / 1e6,
          w.spent_ns[WRITE] / 1e6);
  }
  free(w.jobs);
  free(w.splits);
  *failed = w.failed;
  return w.error;
}
