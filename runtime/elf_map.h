/* Mapping an ELF image into this process the way the kernel maps a program
 * or its interpreter: one reservation for all PT_LOADs, each segment mapped
 * from the file with its final permissions, so no memory is ever writable
 * and executable, or made executable after being written (what
 * MemoryDenyWriteExecute, PR_SET_MDWE and SELinux's execmem refuse). */
#ifndef ONEBIN_RUNTIME_ELF_MAP_H
#define ONEBIN_RUNTIME_ELF_MAP_H

#include <stddef.h>
#include <stdint.h>

struct mapped_elf {
  uintptr_t base;  /* load bias: address = base + p_vaddr */
  uintptr_t entry;
  uintptr_t phdr;  /* address of the program headers in memory */
  unsigned phnum;
};

/* Maps the ELF file open at fd; 0 on success, -1 with a reason in *why. */
int map_elf_file(int fd, struct mapped_elf *out, const char **why);

/* The same for an image in memory, copied into anonymous memory that is made
 * executable afterwards: only for kernels without memfd_create (before
 * 3.17, which also predate PR_SET_MDWE). */
int map_elf_copy(const uint8_t *image, size_t size, struct mapped_elf *out, const char **why);

/* Reads PT_INTERP of an ELF file on disk into buf; 0 on success. */
int read_interp(const char *path, char *buf, size_t size);

#endif
