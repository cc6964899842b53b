/* The signature block of a signed packed file (formats/README.md,
 * "Signature block"): what `onebin sign` writes and `onebin verify` reads.
 * The stub does not read it: it checks no signatures. */
#ifndef ONEBIN_SIGNATURE_H
#define ONEBIN_SIGNATURE_H

#include <stdint.h>

#include "container.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ONEBIN_SIGNATURE_ED25519PH 1u /* Ed25519ph (RFC 8032): Ed25519 over the SHA-512 of the signed bytes */
#define ONEBIN_PUBLIC_KEY_SIZE 32u
#define ONEBIN_SIGNATURE_BYTES 64u

struct onebin_signature {
  uint32_t algorithm;
  uint8_t public_key[ONEBIN_PUBLIC_KEY_SIZE];
  uint8_t signature[ONEBIN_SIGNATURE_BYTES];
};

/* Where the block of a signed file lies: after the index frame and the file hash block. */
uint64_t onebin_signature_offset(const struct onebin_trailer *t);

void onebin_signature_encode(const struct onebin_signature *s, uint8_t out[ONEBIN_SIGNATURE_SIZE]);

/* NULL, or why the block is not one this reader knows (magic, algorithm,
 * reserved bytes). */
const char *onebin_signature_decode(const uint8_t bytes[ONEBIN_SIGNATURE_SIZE], struct onebin_signature *out);

#ifdef __cplusplus
}
#endif

#endif
