// The line pack keeps up to date on a terminal while it writes: files and
// bytes done of all, the rate and the time left. Only when stderr is a
// terminal (a log or a pipe gets nothing), and not with --quiet.
#pragma once

#include <chrono>
#include <cstdint>

namespace onebin::pack {

class Progress {
 public:
  // `shown`: false for no output at all.
  Progress(bool shown, uint64_t files, uint64_t bytes);
  ~Progress();  // clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // One more file read, of `bytes` bytes.
  void file_done(uint64_t bytes);

 private:
  void draw();

  bool shown_;
  uint64_t files_total_, bytes_total_, files_ = 0, bytes_ = 0;
  std::chrono::steady_clock::time_point start_, drawn_;
};

}  // namespace onebin::pack
