// libFuzzer target for what onebin update takes from a server
// (bundler/update/reply.hpp): range replies' Content-Range against the
// range asked and the body's size, the new version's last bytes (trailer,
// file hash block, signature block) and its index frame through
// onebin_open_index and frames_of. No network: the functions take bytes.
// Input, as container_fuzz.c's seeds (tests/fuzz/run.sh): 4 bytes
// little-endian payload size P, P bytes, a raw index. The whole input is
// also a Content-Range value and a file's last bytes; the index is
// compressed and framed by a trailer, so mutations reach the index checks
// instead of stopping at a hash.
#include <zstd.h>

#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "../../formats/xxh64.h"
#include "update/reply.hpp"

using namespace onebin::update;

namespace {

uint64_t get64(const uint8_t* data, size_t size, size_t at) {
  uint64_t value = 0;
  if (at + 8 <= size) std::memcpy(&value, data + at, 8);
  return value;
}

void range_reply(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Asked asked{get64(data, size, 0) % 4096, get64(data, size, 8) % 4096, size > 16 && data[16] & 1};
  try {
    check_range_reply(asked, text, get64(data, size, 24) % 8192);
  } catch (const ReplyError&) {
  }
}

void tail(const uint8_t* data, size_t size) {
  try {
    decode_tail(std::vector<uint8_t>(data, data + size), size + get64(data, size, 0) % 65536);
  } catch (const ReplyError&) {
  }
}

// The seed's index framed as a server would send it: the trailer and file
// hash block at the end, checked by decode_tail, the frame by Index.
void index(const uint8_t* data, size_t size) {
  if (size < 4) return;
  uint32_t payload;
  std::memcpy(&payload, data, 4);
  if (payload > size - 4) payload = static_cast<uint32_t>(size - 4);
  const uint8_t* raw = data + 4 + payload;
  size_t raw_size = size - 4 - payload;
  std::vector<uint8_t> frame(ZSTD_compressBound(raw_size));
  size_t compressed = ZSTD_compress(frame.data(), frame.size(), raw, raw_size, 1);
  if (ZSTD_isError(compressed)) abort();
  frame.resize(compressed);
  const uint64_t stub = 16;
  onebin_trailer trailer{ONEBIN_FORMAT_VERSION, 0, stub, stub + payload, compressed, raw_size,
                         onebin_xxh64(raw, raw_size, 0)};
  std::vector<uint8_t> end(ONEBIN_FILE_HASH_SIZE + ONEBIN_TRAILER_SIZE);
  onebin_trailer_encode(&trailer, end.data() + ONEBIN_FILE_HASH_SIZE);
  try {
    Tail t = decode_tail(end, stub + payload + compressed + end.size());
    Index index(t.trailer, frame);
    for (const Frame& f : frames_of(index.archive()))
      if (f.data > trailer.index_offset - stub || f.size > trailer.index_offset - stub - f.data) abort();  // in the payload
  } catch (const ReplyError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  range_reply(data, size);
  tail(data, size);
  index(data, size);
  return 0;
}
