#include "sign/signing.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "../../formats/signature.h"
#include "io/atomic_write.hpp"
#include "pack/packed_file.hpp"

namespace onebin::sign {

namespace {

using SecretKey = std::array<uint8_t, crypto_sign_SECRETKEYBYTES>;
static_assert(sizeof(PublicKey) == crypto_sign_PUBLICKEYBYTES && crypto_sign_PUBLICKEYBYTES == ONEBIN_PUBLIC_KEY_SIZE && crypto_sign_BYTES == ONEBIN_SIGNATURE_BYTES,
              "the signature block holds an Ed25519 key and signature");

// Key files are one line: "onebin ed25519 public|secret HEX".
constexpr const char* kKeyPrefix = "onebin ed25519 ";

void start_sodium() {
  if (sodium_init() < 0) throw SignError("libsodium cannot start");
}

std::string hex(const uint8_t* bytes, size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

std::string key_id(const uint8_t* public_key) { return hex(public_key, 8); }

template <size_t N>
std::array<uint8_t, N> read_key(const std::string& path, const std::string& kind) {
  std::ifstream in(path);
  if (!in) throw SignError(path + ": cannot read: " + std::strerror(errno));
  std::string line, expected = kKeyPrefix + kind + " ";
  std::getline(in, line);
  std::array<uint8_t, N> key{};
  size_t length = 0;
  if (line.rfind(expected, 0) != 0 || line.size() != expected.size() + 2 * N ||
      sodium_hex2bin(key.data(), N, line.data() + expected.size(), 2 * N, nullptr, &length, nullptr) != 0 ||
      length != N)
    throw SignError(path + ": not a onebin " + kind + " key (a line \"" + expected + "\" and " + std::to_string(2 * N) +
                    " hex digits)");
  return key;
}

std::vector<uint8_t> key_line(const std::string& kind, const uint8_t* key, size_t size) {
  std::string line = kKeyPrefix + kind + " " + hex(key, size) + "\n";
  return {line.begin(), line.end()};
}

void refuse_existing(const std::string& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) == 0) throw SignError(path + ": exists already; keygen replaces no key (remove it first)");
}

// Ed25519ph over the signed bytes: every byte of the file but the block's.
struct Signed {
  const uint8_t* before;  // the file up to the signature block
  size_t before_size;
  const uint8_t* trailer;  // ONEBIN_TRAILER_SIZE bytes
};

crypto_sign_ed25519ph_state hash_of(const Signed& s) {
  crypto_sign_ed25519ph_state state;
  crypto_sign_ed25519ph_init(&state);
  for (size_t at = 0; at < s.before_size; at += 1 << 20)
    crypto_sign_ed25519ph_update(&state, s.before + at, std::min<size_t>(1 << 20, s.before_size - at));
  crypto_sign_ed25519ph_update(&state, s.trailer, ONEBIN_TRAILER_SIZE);
  return state;
}

// The file's bytes before the signature block (before the trailer if unsigned).
size_t unsigned_size(const onebin_archive& a) {
  return static_cast<size_t>(a.trailer.flags & ONEBIN_SIGNED ? onebin_signature_offset(&a.trailer)
                                                             : a.file_size - ONEBIN_TRAILER_SIZE);
}

onebin_signature read_block(const std::string& path, const onebin_archive& a) {
  onebin_signature block{};
  if (const char* error = onebin_signature_decode(a.file + onebin_signature_offset(&a.trailer), &block))
    throw SignError(path + ": " + error);
  return block;
}

}  // namespace

std::string generate_keys(const std::string& secret) {
  start_sodium();
  std::string public_path = secret + ".pub";
  refuse_existing(secret);
  refuse_existing(public_path);
  PublicKey public_key;
  SecretKey secret_key;
  crypto_sign_keypair(public_key.data(), secret_key.data());
  io::write_file_atomically(secret, key_line("secret", secret_key.data(), secret_key.size()), 0600);
  sodium_memzero(secret_key.data(), secret_key.size());
  io::write_file_atomically(public_path, key_line("public", public_key.data(), public_key.size()), 0644);
  return key_id(public_key.data());
}

std::string sign_file(const std::string& path, const std::string& secret) {
  start_sodium();
  SecretKey secret_key = read_key<crypto_sign_SECRETKEYBYTES>(secret, "secret");
  pack::PackedFile file(path);
  const onebin_archive& a = file.archive();
  std::string target = io::in_place_target(path);  // a link stays, its target is signed
  struct stat st {};
  if (stat(target.c_str(), &st) != 0) throw SignError(path + ": cannot read: " + std::strerror(errno));
  onebin_trailer trailer = a.trailer;
  trailer.flags |= ONEBIN_SIGNED;
  uint8_t trailer_bytes[ONEBIN_TRAILER_SIZE];
  onebin_trailer_encode(&trailer, trailer_bytes);
  Signed bytes{a.file, unsigned_size(a), trailer_bytes};
  crypto_sign_ed25519ph_state state = hash_of(bytes);
  onebin_signature block{ONEBIN_SIGNATURE_ED25519PH, {}, {}};
  crypto_sign_ed25519_sk_to_pk(block.public_key, secret_key.data());
  crypto_sign_ed25519ph_final_create(&state, block.signature, nullptr, secret_key.data());
  sodium_memzero(secret_key.data(), secret_key.size());
  uint8_t block_bytes[ONEBIN_SIGNATURE_SIZE];
  onebin_signature_encode(&block, block_bytes);
  io::write_file_atomically(
      target,
      [&](const io::Pieces& piece) {
        piece(bytes.before, bytes.before_size);
        piece(block_bytes, sizeof block_bytes);
        piece(trailer_bytes, sizeof trailer_bytes);
      },
      st.st_mode & 07777);
  return key_id(block.public_key);
}

void check_signature(const std::string& path, const std::string& public_key_path) {
  check_signature_by(path, read_key<crypto_sign_PUBLICKEYBYTES>(public_key_path, "public"), public_key_path);
}

void check_signature_by(const std::string& path, const PublicKey& public_key, const std::string& name) {
  start_sodium();
  pack::PackedFile file(path);
  const onebin_archive& a = file.archive();
  if (!(a.trailer.flags & ONEBIN_SIGNED)) throw SignError(path + ": not signed");
  onebin_signature block = read_block(path, a);
  if (std::memcmp(block.public_key, public_key.data(), public_key.size()) != 0)
    throw SignError(path + ": signed by key " + key_id(block.public_key) + ", not by " + name + " (key " +
                    key_id(public_key.data()) + ")");
  Signed bytes{a.file, unsigned_size(a), a.file + a.file_size - ONEBIN_TRAILER_SIZE};
  crypto_sign_ed25519ph_state state = hash_of(bytes);
  if (crypto_sign_ed25519ph_final_verify(&state, block.signature, public_key.data()) != 0)
    throw SignError(path + ": bad signature by key " + key_id(public_key.data()) +
                    ": the file is not as it was signed");
}

std::optional<PublicKey> signer_key(const std::string& path) {
  pack::PackedFile file(path);
  if (!(file.archive().trailer.flags & ONEBIN_SIGNED)) return std::nullopt;
  PublicKey key;
  std::memcpy(key.data(), read_block(path, file.archive()).public_key, key.size());
  return key;
}

std::optional<std::string> signer(const std::string& path) {
  std::optional<PublicKey> key = signer_key(path);
  if (!key) return std::nullopt;
  return key_id(key->data());
}

}  // namespace onebin::sign
