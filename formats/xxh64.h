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

/* The same hash over data given in pieces (readers that never hold a whole
 * file): init, update with each piece in order, digest. */
struct onebin_xxh64_state {
  uint64_t lanes[4], total;
  uint8_t buffer[32];
  size_t buffered;
  uint64_t seed;
};
void onebin_xxh64_init(struct onebin_xxh64_state *state, uint64_t seed);
void onebin_xxh64_update(struct onebin_xxh64_state *state, const void *data, size_t size);
uint64_t onebin_xxh64_digest(const struct onebin_xxh64_state *state);

#ifdef __cplusplus
}
#endif

#endif
