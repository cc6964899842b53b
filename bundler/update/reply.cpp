#include "update/reply.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "../../formats/signature.h"

namespace onebin::update {

namespace {

// Reads decimal digits up to `stop` (the end of the text when 0) from `text`
// at `at`; false unless there is at least one digit and it fits in 64 bits.
bool number(std::string_view text, size_t& at, char stop, uint64_t& value) {
  size_t end = stop ? text.find(stop, at) : text.size();
  if (end == std::string_view::npos || end == at) return false;
  auto [next, error] = std::from_chars(text.data() + at, text.data() + end, value);
  if (error != std::errc() || next != text.data() + end) return false;
  at = end + (stop ? 1 : 0);
  return true;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return text;
}

std::string range_text(uint64_t first, uint64_t last, uint64_t total) {
  return std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(total);
}

}  // namespace

uint64_t check_range_reply(const Asked& asked, std::string_view content_range, uint64_t body_size) {
  std::string_view value = trimmed(content_range);
  uint64_t first = 0, last = 0, total = 0;
  size_t at = 6;
  if (value.substr(0, 6) != "bytes " || !number(value, at, '-', first) || !number(value, at, '/', last) ||
      !number(value, at, 0, total) || first > last || last >= total)
    throw ReplyError("a range reply without a valid Content-Range (\"" + std::string(value.substr(0, 80)) + "\")");
  uint64_t want_first = asked.first, want_size = asked.size;
  if (asked.tail) want_size = std::min(asked.size, total), want_first = total - want_size;
  if (want_size == 0 || first != want_first || last - first + 1 != want_size)
    throw ReplyError("the server sent bytes " + range_text(first, last, total) + " for bytes " +
                     range_text(want_first, want_first + want_size - 1, total));
  if (body_size != want_size)
    throw ReplyError("the server sent " + std::to_string(body_size) + " bytes for the " + std::to_string(want_size) +
                     " bytes " + range_text(first, last, total));
  return total;
}

Tail decode_tail(const std::vector<uint8_t>& end, uint64_t total) {
  if (end.size() < ONEBIN_TRAILER_SIZE || end.size() > total) throw ReplyError("not a onebin file (too small)");
  Tail tail;
  if (const char* error = onebin_trailer_decode(end.data() + end.size() - ONEBIN_TRAILER_SIZE, total, &tail.trailer))
    throw ReplyError(error);
  uint64_t after_index = total - tail.trailer.index_offset - tail.trailer.index_compressed_size;  // the reader checked it
  if (after_index > end.size()) throw ReplyError("not a onebin file (too small)");
  tail.blocks.assign(end.end() - static_cast<ptrdiff_t>(after_index), end.end());
  for (size_t i = 8; i < ONEBIN_FILE_HASH_SIZE; ++i)
    if (tail.blocks[i] != 0) throw ReplyError("corrupted file hash block (reserved bytes set)");
  onebin_signature block{};
  if (tail.trailer.flags & ONEBIN_SIGNED)
    if (const char* error = onebin_signature_decode(tail.blocks.data() + ONEBIN_FILE_HASH_SIZE, &block))
      throw ReplyError(error);
  return tail;
}

Index::Index(const onebin_trailer& trailer, const std::vector<uint8_t>& frame) {
  if (frame.size() != trailer.index_compressed_size) throw ReplyError("an index frame of the wrong size");
  if (const char* error = onebin_open_index(&trailer, frame.data(), &archive_)) throw ReplyError(error);
}

std::vector<Frame> frames_of(const onebin_archive& a) {
  std::map<uint64_t, Frame> by_offset;
  for (uint32_t i = 0; i < a.header.entry_count; ++i) {
    onebin_entry e{};
    onebin_entry_at(&a, i, &e);
    if (e.type != ONEBIN_FILE || e.data_size == 0) continue;
    Frame& f = by_offset[e.data];
    f.data = e.data, f.size = e.data_size;
    if (f.key.empty()) f.key = std::to_string(e.data_size);
    f.key += ":" + std::to_string(e.hash) + "," + std::to_string(e.size) + "," + std::to_string(e.frame_offset) + "," +
             std::to_string(e.flags & ONEBIN_SHARED_FRAME);
  }
  std::vector<Frame> frames;
  for (auto& [offset, frame] : by_offset) frames.push_back(std::move(frame));
  return frames;
}

}  // namespace onebin::update
