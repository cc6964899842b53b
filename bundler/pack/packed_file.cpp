#include "pack/packed_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace onebin::pack {

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

std::vector<uint8_t> PackedFile::content(const onebin_entry& e) const {
  if (const char* error = onebin_check_frames(&archive_, &e)) throw PackError(name_ + ": " + path(e) + ": " + error);
  std::vector<uint8_t> bytes(e.size);
  if (const char* error = onebin_read_entry(&archive_, &e, bytes.data()))
    throw PackError(name_ + ": " + path(e) + ": " + error);
  return bytes;
}

uint64_t PackedFile::check_every_file() const {
  uint64_t bytes = 0;
  for (uint32_t i = 0; i < size(); ++i) {
    onebin_entry e = entry(i);
    if (e.type == ONEBIN_FILE) bytes += content(e).size();
  }
  return bytes;
}

}  // namespace onebin::pack
