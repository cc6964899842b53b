// What an update server sends, checked before anything uses it: the replies
// to range requests, the new version's last bytes (file hash block,
// signature block, trailer) and its index frame. Plain functions of bytes,
// no network, so that tests/fuzz/update_fuzz.cpp runs them on any input.
// Each throws ReplyError with the reason; the caller names the URL.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "../../formats/container.h"

namespace onebin::update {

struct ReplyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A range request: `size` bytes at `first`, or with `tail` the last `size`.
struct Asked {
  uint64_t first = 0, size = 0;
  bool tail = false;
};

// The file's size on the server: a 206 reply's Content-Range value
// ("bytes FIRST-LAST/TOTAL") must name exactly the bytes asked (for a tail,
// the last min(size, TOTAL)), and the body must be that many bytes.
uint64_t check_range_reply(const Asked& asked, std::string_view content_range, uint64_t body_size);

// The new version's bytes after its index: `end` holds the last bytes of a
// file of `total` bytes (at least ONEBIN_TRAILER_SIZE of them). Decodes and
// checks the trailer, the file hash block's reserved bytes and a signed
// file's signature block; keeps only those blocks and the trailer.
struct Tail {
  onebin_trailer trailer{};
  std::vector<uint8_t> blocks;  // file hash block, signature block if signed, trailer: the file's last bytes
};
Tail decode_tail(const std::vector<uint8_t>& end, uint64_t total);

// The new version's index from its frame (trailer.index_compressed_size
// bytes), with every check of the container reader but the stub's hash
// (onebin_open_index). The result owns the index: close it with
// onebin_close.
class Index {
 public:
  Index(const onebin_trailer& trailer, const std::vector<uint8_t>& frame);
  ~Index() { onebin_close(&archive_); }
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;
  const onebin_archive& archive() const { return archive_; }

 private:
  onebin_archive archive_{};
};

// A frame's identity, as far as the index says: its compressed size and the
// files in it (hash, size, place in the frame); the same in two versions means
// the same content, checked by the hashes after the new file is put together.
using FrameKey = std::string;

struct Frame {
  uint64_t data = 0, size = 0;  // relative to payload_offset
  FrameKey key;
};

// The frames of a checked index's regular files, in file order.
std::vector<Frame> frames_of(const onebin_archive& a);

}  // namespace onebin::update
