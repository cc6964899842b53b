#include "io/atomic_write.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <optional>

namespace onebin::io {

namespace {

// The temporary file being written, for the handler of the signals that end
// a run from outside (Ctrl-C, kill, a closed terminal): it removes the file,
// then the signal ends the process as it would have.
char g_temp[PATH_MAX + 32];
volatile sig_atomic_t g_have_temp = 0;
constexpr int kEndingSignals[] = {SIGINT, SIGTERM, SIGHUP};

void remove_temp_and_end(int signal) {
  if (g_have_temp) unlink(g_temp);
  ::signal(signal, SIG_DFL);
  raise(signal);
}

// While it lives, an ending signal removes `temp`; one the caller made
// pack ignore (nohup, a background job) stays ignored.
class TempGuard {
 public:
  explicit TempGuard(const std::string& temp) {
    std::snprintf(g_temp, sizeof g_temp, "%s", temp.c_str());  // mkstemp took it, so it fits
    g_have_temp = 1;
    struct sigaction action {};
    action.sa_handler = remove_temp_and_end;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < std::size(kEndingSignals); ++i) {
      sigaction(kEndingSignals[i], nullptr, &saved_[i]);
      if (saved_[i].sa_handler != SIG_IGN) sigaction(kEndingSignals[i], &action, nullptr);
    }
  }
  ~TempGuard() {
    for (size_t i = 0; i < std::size(kEndingSignals); ++i) sigaction(kEndingSignals[i], &saved_[i], nullptr);
    g_have_temp = 0;
  }
  TempGuard(const TempGuard&) = delete;
  TempGuard& operator=(const TempGuard&) = delete;

 private:
  struct sigaction saved_[std::size(kEndingSignals)] {};
};

[[noreturn]] void fail(const std::string& path, const std::string& what, int error, const std::string& temp) {
  if (!temp.empty()) unlink(temp.c_str());
  throw IoError(path + ": " + what + ": " + std::strerror(error));
}

void write_all(int fd, const uint8_t* data, size_t size, const std::string& path) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw IoError(path + ": cannot write: " + std::strerror(n < 0 ? errno : ENOSPC));
    done += static_cast<size_t>(n);
  }
}

// The mode the new file gets: `mode`, without the set-user-ID and
// set-group-ID bits when it belongs to another owner than the file it
// replaces. The temporary file is the writer's: root signing or updating a
// user's setuid program would otherwise make it a setuid-root program.
mode_t mode_for(const std::string& path, int fd, mode_t mode) {
  struct stat old {}, now {};
  if (lstat(path.c_str(), &old) != 0) return mode;  // nothing replaced: the caller's mode
  if (fstat(fd, &now) == 0 && now.st_uid == old.st_uid && now.st_gid == old.st_gid) return mode;
  return mode & ~mode_t{S_ISUID | S_ISGID};
}

}  // namespace

namespace {

// `produce` writes into a temporary file beside `path`; then `check` runs
// on it and it is renamed into place.
void write_through_temp(const std::string& path, const std::function<void(int fd)>& produce, mode_t mode,
                        const WrittenCheck& check) {
  // Beside the file, named after it; for a name too long to take the suffix
  // (over 237 bytes: a name has at most 255), by the suffix alone.
  std::string name = path.substr(path.rfind('/') + 1), suffix = ".onebin-tmp-XXXXXX";
  std::string temp = name.size() + suffix.size() > NAME_MAX ? path.substr(0, path.size() - name.size()) + suffix : path + suffix;
  if (temp.size() >= sizeof g_temp) fail(path, "cannot create a temporary file beside it", ENAMETOOLONG, "");
  // No ending signal between creating the file and the handler that removes it.
  sigset_t ending, before;
  sigemptyset(&ending);
  for (int signal : kEndingSignals) sigaddset(&ending, signal);
  sigprocmask(SIG_BLOCK, &ending, &before);
  int fd = mkstemp(temp.data());
  int error = errno;
  std::optional<TempGuard> guard;
  if (fd >= 0) guard.emplace(temp);
  sigprocmask(SIG_SETMASK, &before, nullptr);
  if (fd < 0) fail(path, "cannot create a temporary file beside it", error, "");
  try {
    produce(fd);
  } catch (...) {
    close(fd);
    unlink(temp.c_str());
    throw;
  }
  if (fchmod(fd, mode_for(path, fd, mode)) != 0 || fsync(fd) != 0) {
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

}  // namespace

std::string in_place_target(const std::string& path) {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
  char resolved[PATH_MAX];
  if (!realpath(path.c_str(), resolved)) throw IoError(path + ": cannot follow the link: " + std::strerror(errno));
  return resolved;
}

void write_file_atomically(const std::string& path, const std::vector<uint8_t>& bytes, mode_t mode,
                           const WrittenCheck& check) {
  write_through_temp(path, [&](int fd) { write_all(fd, bytes.data(), bytes.size(), path); }, mode, check);
}

void write_file_atomically(const std::string& path, const std::function<void(const Pieces&)>& produce, mode_t mode) {
  write_through_temp(
      path, [&](int fd) { produce([&](const uint8_t* data, size_t size) { write_all(fd, data, size, path); }); }, mode,
      nullptr);
}

void write_descriptor_atomically(const std::string& path, const std::function<void(int fd)>& produce, mode_t mode,
                                 const WrittenCheck& check) {
  write_through_temp(path, produce, mode, check);
}

}  // namespace onebin::io
