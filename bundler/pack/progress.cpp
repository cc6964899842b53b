#include "pack/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace onebin::pack {

namespace {

using Clock = std::chrono::steady_clock;

// Redrawing more often than this only costs terminal output.
constexpr auto kRedraw = std::chrono::milliseconds(200);

double megabytes(uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

}  // namespace

Progress::Progress(bool shown, uint64_t files, uint64_t bytes)
    : shown_(shown && isatty(STDERR_FILENO)), files_total_(files), bytes_total_(bytes), start_(Clock::now()),
      drawn_(start_) {}

Progress::~Progress() {
  if (shown_ && drawn_ != start_) std::fputs("\r\033[K", stderr);
}

void Progress::file_done(uint64_t bytes) {
  ++files_;
  bytes_ += bytes;
  if (shown_ && Clock::now() - drawn_ >= kRedraw) draw();
}

void Progress::draw() {
  drawn_ = Clock::now();
  double seconds = std::chrono::duration<double>(drawn_ - start_).count();
  double rate = seconds > 0 ? megabytes(bytes_) / seconds : 0;
  double left = rate > 0 && bytes_total_ > bytes_ ? megabytes(bytes_total_ - bytes_) / rate : 0;
  std::fprintf(stderr, "\r\033[Kpacking: %llu/%llu files, %.1f/%.1f MB, %.1f MB/s, %.0f s left",
               static_cast<unsigned long long>(files_), static_cast<unsigned long long>(files_total_), megabytes(bytes_),
               megabytes(bytes_total_), rate, left);
  std::fflush(stderr);
}

}  // namespace onebin::pack
