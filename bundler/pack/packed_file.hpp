// A packed file opened for reading by the CLI (inspect, verify, extract):
// mapped in memory and checked with the same C reader the stub uses.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "../../formats/container.h"
#include "pack/app_tree.hpp"

namespace onebin::pack {

// The index header's `packed` as people read it: "2001-09-09 01:46:40 UTC".
std::string packed_time_text(uint32_t seconds);

class PackedFile {
 public:
  explicit PackedFile(const std::string& path);  // throws PackError naming the file
  ~PackedFile();
  PackedFile(const PackedFile&) = delete;
  PackedFile& operator=(const PackedFile&) = delete;

  const onebin_archive& archive() const { return archive_; }
  uint32_t size() const { return archive_.header.entry_count; }
  onebin_entry entry(uint32_t i) const;
  std::string path(const onebin_entry& e) const { return {archive_.strings + e.path, e.path_size}; }
  std::string link(const onebin_entry& e) const { return {archive_.strings + e.link, e.link_size}; }
  // A regular file's content, decompressed one frame at a time (at most
  // ONEBIN_FRAME_CONTENT_MAX held, whatever the file's size), passed to
  // `piece` in order; the size and hash are checked at the end, so a caller
  // that keeps the pieces must drop them when this throws.
  void read_content(const onebin_entry& e, const std::function<void(const uint8_t*, size_t)>& piece) const;
  // The whole-file hash, then every file's content as the stub reads it; returns the bytes of content.
  uint64_t check_every_file() const;
  void check_file_hash() const;  // the whole-file hash alone (formats/README.md, "File hash block")

 private:
  std::string name_;
  void* map_ = nullptr;
  size_t map_size_ = 0;
  mutable onebin_archive archive_{};  // mutable: the reader caches the last shared frame
};

}  // namespace onebin::pack
