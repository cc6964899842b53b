#include "signature.h"

#include <string.h>

static const uint8_t kMagic[8] = {'O', 'N', 'E', 'B', 'S', 'I', 'G', '\n'};

/* Layout (formats/README.md): magic, algorithm, reserved, key, signature, reserved. */
enum { ALGORITHM_AT = 8, KEY_AT = 16, SIGNATURE_AT = KEY_AT + ONEBIN_PUBLIC_KEY_SIZE, RESERVED_AT = SIGNATURE_AT + ONEBIN_SIGNATURE_BYTES };
_Static_assert(RESERVED_AT == 112, "the block's fields are where formats/README.md says");
_Static_assert(ONEBIN_SIGNATURE_SIZE == RESERVED_AT + 16, "16 reserved bytes end the block");

uint64_t onebin_signature_offset(const struct onebin_trailer *t) {
  return t->index_offset + t->index_compressed_size + ONEBIN_FILE_HASH_SIZE;
}

void onebin_signature_encode(const struct onebin_signature *s, uint8_t out[ONEBIN_SIGNATURE_SIZE]) {
  memset(out, 0, ONEBIN_SIGNATURE_SIZE);
  memcpy(out, kMagic, sizeof kMagic);
  for (int i = 0; i < 4; i++) out[ALGORITHM_AT + i] = (uint8_t)(s->algorithm >> (8 * i));
  memcpy(out + KEY_AT, s->public_key, ONEBIN_PUBLIC_KEY_SIZE);
  memcpy(out + SIGNATURE_AT, s->signature, ONEBIN_SIGNATURE_BYTES);
}

const char *onebin_signature_decode(const uint8_t b[ONEBIN_SIGNATURE_SIZE], struct onebin_signature *out) {
  if (memcmp(b, kMagic, sizeof kMagic) != 0) return "corrupted signature block (no magic)";
  out->algorithm = (uint32_t)b[ALGORITHM_AT] | (uint32_t)b[ALGORITHM_AT + 1] << 8 | (uint32_t)b[ALGORITHM_AT + 2] << 16 |
                   (uint32_t)b[ALGORITHM_AT + 3] << 24;
  if (out->algorithm != ONEBIN_SIGNATURE_ED25519PH) return "unsupported signature algorithm";
  for (unsigned i = ALGORITHM_AT + 4; i < KEY_AT; i++)
    if (b[i]) return "corrupted signature block (reserved bytes set)";
  for (unsigned i = RESERVED_AT; i < ONEBIN_SIGNATURE_SIZE; i++)
    if (b[i]) return "corrupted signature block (reserved bytes set)";
  memcpy(out->public_key, b + KEY_AT, ONEBIN_PUBLIC_KEY_SIZE);
  memcpy(out->signature, b + SIGNATURE_AT, ONEBIN_SIGNATURE_BYTES);
  return NULL;
}
