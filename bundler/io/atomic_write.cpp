#include "io/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace onebin::io {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int error, const std::string& temp) {
  if (!temp.empty()) unlink(temp.c_str());
  throw IoError(path + ": " + what + ": " + std::strerror(error));
}

void write_all(int fd, const std::vector<uint8_t>& bytes, const std::string& path, const std::string& temp) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      close(fd);
      fail(path, "cannot write", error, temp);
    }
    done += static_cast<size_t>(n);
  }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::vector<uint8_t>& bytes, mode_t mode,
                           const WrittenCheck& check) {
  std::string temp = path + ".onebin-tmp-XXXXXX";
  int fd = mkstemp(temp.data());
  if (fd < 0) fail(path, "cannot create a temporary file beside it", errno, "");
  write_all(fd, bytes, path, temp);
  if (fchmod(fd, mode) != 0 || fsync(fd) != 0) {
    int error = errno;
    close(fd);
    fail(path, "cannot finish writing", error, temp);
  }
  if (close(fd) != 0) fail(path, "cannot finish writing", errno, temp);
  if (check) {
    try {
      check(temp);
    } catch (...) {
      unlink(temp.c_str());
      throw;
    }
  }
  if (rename(temp.c_str(), path.c_str()) != 0) fail(path, "cannot replace it", errno, temp);
}

}  // namespace onebin::io
