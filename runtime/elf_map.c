#include "elf_map.h"

#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096UL

static uintptr_t page_down(uintptr_t v) { return v & ~(PAGE - 1); }
static uintptr_t page_up(uintptr_t v) { return (v + PAGE - 1) & ~(PAGE - 1); }

static int prot_of(uint32_t flags) {
  return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) | (flags & PF_X ? PROT_EXEC : 0);
}

static const Elf64_Phdr *headers(const uint8_t *image, size_t size, const char **why) {
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)image;
  if (size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
      eh->e_machine != EM_X86_64 || eh->e_type != ET_DYN || eh->e_phentsize != sizeof(Elf64_Phdr) ||
      eh->e_phoff > size || eh->e_phnum * sizeof(Elf64_Phdr) > size - eh->e_phoff) {
    *why = "not an x86-64 position-independent ELF file";
    return NULL;
  }
  return (const Elf64_Phdr *)(image + eh->e_phoff);
}

int map_elf(const uint8_t *image, size_t size, struct mapped_elf *out, const char **why) {
  const Elf64_Phdr *ph = headers(image, size, why);
  if (!ph) return -1;
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)image;
  uintptr_t low = UINTPTR_MAX, high = 0;
  for (unsigned i = 0; i < eh->e_phnum; i++) {
    if (ph[i].p_type != PT_LOAD) continue;
    if (ph[i].p_offset > size || ph[i].p_filesz > size - ph[i].p_offset || ph[i].p_filesz > ph[i].p_memsz) {
      *why = "a segment lies outside the file";
      return -1;
    }
    if (page_down(ph[i].p_vaddr) < low) low = page_down(ph[i].p_vaddr);
    if (page_up(ph[i].p_vaddr + ph[i].p_memsz) > high) high = page_up(ph[i].p_vaddr + ph[i].p_memsz);
  }
  if (low >= high) {
    *why = "no loadable segment";
    return -1;
  }
  uint8_t *region = mmap(NULL, high - low, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) {
    *why = "cannot reserve address space";
    return -1;
  }
  uintptr_t base = (uintptr_t)region - low;
  for (unsigned i = 0; i < eh->e_phnum; i++) {
    if (ph[i].p_type != PT_LOAD) continue;
    uintptr_t start = page_down(base + ph[i].p_vaddr), end = page_up(base + ph[i].p_vaddr + ph[i].p_memsz);
    mprotect((void *)start, end - start, PROT_READ | PROT_WRITE);
    memcpy((void *)(base + ph[i].p_vaddr), image + ph[i].p_offset, ph[i].p_filesz);
    mprotect((void *)start, end - start, prot_of(ph[i].p_flags));
  }
  out->base = base;
  out->entry = base + eh->e_entry;
  out->phnum = eh->e_phnum;
  out->phdr = 0;
  for (unsigned i = 0; i < eh->e_phnum; i++)
    if (ph[i].p_type == PT_PHDR) out->phdr = base + ph[i].p_vaddr;
  if (!out->phdr) out->phdr = base + low + eh->e_phoff; /* the first PT_LOAD maps the headers */
  return 0;
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
