// Ed25519 signatures of packed files (formats/README.md, "Signature block"),
// through libsodium: key pairs, signing a file in place, checking one.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace onebin::sign {

// A key file that cannot be read or is no onebin key, a file that is not
// signed, or a signature that does not hold: the message names the file.
struct SignError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes a new key pair: the secret key to `secret` (mode 0600) and the
// public key to `secret + ".pub"`; refuses to replace either. Returns the
// key's id (the first 8 bytes of the public key, in hex).
std::string generate_keys(const std::string& secret);

// Signs the packed file at `path` with the secret key in `secret`, replacing
// the file atomically (its mode kept) and a signature it had. Returns the key id.
std::string sign_file(const std::string& path, const std::string& secret);

// The id of the key that signed the packed file, or nothing if unsigned.
std::optional<std::string> signer(const std::string& path);

// Throws SignError unless the packed file is signed by the key in `public_key`
// and every byte but the signature block's is as it was signed.
void check_signature(const std::string& path, const std::string& public_key);

// The same with the key's bytes (`name` says whose in messages).
using PublicKey = std::array<uint8_t, 32>;
void check_signature_by(const std::string& path, const PublicKey& key, const std::string& name);

// The key that signed the packed file, or nothing if unsigned.
std::optional<PublicKey> signer_key(const std::string& path);

}  // namespace onebin::sign
