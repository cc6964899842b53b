#define _DEFAULT_SOURCE
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

/* The directories where distributions keep the x86-64 libc family. Reading
 * ld.so.cache would find exotic layouts too, but every distribution we know
 * puts libc.so.6 in one of these. */
static const char *const kLibraryDirs[] = {"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64",
                                           "/usr/lib64", "/lib", "/usr/lib"};

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

/* Walks DT_VERDEF and returns the highest "PREFIXa.b.c" defined. */
static uint32_t newest_version(const struct image *im, const char *prefix) {
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)im->bytes;
  if (im->size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
      eh->e_machine != EM_X86_64 ||
      !in_range(im, eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr)))
    return 0;
  uint64_t strtab = 0, verdef = 0, count = 0;
  for (int i = 0; i < eh->e_phnum; i++) {
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(im->bytes + eh->e_phoff) + i;
    if (ph->p_type != PT_DYNAMIC || !in_range(im, ph->p_offset, ph->p_filesz)) continue;
    for (const Elf64_Dyn *d = (const Elf64_Dyn *)(im->bytes + ph->p_offset);
         (const uint8_t *)(d + 1) <= im->bytes + ph->p_offset + ph->p_filesz && d->d_tag != DT_NULL; d++) {
      if (d->d_tag == DT_STRTAB) strtab = file_offset(im, eh, d->d_un.d_ptr);
      if (d->d_tag == DT_VERDEF) verdef = file_offset(im, eh, d->d_un.d_ptr);
      if (d->d_tag == DT_VERDEFNUM) count = d->d_un.d_val;
    }
  }
  uint32_t best = 0;
  size_t prefix_size = strlen(prefix);
  for (uint64_t at = verdef; count-- > 0 && in_range(im, at, sizeof(Elf64_Verdef));) {
    const Elf64_Verdef *vd = (const Elf64_Verdef *)(im->bytes + at);
    if (in_range(im, at + vd->vd_aux, sizeof(Elf64_Verdaux))) {
      const Elf64_Verdaux *aux = (const Elf64_Verdaux *)(im->bytes + at + vd->vd_aux);
      uint64_t name = strtab + aux->vda_name;
      if (in_range(im, name, prefix_size + 1) && !strncmp((const char *)im->bytes + name, prefix, prefix_size) &&
          memchr(im->bytes + name, 0, im->size - name)) {
        uint32_t v = onebin_version_parse((const char *)im->bytes + name + prefix_size);
        if (v > best) best = v;
      }
    }
    if (vd->vd_next == 0) break;
    at += vd->vd_next;
  }
  return best;
}

uint32_t host_library_version(const char *soname, const char *prefix) {
  for (size_t i = 0; i < sizeof kLibraryDirs / sizeof *kLibraryDirs; i++) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", kLibraryDirs[i], soname);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st;
    uint32_t version = 0;
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
      void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (map != MAP_FAILED) {
        struct image im = {map, (size_t)st.st_size};
        version = newest_version(&im, prefix);
        munmap(map, (size_t)st.st_size);
      }
    }
    close(fd);
    if (version) return version;
  }
  return 0;
}

uint32_t host_file_name_version(const char *soname) {
  for (size_t i = 0; i < sizeof kLibraryDirs / sizeof *kLibraryDirs; i++) {
    char path[256], real[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", kLibraryDirs[i], soname);
    if (!realpath(path, real)) continue;
    const char *name = strrchr(real, '/');
    return onebin_file_name_version(name ? name + 1 : real);
  }
  return 0;
}
