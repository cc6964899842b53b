// Compressing frames on every core while the caller reads the next files,
// and writing them to the packed file in the order they were added
// (formats/writer.h). At most a few frames per core are in memory at once,
// whatever the app's size.
#pragma once

#include <condition_variable>
#include <cstring>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "../../formats/writer.h"
#include "pack/app_tree.hpp"

namespace onebin::pack {

// Writing the packed file failed with errno value `error`; the caller, who
// knows the file's name, says which.
struct WriteError : PackError {
  explicit WriteError(int error);
};

// One frame to make: its content, and the index entries whose data it is
// (one file, or every member of a shared frame).
struct FrameJob {
  std::vector<uint8_t> input;
  std::vector<size_t> entries;
  bool first = true;  // the file's first frame: where its data starts
};

class FrameWriter {
 public:
  // `level`: a zstd level or kTunedLevel; data offsets and sizes go into `records`.
  FrameWriter(int level, onebin_writer& writer, std::vector<onebin_entry>& records);
  ~FrameWriter();
  FrameWriter(const FrameWriter&) = delete;
  FrameWriter& operator=(const FrameWriter&) = delete;

  // Queues a frame; while the queued frames hold more than the budget of
  // input, writes the oldest (waiting for it).
  // Throws what compressing or writing an earlier frame threw.
  void add(FrameJob job);
  // Writes every queued frame.
  void finish();

 private:
  struct Slot {
    FrameJob job;
    std::vector<uint8_t> output;
    size_t size = 0;  // of the input, which is freed once compressed
    bool done = false;
  };
  void compress_slots();
  void write_oldest(std::unique_lock<std::mutex>& lock);

  int level_;
  onebin_writer& writer_;
  std::vector<onebin_entry>& records_;
  std::mutex lock_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Slot>> queued_;  // in the order they are written
  std::deque<Slot*> waiting_;                 // not yet taken by a compressor
  std::vector<std::thread> threads_;
  size_t queued_bytes_ = 0, budget_ = 0;  // input bytes of the frames not yet written
  bool stop_ = false;
  std::exception_ptr error_;
};

}  // namespace onebin::pack
