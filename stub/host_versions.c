#define _GNU_SOURCE
#include "host_versions.h"

#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../formats/container.h"
#include "../formats/libraries.h"


struct image {
  const uint8_t *bytes;
  size_t size;
};

static int in_range(const struct image *im, uint64_t offset, uint64_t size) {
  return offset <= im->size && size <= im->size - offset;
}

/* File offset of a virtual address, through the PT_LOAD that maps it. */
static uint64_t file_offset(const struct image *im, const Elf64_Ehdr *eh, uint64_t vaddr) {
  for (int i = 0; i < eh->e_phnum; i++) {
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(im->bytes + eh->e_phoff) + i;
    if (ph->p_type == PT_LOAD && vaddr >= ph->p_vaddr && vaddr - ph->p_vaddr < ph->p_filesz)
      return vaddr - ph->p_vaddr + ph->p_offset;
  }
  return UINT64_MAX;
}

/* What the dynamic section says, as file offsets (UINT64_MAX: absent). */
struct dynamic {
  uint64_t strtab, strsz, symtab, hash, gnu_hash, versym, verdef, verdefnum;
};

static int read_dynamic(const struct image *im, struct dynamic *d) {
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)im->bytes;
  if (im->size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
      eh->e_machine != EM_X86_64 || !in_range(im, eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr)))
    return -1;
  *d = (struct dynamic){UINT64_MAX, 0, UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX, 0};
  for (int i = 0; i < eh->e_phnum; i++) {
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(im->bytes + eh->e_phoff) + i;
    if (ph->p_type != PT_DYNAMIC || !in_range(im, ph->p_offset, ph->p_filesz)) continue;
    for (const Elf64_Dyn *e = (const Elf64_Dyn *)(im->bytes + ph->p_offset);
         (const uint8_t *)(e + 1) <= im->bytes + ph->p_offset + ph->p_filesz && e->d_tag != DT_NULL; e++) {
      uint64_t at = file_offset(im, eh, e->d_un.d_ptr);
      switch (e->d_tag) {
        case DT_STRTAB: d->strtab = at; break;
        case DT_STRSZ: d->strsz = e->d_un.d_val; break;
        case DT_SYMTAB: d->symtab = at; break;
        case DT_HASH: d->hash = at; break;
        case DT_GNU_HASH: d->gnu_hash = at; break;
        case DT_VERSYM: d->versym = at; break;
        case DT_VERDEF: d->verdef = at; break;
        case DT_VERDEFNUM: d->verdefnum = e->d_un.d_val; break;
      }
    }
  }
  return d->strtab != UINT64_MAX && in_range(im, d->strtab, d->strsz) ? 0 : -1;
}

/* A NUL-terminated string of the string table, or NULL. */
static const char *string_at(const struct image *im, const struct dynamic *d, uint64_t index) {
  if (index >= d->strsz || !memchr(im->bytes + d->strtab + index, 0, d->strsz - index)) return NULL;
  return (const char *)im->bytes + d->strtab + index;
}

/* The name of version definition `index` (vd_ndx), or NULL. */
static const char *version_name(const struct image *im, const struct dynamic *d, uint16_t index) {
  uint64_t at = d->verdef;
  for (uint64_t left = d->verdefnum; left-- > 0 && in_range(im, at, sizeof(Elf64_Verdef));) {
    const Elf64_Verdef *vd = (const Elf64_Verdef *)(im->bytes + at);
    if (vd->vd_ndx == index && in_range(im, at + vd->vd_aux, sizeof(Elf64_Verdaux)))
      return string_at(im, d, ((const Elf64_Verdaux *)(im->bytes + at + vd->vd_aux))->vda_name);
    if (vd->vd_next == 0) break;
    at += vd->vd_next;
  }
  return NULL;
}

/* Walks DT_VERDEF and returns the highest "PREFIXa.b.c" defined. */
static uint32_t newest_version(const struct image *im, const char *prefix) {
  struct dynamic d;
  if (read_dynamic(im, &d) != 0) return 0;
  uint32_t best = 0;
  size_t prefix_size = strlen(prefix);
  for (uint16_t index = 1; index <= d.verdefnum && index < 0x7fff; index++) {
    const char *name = version_name(im, &d, index);
    if (name && !strncmp(name, prefix, prefix_size)) {
      uint32_t v = onebin_version_parse(name + prefix_size);
      if (v > best) best = v;
    }
  }
  return best;
}

/* Number of dynamic symbols: DT_HASH says it; with only DT_GNU_HASH it is one
 * past the last symbol of the highest bucket's chain. */
static uint64_t symbol_count(const struct image *im, const struct dynamic *d) {
  if (d->hash != UINT64_MAX && in_range(im, d->hash, 8)) return ((const uint32_t *)(im->bytes + d->hash))[1];
  if (d->gnu_hash == UINT64_MAX || !in_range(im, d->gnu_hash, 16)) return 0;
  const uint32_t *h = (const uint32_t *)(im->bytes + d->gnu_hash);
  uint64_t buckets = h[0], offset = h[1], bloom = h[2];
  uint64_t at = d->gnu_hash + 16 + bloom * 8;
  if (!in_range(im, at, buckets * 4)) return 0;
  const uint32_t *bucket = (const uint32_t *)(im->bytes + at);
  uint64_t last = 0;
  for (uint64_t i = 0; i < buckets; i++)
    if (bucket[i] > last) last = bucket[i];
  if (last < offset) return offset;
  const uint8_t *chain = im->bytes + at + buckets * 4;
  for (;; last++) {
    uint64_t word = (uint64_t)(chain - im->bytes) + (last - offset) * 4;
    if (!in_range(im, word, 4)) return 0;
    if (*(const uint32_t *)(im->bytes + word) & 1) return last + 1;
  }
}

static int compare_names(const void *key, const void *element) {
  return strcmp(key, *(const char *const *)element);
}

/* Marks in `found` each of the sorted `names` that `symbol` (a "name" or
 * "name@VERSION" the library defines) is. */
static void mark(const char *symbol, const char **names, size_t count, char *found) {
  const char **hit = bsearch(symbol, names, count, sizeof *names, compare_names);
  if (hit) found[hit - names] = 1;
}

/* Whether the library defines every name; *missing gets the first it lacks. */
static int defines_all(const struct image *im, const char **names, size_t count, const char **missing) {
  struct dynamic d;
  if (read_dynamic(im, &d) != 0 || d.symtab == UINT64_MAX) return 0;
  uint64_t symbols = symbol_count(im, &d);
  if (!in_range(im, d.symtab, symbols * sizeof(Elf64_Sym))) return 0;
  int has_versym = d.versym != UINT64_MAX && in_range(im, d.versym, symbols * 2);
  char *found = calloc(count ? count : 1, 1), *versioned = NULL;
  size_t capacity = 0;
  for (uint64_t i = 1; found && i < symbols; i++) {
    const Elf64_Sym *sym = (const Elf64_Sym *)(im->bytes + d.symtab) + i;
    const char *name = sym->st_shndx != SHN_UNDEF ? string_at(im, &d, sym->st_name) : NULL;
    if (!name || !*name) continue;
    mark(name, names, count, found);
    uint16_t index = has_versym ? ((const uint16_t *)(im->bytes + d.versym))[i] & 0x7fff : 0;
    const char *version = index > 1 ? version_name(im, &d, index) : NULL;
    if (!version) continue;
    size_t size = strlen(name) + strlen(version) + 2;
    if (size > capacity) {
      char *bigger = realloc(versioned, size);
      if (!bigger) break;
      versioned = bigger;
      capacity = size;
    }
    snprintf(versioned, size, "%s@%s", name, version);
    mark(versioned, names, count, found);
  }
  int all = found != NULL;
  for (size_t k = 0; all && k < count; k++)
    if (!found[k]) *missing = names[k], all = 0;
  free(found);
  free(versioned);
  return all;
}

/* Maps the host's copy of `soname` from the first directory that has one and
 * passes it to `use`; returns -1 when no directory has it. */
static int with_host_library(const char *soname, int (*use)(const struct image *, void *), void *context) {
  for (size_t i = 0; i < ONEBIN_LIBRARY_DIR_COUNT; i++) {
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/%s", onebin_library_dirs[i], soname);
    if (n < 0 || (size_t)n >= sizeof path) return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st;
    int result = 0;
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
      void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (map != MAP_FAILED) {
        struct image im = {map, (size_t)st.st_size};
        result = use(&im, context);
        munmap(map, (size_t)st.st_size);
      }
    }
    close(fd);
    return result;
  }
  return -1;
}

struct version_query {
  const char *prefix;
  uint32_t version;
};

static int find_version(const struct image *im, void *context) {
  struct version_query *q = context;
  q->version = newest_version(im, q->prefix);
  return 0;
}

uint32_t host_library_version(const char *soname, const char *prefix) {
  struct version_query q = {prefix, 0};
  with_host_library(soname, find_version, &q);
  return q.version;
}

struct needs_query {
  const char **names;
  size_t count;
  const char *missing;
};

static int check_needs(const struct image *im, void *context) {
  struct needs_query *q = context;
  return defines_all(im, q->names, q->count, &q->missing);
}

int host_defines_all(const char *soname, const char *needs, uint32_t size, const char **missing) {
  size_t count = 0;
  for (uint32_t i = 0; i < size; i++) count += needs[i] == 0;
  struct needs_query q = {calloc(count ? count : 1, sizeof(char *)), count, NULL};
  if (!q.names) return 0;
  for (size_t k = 0, at = 0; k < count; k++, at += strlen(needs + at) + 1) q.names[k] = needs + at;
  int result = with_host_library(soname, check_needs, &q);
  *missing = q.missing;
  free(q.names);
  return result;
}

uint32_t host_file_name_version(const char *soname) {
  for (size_t i = 0; i < ONEBIN_LIBRARY_DIR_COUNT; i++) {
    char path[PATH_MAX], real[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/%s", onebin_library_dirs[i], soname);
    if (n < 0 || (size_t)n >= sizeof path || !realpath(path, real)) continue;
    const char *name = strrchr(real, '/');
    return onebin_file_name_version(name ? name + 1 : real);
  }
  return 0;
}

static int in_dir(const char *dir, size_t length, const char *soname) {
  char path[PATH_MAX];
  int n = snprintf(path, sizeof path, "%.*s/%s", (int)length, dir, soname);
  return n > 0 && (size_t)n < sizeof path && access(path, F_OK) == 0;
}

/* ld.so.cache's string table holds each soname after a NUL or a '/'. */
static int in_cache(const char *soname) {
  int fd = open("/etc/ld.so.cache", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  struct stat st;
  int found = 0;
  if (fstat(fd, &st) == 0 && st.st_size > 0) {
    const char *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map != MAP_FAILED) {
      size_t length = strlen(soname) + 1, size = (size_t)st.st_size;
      for (const char *p = map; !found && (p = memmem(p, size - (size_t)(p - map), soname, length)); p++)
        found = p > map && (p[-1] == 0 || p[-1] == '/');
      munmap((void *)map, size);
    }
  }
  close(fd);
  return found;
}

int host_has_library(const char *soname) {
  for (size_t i = 0; i < ONEBIN_LIBRARY_DIR_COUNT; i++)
    if (in_dir(onebin_library_dirs[i], strlen(onebin_library_dirs[i]), soname)) return 1;
  const char *paths = getenv("LD_LIBRARY_PATH");
  for (const char *p = paths; p && *p;) {
    size_t length = strcspn(p, ":;");
    if (length && in_dir(p, length, soname)) return 1;
    p += length + (p[length] != 0);
  }
  return in_cache(soname);
}
