/* Reading and writing the onebin container (spec: formats/README.md).
 * Shared by the stub (C, musl, static) and the onebin CLI (C++): the one
 * place that knows the byte layout. Readers work on the whole packed file
 * mapped in memory and never trust a field before checking it. */
#ifndef ONEBIN_CONTAINER_H
#define ONEBIN_CONTAINER_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ONEBIN_FORMAT_VERSION 6u
#define ONEBIN_FORMAT_VERSION_TEXT "6" /* the same number, for messages */
#define ONEBIN_TRAILER_SIZE 64u
#define ONEBIN_SIGNATURE_SIZE 128u /* the signature block of a signed file (formats/signature.h) */
#define ONEBIN_FILE_HASH_SIZE 16u  /* after the index: XXH64 of every byte before it, 8 reserved zero bytes */
#define ONEBIN_INDEX_HEADER_SIZE 32u
#define ONEBIN_ENTRY_SIZE 104u
#define ONEBIN_FRAME_CONTENT_MAX (4u << 20)
#define ONEBIN_INDEX_MAX (256u << 20)

enum onebin_type { ONEBIN_FILE = 1, ONEBIN_DIR = 2, ONEBIN_SYMLINK = 3 };
enum onebin_family {
  ONEBIN_FAMILY_NONE = 0,
  ONEBIN_FAMILY_GLIBC = 1,
  ONEBIN_FAMILY_LIBSTDCXX = 2,
  ONEBIN_FAMILY_LIBGCC = 3,
  ONEBIN_FAMILY_SHARED = 4, /* a library host drivers also use: the newer copy by file name wins */
  ONEBIN_FAMILY_HOST = 5    /* driver-facing: the host's copy when it defines every symbol in `needs`, else this one */
};
enum onebin_flags {
  ONEBIN_PROGRAM = 1,
  ONEBIN_LIBRARY = 2,
  ONEBIN_LOADER = 4,
  ONEBIN_SHARED_FRAME = 8,
  ONEBIN_TEMPLATE = 16,    /* every ONEBIN_APPDIR_TOKEN in the content becomes the view's directory */
  ONEBIN_ENVIRONMENT = 32, /* NAME=VALUE lines the stub sets for the app (a template too) */
  ONEBIN_DATA_DIR = 64,    /* a directory the app opens as ONEBIN_DATA_PATH */
  ONEBIN_HOST_LIBRARIES = 128, /* SONAME<TAB>WHY<TAB>NEEDED BY lines: libraries only the host can give */
  ONEBIN_DESKTOP = 256,        /* the app's .desktop entry, icon or AppStream file: --onebin-install */
  ONEBIN_UPDATE_URL = 512,     /* where the next version of the packed file is: onebin update */
  ONEBIN_KNOWN_FLAGS = 1023
};
/* Data a program names at a compiled-in /usr/share/... path: the packer
 * rewrites ONEBIN_DATA_PREFIX in the program to ONEBIN_DATA_PATH (as long:
 * no other byte moves) and flags the tree's directory holding that data;
 * the stub opens it as descriptor ONEBIN_DATA_FD, kept across exec, so that
 * /dev/fd/87 (/proc/self/fd/87) is that directory of the view. */
#define ONEBIN_DATA_PREFIX "/usr/share"
#define ONEBIN_DATA_FD 87
#define ONEBIN_TEXT_OF(n) #n
#define ONEBIN_TEXT(n) ONEBIN_TEXT_OF(n)
#define ONEBIN_DATA_PATH "/dev/fd/" ONEBIN_TEXT(ONEBIN_DATA_FD)
/* The permission bits of what the stub writes (the view, --onebin-extract)
 * and of what `onebin extract` writes unless --keep-modes: a packed file
 * from anyone gives no setuid, setgid or sticky bit and nothing others may
 * change, even when root runs or extracts it. */
#define ONEBIN_WRITTEN_MODE_BITS 0775u
/* The longest path in the tree, or link target, in bytes: readers keep
 * them in buffers of ONEBIN_PATH_MAX + 1 (Linux's PATH_MAX). */
#define ONEBIN_PATH_MAX 4095u
/* Stands for the directory the app's files are in at run time. */
#define ONEBIN_APPDIR_TOKEN "@ONEBIN_APPDIR@"
/* The ONEBIN_UPDATE_URL file's path in the tree. */
#define ONEBIN_UPDATE_URL_PATH "onebin-update-url"
/* Where the packer puts the ONEBIN_DESKTOP files in the tree. */
#define ONEBIN_DESKTOP_DIR "onebin-desktop"
#define ONEBIN_SHARED_FRAME_MAX (1u << 20) /* content of a frame shared by small files */

/* The trailer's flags. */
enum onebin_trailer_flags {
  ONEBIN_SIGNED = 1, /* a signature block (formats/signature.h) lies between the index and the trailer */
  ONEBIN_KNOWN_TRAILER_FLAGS = 1
};

struct onebin_trailer {
  uint32_t version, flags;
  uint64_t payload_offset, index_offset, index_compressed_size, index_size, index_hash;
};

/* Where the stub runs the app from unless the user says otherwise at
 * launch (--onebin-cache=): the index header's `cache` field. */
enum onebin_cache { ONEBIN_CACHE_AUTO = 0, ONEBIN_CACHE_NEVER = 1, ONEBIN_CACHE_ALWAYS = 2 };
/* Under auto, apps with at least this many MB of files, or this many
 * files, are cached: README ("Big apps") has the measurements behind it. */
#define ONEBIN_CACHE_AUTO_MB 64
#define ONEBIN_CACHE_AUTO_FILES 4096
/* "auto", "never", "always"; NULL for another value. */
const char *onebin_cache_name(uint32_t mode);

struct onebin_index_header {
  uint32_t entry_count, strings_size, main_entry, glibc_needed;
  uint64_t stub_hash; /* XXH64 of the file's bytes before payload_offset: the stub */
  uint32_t cache;     /* enum onebin_cache */
  uint32_t packed;    /* when the file was packed, seconds since the epoch: onebin update takes only later ones */
};

struct onebin_entry {
  uint8_t type, family;
  uint16_t flags;
  uint32_t mode, path, path_size, link, link_size;
  uint64_t size, data, data_size, hash;
  uint32_t version, runpath_slot_size;
  uint64_t runpath_slot;
  uint32_t interp_slot_size, interp_slot;
  uint64_t frame_offset; /* ONEBIN_SHARED_FRAME: where the content starts in the frame's content */
  int64_t mtime_ns;      /* modification time, nanoseconds since the epoch */
  uint32_t needs, needs_size; /* ONEBIN_FAMILY_HOST: the symbols the bundle imports from it (string table) */
};

struct ZSTD_DCtx_s;

/* A packed file's index, decompressed and checked. */
struct onebin_archive {
  struct ZSTD_DCtx_s *dctx;  /* reused: a fresh context per file costs a large allocation each */
  const uint8_t *file;  /* the whole packed file */
  uint64_t file_size;
  struct onebin_trailer trailer;
  struct onebin_index_header header;
  uint8_t *index;  /* malloc'ed, decompressed */
  const char *strings;
  /* The last shared frame onebin_read_entry decoded: its members are read one
   * after the other, so each frame is decoded once. */
  uint8_t *shared;
  uint64_t shared_data; /* its `data` offset */
  size_t shared_size;   /* bytes decoded; 0: nothing cached */
  /* The entries with a flag at most one entry has, found while onebin_open
   * checks the index, so no reader walks it again for them;
   * ONEBIN_NO_ENTRY where there is none. */
  uint32_t data_dir, host_libraries, environment, update_url;
};
#define ONEBIN_NO_ENTRY UINT32_MAX

void onebin_trailer_encode(const struct onebin_trailer *t, uint8_t out[ONEBIN_TRAILER_SIZE]);
void onebin_index_header_encode(const struct onebin_index_header *h, uint8_t out[ONEBIN_INDEX_HEADER_SIZE]);
void onebin_entry_encode(const struct onebin_entry *e, uint8_t out[ONEBIN_ENTRY_SIZE]);

/* Each returns NULL on success or a one-line reason (a static string). */
const char *onebin_trailer_decode(const uint8_t bytes[ONEBIN_TRAILER_SIZE], uint64_t file_size,
                                  struct onebin_trailer *out);
const char *onebin_open(const uint8_t *file, uint64_t file_size, struct onebin_archive *out);
/* The index alone, as onebin update has it from a server before it has the
 * file: `index_frame` holds the trailer->index_compressed_size bytes at
 * index_offset, `trailer` is decoded. Every check of onebin_open on the index
 * and entries, not the stub's hash (there is no stub yet): out->file is NULL,
 * so nothing may read content through it (onebin_entry_at only). */
const char *onebin_open_index(const struct onebin_trailer *trailer, const uint8_t *index_frame,
                              struct onebin_archive *out);
void onebin_close(struct onebin_archive *archive);

/* The file hash block (formats/README.md): *hashed gets how many bytes from
 * the start it covers, *expected their XXH64; NULL, or why the block is not
 * one this reader knows. For verify and update (the stub trusts the
 * per-part hashes instead of reading the whole file). */
const char *onebin_file_hash(const struct onebin_archive *archive, uint64_t *hashed, uint64_t *expected);
void onebin_entry_at(const struct onebin_archive *archive, uint32_t i, struct onebin_entry *out);
/* Whether the frame headers of a regular file add up to its size (each frame
 * at most ONEBIN_FRAME_CONTENT_MAX): checked before a reader allocates the
 * size, which a crafted index may make anything; NULL when they do. */
const char *onebin_check_frames(const struct onebin_archive *archive, const struct onebin_entry *entry);
/* Decompresses a regular file's content into dest (entry->size bytes) and checks its hash. */
const char *onebin_read_entry(struct onebin_archive *archive, const struct onebin_entry *entry, void *dest);

/* The times to give a written entry (utimensat/futimens): its packed
 * modification time, the access time left as it is. */
void onebin_entry_times(const struct onebin_entry *entry, struct timespec out[2]);

/* Version numbers: "2.34" -> 2 << 20 | 34 << 10 (spec: "version number"). */
uint32_t onebin_version_parse(const char *text);

/* The version in a library's real file name: libz.so.1.2.13 -> 1.2.13,
 * libelf-0.188.so -> 0.188; 0 when the name has none. */
uint32_t onebin_file_name_version(const char *name);

#ifdef __cplusplus
}
#endif

#endif
