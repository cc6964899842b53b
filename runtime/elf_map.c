#include "elf_map.h"

#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE 4096UL

static uintptr_t page_down(uintptr_t v) { return v & ~(PAGE - 1); }
static uintptr_t page_up(uintptr_t v) { return (v + PAGE - 1) & ~(PAGE - 1); }

static int prot_of(uint32_t flags) {
  return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) | (flags & PF_X ? PROT_EXEC : 0);
}

/* More than any loader or helper has (9-13); bounds the header buffer. */
#define MAX_PHNUM 32

struct elf_headers {
  Elf64_Ehdr eh;
  Elf64_Phdr ph[MAX_PHNUM];
};

/* Checks the headers of an image of `size` bytes and its PT_LOADs; 0, or -1
 * with the reason. */
static int check_headers(const struct elf_headers *h, uint64_t size, const char **why) {
  const Elf64_Ehdr *eh = &h->eh;
  if (memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_machine != EM_X86_64 ||
      eh->e_type != ET_DYN || eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phoff > size ||
      eh->e_phnum * sizeof(Elf64_Phdr) > size - eh->e_phoff) {
    *why = "not an x86-64 position-independent ELF file";
    return -1;
  }
  if (eh->e_phnum > MAX_PHNUM) {
    *why = "more program headers than a loader has";
    return -1;
  }
  for (unsigned i = 0; i < eh->e_phnum; i++) {
    const Elf64_Phdr *ph = &h->ph[i];
    if (ph->p_type != PT_LOAD) continue;
    if (ph->p_offset > size || ph->p_filesz > size - ph->p_offset || ph->p_filesz > ph->p_memsz ||
        ph->p_memsz > UINT64_MAX / 2 || (ph->p_offset - ph->p_vaddr) % PAGE) {
      *why = "a segment lies outside the file or off its page";
      return -1;
    }
    if (ph->p_memsz > ph->p_filesz && !(ph->p_flags & PF_W)) {
      *why = "a read-only segment is zero-filled past its file data";
      return -1;
    }
  }
  return 0;
}

/* One PROT_NONE reservation covering every PT_LOAD; its load bias, or 0
 * with the reason. */
static uintptr_t reserve(const struct elf_headers *h, const char **why) {
  uintptr_t low = UINTPTR_MAX, high = 0;
  for (unsigned i = 0; i < h->eh.e_phnum; i++) {
    const Elf64_Phdr *ph = &h->ph[i];
    if (ph->p_type != PT_LOAD) continue;
    if (page_down(ph->p_vaddr) < low) low = page_down(ph->p_vaddr);
    if (page_up(ph->p_vaddr + ph->p_memsz) > high) high = page_up(ph->p_vaddr + ph->p_memsz);
  }
  if (low >= high) {
    *why = "no loadable segment";
    return 0;
  }
  uint8_t *region = mmap(NULL, high - low, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) {
    *why = "cannot reserve address space";
    return 0;
  }
  return (uintptr_t)region - low;
}

/* The zero-filled part of a writable segment: the rest of its last file
 * page, then anonymous pages. */
static int zero_fill(uintptr_t base, const Elf64_Phdr *ph) {
  if (ph->p_memsz == ph->p_filesz) return 0;
  uintptr_t file_end = base + ph->p_vaddr + ph->p_filesz, end = page_up(base + ph->p_vaddr + ph->p_memsz);
  if (ph->p_filesz && file_end != page_up(file_end)) memset((void *)file_end, 0, page_up(file_end) - file_end);
  uintptr_t anon = ph->p_filesz ? page_up(file_end) : page_down(base + ph->p_vaddr);
  if (anon >= end) return 0;
  void *m = mmap((void *)anon, end - anon, prot_of(ph->p_flags), MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  return m == MAP_FAILED ? -1 : 0;
}

static void describe(const struct elf_headers *h, uintptr_t base, struct mapped_elf *out) {
  out->base = base;
  out->entry = base + h->eh.e_entry;
  out->phnum = h->eh.e_phnum;
  out->phdr = 0;
  uintptr_t low = UINTPTR_MAX;
  for (unsigned i = 0; i < h->eh.e_phnum; i++) {
    if (h->ph[i].p_type == PT_PHDR) out->phdr = base + h->ph[i].p_vaddr;
    if (h->ph[i].p_type == PT_LOAD && page_down(h->ph[i].p_vaddr) < low) low = page_down(h->ph[i].p_vaddr);
  }
  if (!out->phdr) out->phdr = base + low + h->eh.e_phoff; /* the first PT_LOAD maps the headers */
}

static int read_headers(int fd, struct elf_headers *h, const char **why) {
  struct stat st;
  memset(h, 0, sizeof *h);
  if (fstat(fd, &st) != 0 || pread(fd, &h->eh, sizeof h->eh, 0) != (ssize_t)sizeof h->eh) {
    *why = "cannot read it";
    return -1;
  }
  size_t phsize = h->eh.e_phnum * sizeof(Elf64_Phdr);
  if (h->eh.e_phnum <= MAX_PHNUM && pread(fd, h->ph, phsize, (off_t)h->eh.e_phoff) != (ssize_t)phsize) {
    *why = "cannot read its program headers";
    return -1;
  }
  return check_headers(h, (uint64_t)st.st_size, why);
}

/* Where segments come from: a file (fd >= 0) or an image in memory. */
struct source {
  int fd;
  const uint8_t *image;
};

/* Gives one PT_LOAD its pages; NULL, or the reason it cannot. */
static const char *place_from_file(uintptr_t base, const Elf64_Phdr *ph, int fd) {
  uintptr_t start = page_down(base + ph->p_vaddr), end = page_up(base + ph->p_vaddr + ph->p_filesz);
  if (ph->p_filesz && mmap((void *)start, end - start, prot_of(ph->p_flags), MAP_PRIVATE | MAP_FIXED, fd,
                           (off_t)page_down(ph->p_offset)) == MAP_FAILED)
    return "cannot map a segment from its file";
  return zero_fill(base, ph) != 0 ? "cannot map a segment's zero-filled part" : NULL;
}

static const char *place_copy(uintptr_t base, const Elf64_Phdr *ph, const uint8_t *image) {
  uintptr_t start = page_down(base + ph->p_vaddr), end = page_up(base + ph->p_vaddr + ph->p_memsz);
  if (mprotect((void *)start, end - start, PROT_READ | PROT_WRITE) != 0) return "cannot make a segment writable";
  memcpy((void *)(base + ph->p_vaddr), image + ph->p_offset, ph->p_filesz);
  return mprotect((void *)start, end - start, prot_of(ph->p_flags)) != 0 ? "cannot give a segment its permissions"
                                                                          : NULL;
}

static int map_segments(const struct elf_headers *h, struct source src, struct mapped_elf *out, const char **why) {
  uintptr_t base = reserve(h, why);
  if (!base) return -1;
  for (unsigned i = 0; i < h->eh.e_phnum; i++) {
    if (h->ph[i].p_type != PT_LOAD) continue;
    const char *failure = src.fd >= 0 ? place_from_file(base, &h->ph[i], src.fd) : place_copy(base, &h->ph[i], src.image);
    if (failure) {
      *why = failure;
      return -1;
    }
  }
  describe(h, base, out);
  return 0;
}

int map_elf_file(int fd, struct mapped_elf *out, const char **why) {
  struct elf_headers h;
  if (read_headers(fd, &h, why) != 0) return -1;
  return map_segments(&h, (struct source){fd, NULL}, out, why);
}

int map_elf_copy(const uint8_t *image, size_t size, struct mapped_elf *out, const char **why) {
  struct elf_headers h;
  memset(&h, 0, sizeof h);
  if (size >= sizeof h.eh) memcpy(&h.eh, image, sizeof h.eh);
  if (h.eh.e_phnum <= MAX_PHNUM && h.eh.e_phoff <= size && h.eh.e_phnum * sizeof(Elf64_Phdr) <= size - h.eh.e_phoff)
    memcpy(h.ph, image + h.eh.e_phoff, h.eh.e_phnum * sizeof(Elf64_Phdr));
  if (check_headers(&h, size, why) != 0) return -1;
  return map_segments(&h, (struct source){-1, image}, out, why);
}

int read_interp(const char *path, char *buf, size_t size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  Elf64_Ehdr eh;
  int found = -1;
  if (pread(fd, &eh, sizeof eh, 0) == sizeof eh && !memcmp(eh.e_ident, ELFMAG, SELFMAG) &&
      eh.e_ident[EI_CLASS] == ELFCLASS64 && eh.e_phentsize == sizeof(Elf64_Phdr)) {
    for (unsigned i = 0; i < eh.e_phnum && found < 0; i++) {
      Elf64_Phdr ph;
      if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + i * sizeof ph)) != sizeof ph) break;
      if (ph.p_type != PT_INTERP || ph.p_filesz == 0 || ph.p_filesz >= size) continue;
      if (pread(fd, buf, ph.p_filesz, (off_t)ph.p_offset) == (ssize_t)ph.p_filesz) {
        buf[ph.p_filesz - 1] = 0;
        found = 0;
      }
    }
  }
  close(fd);
  return found;
}
