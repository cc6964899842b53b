#include "pack/packed_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

#include "../../formats/xxh64.h"

namespace onebin::pack {

std::string packed_time_text(uint32_t seconds) {
  std::time_t time = seconds;
  std::tm tm {};
  char text[32];
  gmtime_r(&time, &tm);
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return text;
}

PackedFile::PackedFile(const std::string& path) : name_(path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || fstat(fd, &st) != 0) throw PackError(path + ": cannot read: " + std::strerror(errno));
  map_size_ = static_cast<size_t>(st.st_size);
  map_ = map_size_ ? mmap(nullptr, map_size_, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  close(fd);
  if (map_ == MAP_FAILED) throw PackError(path + ": not a onebin file (empty or unreadable)");
  if (const char* error = onebin_open(static_cast<const uint8_t*>(map_), map_size_, &archive_)) {
    munmap(map_, map_size_);
    throw PackError(path + ": " + error);
  }
}

PackedFile::~PackedFile() {
  onebin_close(&archive_);
  munmap(map_, map_size_);
}

onebin_entry PackedFile::entry(uint32_t i) const {
  onebin_entry e{};
  onebin_entry_at(&archive_, i, &e);
  return e;
}

namespace {

// The mapped pages of frames, once read, leave the process's resident
// memory (the page cache keeps them): reading a 700 MB packed file back
// would otherwise hold all 700 MB.
void release(const uint8_t* begin, uint64_t size) {
  constexpr uintptr_t kPage = 4096;
  uintptr_t start = reinterpret_cast<uintptr_t>(begin) & ~(kPage - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(begin) + size + kPage - 1) & ~(kPage - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_DONTNEED);
}

}  // namespace

void PackedFile::read_content(const onebin_entry& e, const std::function<void(const uint8_t*, size_t)>& piece) const {
  const uint8_t* data = archive_.file + archive_.trailer.payload_offset + e.data;
  auto fail = [&](const char* error) { throw PackError(name_ + ": " + path(e) + ": " + error); };
  if ((e.flags & ONEBIN_SHARED_FRAME) || e.size <= ONEBIN_FRAME_CONTENT_MAX) {  // one frame's worth at most
    if (const char* error = onebin_check_frames(&archive_, &e)) fail(error);
    std::vector<uint8_t> bytes(e.size);
    const char* error = onebin_read_entry(&archive_, &e, bytes.data());
    release(data, e.data_size);
    if (error) fail(error);
    return piece(bytes.data(), bytes.size());
  }
  // Frames back to back, each checked as it comes (at most ONEBIN_FRAME_CONTENT_MAX, the sizes adding up): walking
  // every frame header first would map the whole file (the kernel maps a large folio at a time).
  std::vector<uint8_t> buffer(ONEBIN_FRAME_CONTENT_MAX);
  onebin_xxh64_state hash;
  onebin_xxh64_init(&hash, 0);
  uint64_t total = 0;
  for (uint64_t at = 0; at < e.data_size;) {
    size_t frame = ZSTD_findFrameCompressedSize(data + at, static_cast<size_t>(e.data_size - at));
    size_t n = ZSTD_isError(frame) ? frame : ZSTD_decompressDCtx(archive_.dctx, buffer.data(), buffer.size(), data + at, frame);
    if (ZSTD_isError(n)) fail("corrupted file data (does not decompress)");
    onebin_xxh64_update(&hash, buffer.data(), n);
    piece(buffer.data(), n);
    release(data + at, frame);
    at += frame, total += n;
  }
  if (total != e.size) fail("corrupted file data (does not decompress)");
  if (onebin_xxh64_digest(&hash) != e.hash) fail("corrupted file data (hash mismatch)");
}

// A frame's worth at a time, each released once hashed: the hash reads the
// whole file, which a mapping would otherwise keep resident (400 MB of RSS for
// a 400 MB file).
void PackedFile::check_file_hash() const {
  uint64_t hashed = 0, expected = 0;
  if (const char* error = onebin_file_hash(&archive_, &hashed, &expected)) throw PackError(name_ + ": " + error);
  onebin_xxh64_state state;
  onebin_xxh64_init(&state, 0);
  for (uint64_t at = 0; at < hashed; at += ONEBIN_FRAME_CONTENT_MAX) {
    uint64_t size = std::min<uint64_t>(ONEBIN_FRAME_CONTENT_MAX, hashed - at);
    onebin_xxh64_update(&state, archive_.file + at, size);
    release(archive_.file + at, size);
  }
  if (onebin_xxh64_digest(&state) != expected) throw PackError(name_ + ": corrupted file (whole-file hash mismatch)");
}

uint64_t PackedFile::check_every_file() const {
  check_file_hash();
  uint64_t bytes = 0;
  for (uint32_t i = 0; i < size(); ++i) {
    onebin_entry e = entry(i);
    if (e.type == ONEBIN_FILE) read_content(e, [&](const uint8_t*, size_t size) { bytes += size; });
  }
  return bytes;
}

}  // namespace onebin::pack
