/* Mapping an ELF image into this process the way the kernel maps a program
 * or its interpreter: one reservation for all PT_LOADs, each segment copied
 * in and given its permissions. */
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

/* 0 on success; -1 with a reason in *why. */
int map_elf(const uint8_t *image, size_t size, struct mapped_elf *out, const char **why);

/* Reads PT_INTERP of an ELF file on disk into buf; 0 on success. */
int read_interp(const char *path, char *buf, size_t size);

#endif
