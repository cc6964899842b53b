#include "xxh64.h"

#include <string.h>

static const uint64_t P1 = 0x9E3779B185EBCA87ULL;
static const uint64_t P2 = 0xC2B2AE3D27D4EB4FULL;
static const uint64_t P3 = 0x165667B19E3779F9ULL;
static const uint64_t P4 = 0x85EBCA77C2B2AE63ULL;
static const uint64_t P5 = 0x27D4EB2F165667C5ULL;

static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

/* memcpy: the input has no alignment guarantee. */
static uint64_t read64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static uint32_t read32(const uint8_t *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

static uint64_t round64(uint64_t acc, uint64_t input) { return rotl(acc + input * P2, 31) * P1; }

static uint64_t merge(uint64_t acc, uint64_t lane) { return (acc ^ round64(0, lane)) * P1 + P4; }

void onebin_xxh64_init(struct onebin_xxh64_state *s, uint64_t seed) {
  memset(s, 0, sizeof *s);
  s->seed = seed;
  s->lanes[0] = seed + P1 + P2, s->lanes[1] = seed + P2, s->lanes[2] = seed, s->lanes[3] = seed - P1;
}

static void stripe(uint64_t lanes[4], const uint8_t *p) {
  for (int i = 0; i < 4; i++) lanes[i] = round64(lanes[i], read64(p + 8 * i));
}

void onebin_xxh64_update(struct onebin_xxh64_state *s, const void *data, size_t size) {
  const uint8_t *p = data, *end = p + size;
  s->total += size;
  if (s->buffered) {
    size_t take = 32 - s->buffered < size ? 32 - s->buffered : size;
    memcpy(s->buffer + s->buffered, p, take);
    s->buffered += take, p += take;
    if (s->buffered < 32) return;
    stripe(s->lanes, s->buffer);
    s->buffered = 0;
  }
  /* Four scalars, not the array: so the compiler keeps them in registers
   * (the array version hashed at half the speed). */
  uint64_t v1 = s->lanes[0], v2 = s->lanes[1], v3 = s->lanes[2], v4 = s->lanes[3];
  for (; end - p >= 32; p += 32) {
    v1 = round64(v1, read64(p));
    v2 = round64(v2, read64(p + 8));
    v3 = round64(v3, read64(p + 16));
    v4 = round64(v4, read64(p + 24));
  }
  s->lanes[0] = v1, s->lanes[1] = v2, s->lanes[2] = v3, s->lanes[3] = v4;
  memcpy(s->buffer, p, (size_t)(end - p));
  s->buffered = (size_t)(end - p);
}

uint64_t onebin_xxh64_digest(const struct onebin_xxh64_state *s) {
  const uint64_t *v = s->lanes;
  uint64_t h;
  if (s->total >= 32) {
    h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
    h = merge(merge(merge(merge(h, v[0]), v[1]), v[2]), v[3]);
  } else {
    h = s->seed + P5;
  }
  h += s->total;
  const uint8_t *p = s->buffer, *end = p + s->buffered;
  for (; end - p >= 8; p += 8) h = rotl(h ^ round64(0, read64(p)), 27) * P1 + P4;
  if (end - p >= 4) {
    h = rotl(h ^ (uint64_t)read32(p) * P1, 23) * P2 + P3;
    p += 4;
  }
  for (; p < end; p++) h = rotl(h ^ *p * P5, 11) * P1;
  h ^= h >> 33;
  h *= P2;
  h ^= h >> 29;
  h *= P3;
  return h ^ (h >> 32);
}

uint64_t onebin_xxh64(const void *data, size_t size, uint64_t seed) {
  struct onebin_xxh64_state s;
  onebin_xxh64_init(&s, seed);
  onebin_xxh64_update(&s, data, size);
  return onebin_xxh64_digest(&s);
}
