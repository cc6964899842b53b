#include "pack/frame_writer.hpp"

#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <string>


namespace onebin::pack {

namespace {

// zstd's level 17 search (btopt) with 3-byte matches and a shallower search:
// about level 18's size in about half level 19's time. Measured on the bench's
// python tree (74 MB): level 19 20.55 MB in 10.9 s, 18 20.59 MB in 9.7 s,
// 17 21.28 MB in 7.4 s, this 20.92 MB in 5.8 s; mksquashfs -comp xz 20.10 MB
// in 7.8 s (bench/RESULTS.md has the current figures).
void set_tuned_parameters(ZSTD_CCtx* ctx) {
  ZSTD_CCtx_setParameter(ctx, ZSTD_c_compressionLevel, 17);
  ZSTD_CCtx_setParameter(ctx, ZSTD_c_minMatch, 3);
  ZSTD_CCtx_setParameter(ctx, ZSTD_c_searchLog, 3);
  ZSTD_CCtx_setParameter(ctx, ZSTD_c_targetLength, 256);
}

// One frame of `src` in `out`; throws when zstd fails (out of memory).
void compress_frame(ZSTD_CCtx* ctx, const uint8_t* src, size_t size, int level, std::vector<uint8_t>& out) {
  ZSTD_CCtx_reset(ctx, ZSTD_reset_session_and_parameters);
  if (level == kTunedLevel) set_tuned_parameters(ctx);
  else ZSTD_CCtx_setParameter(ctx, ZSTD_c_compressionLevel, level);
  out.resize(ZSTD_compressBound(size));
  size_t n = ZSTD_compress2(ctx, out.data(), out.size(), src, size);
  if (ZSTD_isError(n)) throw PackError(std::string("compression failed: ") + ZSTD_getErrorName(n));
  out.resize(n);
  out.shrink_to_fit();
}

}  // namespace

WriteError::WriteError(int error) : PackError(std::string("cannot write: ") + std::strerror(error)) {}

FrameWriter::FrameWriter(int level, onebin_writer& writer, std::vector<onebin_entry>& records)
    : level_(level), writer_(writer), records_(records) {
  threads_.resize(std::max(1u, std::thread::hardware_concurrency()));
  // Frames are written in order, so one slow frame at the head holds up the
  // queue: room for about 4 frames of the largest size per core keeps every
  // core busy behind it (python's tree: 8.6-10.0 s with this budget against
  // 11.1-11.5 s with room for 2 frames per core, 2 cores).
  budget_ = (4 * threads_.size() + 4) * ONEBIN_FRAME_CONTENT_MAX;
  for (auto& t : threads_) t = std::thread([this] { compress_slots(); });
}

FrameWriter::~FrameWriter() {
  {
    std::lock_guard lock(lock_);
    stop_ = true;
  }
  changed_.notify_all();
  for (auto& t : threads_) t.join();
}

void FrameWriter::add(FrameJob job) {
  std::unique_lock lock(lock_);
  size_t size = job.input.size();
  queued_bytes_ += size;
  queued_.push_back(std::make_unique<Slot>(Slot{std::move(job), {}, size, false}));
  waiting_.push_back(queued_.back().get());
  changed_.notify_all();
  while (queued_bytes_ > budget_) write_oldest(lock);
}

void FrameWriter::finish() {
  std::unique_lock lock(lock_);
  while (!queued_.empty()) write_oldest(lock);
}

void FrameWriter::compress_slots() {
  ZSTD_CCtx* ctx = ZSTD_createCCtx();
  std::unique_lock lock(lock_);
  for (;;) {
    changed_.wait(lock, [this] { return stop_ || !waiting_.empty(); });
    if (stop_) break;
    Slot* slot = waiting_.front();
    waiting_.pop_front();
    lock.unlock();
    std::exception_ptr error;
    try {
      if (!ctx) throw PackError("out of memory for a compressor");
      compress_frame(ctx, slot->job.input.data(), slot->job.input.size(), level_, slot->output);
    } catch (...) {
      error = std::current_exception();
    }
    slot->job.input = {};
    lock.lock();
    if (error && !error_) error_ = error;
    slot->done = true;
    changed_.notify_all();
  }
  ZSTD_freeCCtx(ctx);
}

void FrameWriter::write_oldest(std::unique_lock<std::mutex>& lock) {
  changed_.wait(lock, [this] { return queued_.front()->done; });
  if (error_) std::rethrow_exception(error_);
  std::unique_ptr<Slot> slot = std::move(queued_.front());
  queued_.pop_front();
  queued_bytes_ -= slot->size;
  lock.unlock();
  uint64_t data = 0;
  int error = onebin_writer_add(&writer_, slot->output.data(), slot->output.size(), &data);
  lock.lock();
  if (error) throw WriteError(error);
  for (size_t entry : slot->job.entries) {
    onebin_entry& record = records_[entry];
    if (slot->job.first) record.data = data, record.data_size = 0;
    record.data_size += slot->output.size();
  }
}

}  // namespace onebin::pack
