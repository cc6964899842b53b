/* XXH64, the 64-bit xxHash (seed 0 in onebin), written from its published
 * specification. Used for the container's index and per-file hashes: it runs
 * at memory speed, which matters because the stub hashes every launched byte. */
#ifndef ONEBIN_XXH64_H
#define ONEBIN_XXH64_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

uint64_t onebin_xxh64(const void *data, size_t size, uint64_t seed);

#ifdef __cplusplus
}
#endif

#endif
