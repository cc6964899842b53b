#include "pack/container_writer.hpp"

#include <zstd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>

#include "../../formats/xxh64.h"
#include "elf/elf_editor.hpp"
#include "pack/app_runpath.hpp"
#include "pack/host_needs.hpp"

namespace onebin::pack {

namespace fs = std::filesystem;

namespace {

struct Prepared {
  std::vector<uint8_t> content;
  onebin_entry record{};
  std::vector<std::vector<uint8_t>> frames;
  int shared = -1;  // index of the shared frame holding this small file
};

// Small data files are compressed together (formats/README.md, "Shared frames").
constexpr size_t kSmallFile = 64 * 1024;

struct SharedFrame {
  std::vector<uint8_t> content;
  std::vector<std::vector<uint8_t>> frames;  // exactly one
  uint64_t data = 0, data_size = 0;
  bool written = false;
};

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PackError(path + ": cannot read");
  return {std::istreambuf_iterator<char>(in), {}};
}

uint32_t newest_version(const std::vector<std::string>& versions, const std::string& prefix) {
  uint32_t best = 0;
  for (const auto& v : versions)
    if (v.rfind(prefix, 0) == 0) best = std::max(best, onebin_version_parse(v.c_str() + prefix.size()));
  return best;
}

bool is_program(const elf::ElfInfo& info) {
  return info.kind == elf::ElfKind::Executable || info.kind == elf::ElfKind::PieExecutable;
}

void rewrite_elf(const AppTree& tree, const TreeEntry& entry, Prepared& out) {
  const elf::ElfInfo& info = *entry.elf;
  // Other loaders an app may carry are files like any other: the app runs
  // with the one of its glibc's build (closure.cpp).
  if (info.kind == elf::ElfKind::Loader && entry.path == tree.loader) out.record.flags |= ONEBIN_LOADER;
  if (info.kind == elf::ElfKind::SharedLibrary) out.record.flags |= ONEBIN_LIBRARY;
  // glibc's own libraries find each other through the loader; they stay as built.
  if (entry.family == ONEBIN_FAMILY_GLIBC || !info.can_carry_runpath()) return;
  elf::EditRequest request;
  request.runpath = runpath_for(tree, entry);
  if (is_program(info)) {
    for (const auto& name : glibc_companions())
      if (tree.find(tree.libdir + "/" + name)) request.add_needed.push_back(name);
    request.runpath_slot = kRunpathSlot;
    request.interp = info.interp;
    request.interp_slot = kInterpSlot;
  }
  elf::EditResult result = elf::edit(elf::ElfImage(entry.source, std::move(out.content)), request);
  out.content = std::move(result.bytes);
  if (result.runpath && result.interp) {
    out.record.flags |= ONEBIN_PROGRAM;
    out.record.runpath_slot = result.runpath->offset;
    out.record.runpath_slot_size = static_cast<uint32_t>(result.runpath->size);
    out.record.interp_slot = static_cast<uint32_t>(result.interp->offset);
    out.record.interp_slot_size = static_cast<uint32_t>(result.interp->size);
  }
}

// The latest time an entry may carry, in ns: SOURCE_DATE_EPOCH when set, so
// later times are clamped to it as reproducible builds expect of archivers
// (tar --clamp-mtime).
int64_t latest_time() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return INT64_MAX;
  char* end = nullptr;
  long long seconds = std::strtoll(epoch, &end, 10);
  if (*end || seconds < 0 || seconds > INT64_MAX / 1000000000)
    throw PackError(std::string("SOURCE_DATE_EPOCH=") + epoch + ": not a number of seconds since the epoch");
  return seconds * 1000000000;
}

// `pack_time` for what onebin made itself; every time at most `latest`.
Prepared prepare(const AppTree& tree, const TreeEntry& entry, int64_t pack_time, int64_t latest) {
  Prepared out;
  out.record.type = entry.type;
  out.record.family = entry.family;
  out.record.mode = entry.mode;
  out.record.mtime_ns = std::min(entry.mtime_ns == kPackTime ? pack_time : entry.mtime_ns, latest);
  out.record.flags = entry.flags;
  if (entry.type != ONEBIN_FILE) return out;
  out.content = entry.generated ? std::vector<uint8_t>(entry.generated->begin(), entry.generated->end()) : read_file(entry.source);
  for (const auto& [offset, bytes] : entry.patches) {
    if (offset > out.content.size() || bytes.size() > out.content.size() - offset)
      throw PackError(entry.source + ": changed while packing (a string to rewrite is gone)");
    std::copy(bytes.begin(), bytes.end(), out.content.begin() + static_cast<ptrdiff_t>(offset));
  }
  if (entry.elf) {
    rewrite_elf(tree, entry, out);
    out.record.version = entry.family == ONEBIN_FAMILY_SHARED
                             ? onebin_file_name_version(fs::path(entry.source).filename().c_str())
                             : newest_version(entry.elf->version_defs, family_version_prefix(entry.family));
  }
  out.record.size = out.content.size();
  out.record.hash = onebin_xxh64(out.content.data(), out.content.size(), 0);
  return out;
}

// Consecutive small files (in index order) fill shared frames of up to 1 MiB.
std::vector<SharedFrame> group_small_files(std::vector<Prepared>& files) {
  std::vector<SharedFrame> groups;
  for (auto& file : files) {
    size_t size = file.content.size();
    if (file.record.type != ONEBIN_FILE || file.record.flags != 0 || size == 0 || size >= kSmallFile) continue;
    if (groups.empty() || groups.back().content.size() + size > ONEBIN_SHARED_FRAME_MAX) groups.emplace_back();
    file.shared = static_cast<int>(groups.size() - 1);
    file.record.flags |= ONEBIN_SHARED_FRAME;
    file.record.frame_offset = groups.back().content.size();
    groups.back().content.insert(groups.back().content.end(), file.content.begin(), file.content.end());
  }
  return groups;
}

struct Chunk {
  const uint8_t* src;
  size_t size;
  std::vector<uint8_t>* out;
};

// Cuts content into frames of at most 4 MiB, each a compression job.
void add_chunks(std::vector<Chunk>& chunks, const std::vector<uint8_t>& content, std::vector<std::vector<uint8_t>>& frames) {
  size_t count = (content.size() + ONEBIN_FRAME_CONTENT_MAX - 1) / ONEBIN_FRAME_CONTENT_MAX;
  frames.resize(count);
  for (size_t i = 0; i < count; ++i)
    chunks.push_back({content.data() + i * ONEBIN_FRAME_CONTENT_MAX,
                      std::min<size_t>(ONEBIN_FRAME_CONTENT_MAX, content.size() - i * ONEBIN_FRAME_CONTENT_MAX), &frames[i]});
}

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
}

// Frames are independent, so every core compresses its own share.
void compress_all(std::vector<Prepared>& files, std::vector<SharedFrame>& groups, int level) {
  std::vector<Chunk> chunks;
  for (auto& file : files)
    if (file.shared < 0) add_chunks(chunks, file.content, file.frames);
  for (auto& group : groups) add_chunks(chunks, group.content, group.frames);
  // Large chunks first, so one big file does not finish last on one core.
  std::sort(chunks.begin(), chunks.end(), [](const Chunk& a, const Chunk& b) { return a.size > b.size; });
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_lock;
  auto worker = [&] {
    ZSTD_CCtx* ctx = ZSTD_createCCtx();
    try {
      if (!ctx) throw PackError("out of memory for a compressor");
      for (size_t i; (i = next++) < chunks.size();) compress_frame(ctx, chunks[i].src, chunks[i].size, level, *chunks[i].out);
    } catch (...) {
      std::lock_guard lock(error_lock);
      error = std::current_exception();
      next = chunks.size();
    }
    ZSTD_freeCCtx(ctx);
  };
  std::vector<std::thread> threads(std::max(1u, std::thread::hardware_concurrency()));
  for (auto& t : threads) t = std::thread(worker);
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

template <size_t N>
void append(std::vector<uint8_t>& out, const uint8_t (&bytes)[N]) {
  out.insert(out.end(), bytes, bytes + N);
}

uint32_t glibc_needed(const AppTree& tree) {
  uint32_t needed = 0;
  for (const auto& entry : tree.entries) {
    if (!entry.elf || entry.family == ONEBIN_FAMILY_GLIBC) continue;
    for (const auto& [library, versions] : entry.elf->version_needs) needed = std::max(needed, newest_version(versions, "GLIBC_"));
  }
  return needed;
}

// The index's main entry is what the stub executes (formats/README.md).
uint32_t launch_index(const AppTree& tree) {
  const TreeEntry* launch = tree.launch.empty() ? &tree.entries[tree.main] : tree.find(tree.launch);
  if (!launch) throw PackError(tree.launch + ": the entry to run is not in the app");
  return static_cast<uint32_t>(launch - tree.entries.data());
}

std::vector<uint8_t> encode_index(const AppTree& tree, std::vector<Prepared>& files, uint64_t stub_hash) {
  std::string strings;
  auto needs = host_needs(tree);
  for (size_t i = 0; i < files.size(); ++i) {
    const TreeEntry& entry = tree.entries[i];
    files[i].record.path = static_cast<uint32_t>(strings.size());
    files[i].record.path_size = static_cast<uint32_t>(entry.path.size());
    strings += entry.path;
    files[i].record.link = static_cast<uint32_t>(strings.size());
    files[i].record.link_size = static_cast<uint32_t>(entry.link.size());
    strings += entry.link;
    files[i].record.needs = static_cast<uint32_t>(strings.size());
    if (auto it = needs.find(entry.path); it != needs.end())
      for (const auto& symbol : it->second) strings += symbol + '\0';
    files[i].record.needs_size = static_cast<uint32_t>(strings.size() - files[i].record.needs);
  }
  onebin_index_header header{static_cast<uint32_t>(files.size()), static_cast<uint32_t>(strings.size()),
                             launch_index(tree), glibc_needed(tree), stub_hash};
  std::vector<uint8_t> index;
  uint8_t header_bytes[ONEBIN_INDEX_HEADER_SIZE];
  onebin_index_header_encode(&header, header_bytes);
  append(index, header_bytes);
  for (const auto& file : files) {
    uint8_t bytes[ONEBIN_ENTRY_SIZE];
    onebin_entry_encode(&file.record, bytes);
    append(index, bytes);
  }
  index.insert(index.end(), strings.begin(), strings.end());
  return index;
}

// The index lists entries sorted by path (formats/README.md).
AppTree sorted(AppTree tree) {
  std::string main = tree.entries[tree.main].path;
  std::sort(tree.entries.begin(), tree.entries.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  for (size_t i = 0; i < tree.entries.size(); ++i)
    if (tree.entries[i].path == main) tree.main = i;
  return tree;
}

}  // namespace

std::vector<uint8_t> build_packed_file(const AppTree& unsorted, const std::vector<uint8_t>& stub, int level) {
  const AppTree tree = sorted(unsorted);
  std::vector<Prepared> files;
  auto now = std::chrono::system_clock::now().time_since_epoch();
  int64_t pack_time = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  int64_t latest = latest_time();
  for (const auto& entry : tree.entries) files.push_back(prepare(tree, entry, pack_time, latest));
  std::vector<SharedFrame> groups = group_small_files(files);
  compress_all(files, groups, level);
  std::vector<uint8_t> out = stub;
  onebin_trailer trailer{ONEBIN_FORMAT_VERSION, 0, out.size(), 0, 0, 0, 0};
  auto append_frames = [&](const std::vector<std::vector<uint8_t>>& frames, uint64_t& data, uint64_t& data_size) {
    data = out.size() - trailer.payload_offset;
    for (const auto& frame : frames) out.insert(out.end(), frame.begin(), frame.end());
    data_size = out.size() - trailer.payload_offset - data;
  };
  for (auto& file : files) {
    if (file.shared >= 0) {
      SharedFrame& group = groups[file.shared];
      if (!group.written) append_frames(group.frames, group.data, group.data_size);
      group.written = true;
      file.record.data = group.data;
      file.record.data_size = group.data_size;
    } else {
      append_frames(file.frames, file.record.data, file.record.data_size);
    }
    file.content = {};
  }
  std::vector<uint8_t> index = encode_index(tree, files, onebin_xxh64(out.data(), trailer.payload_offset, 0));
  std::vector<uint8_t> frame;
  ZSTD_CCtx* ctx = ZSTD_createCCtx();
  compress_frame(ctx, index.data(), index.size(), level, frame);
  ZSTD_freeCCtx(ctx);
  trailer.index_offset = out.size();
  trailer.index_compressed_size = frame.size();
  trailer.index_size = index.size();
  trailer.index_hash = onebin_xxh64(index.data(), index.size(), 0);
  out.insert(out.end(), frame.begin(), frame.end());
  uint8_t trailer_bytes[ONEBIN_TRAILER_SIZE];
  onebin_trailer_encode(&trailer, trailer_bytes);
  append(out, trailer_bytes);
  return out;
}

}  // namespace onebin::pack
