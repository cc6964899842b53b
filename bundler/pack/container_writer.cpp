#include "pack/container_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>

#include "../../formats/libraries.h"
#include "../../formats/writer.h"
#include "../../formats/xxh64.h"
#include "elf/elf_editor.hpp"
#include "pack/app_runpath.hpp"
#include "pack/frame_writer.hpp"
#include "pack/host_needs.hpp"
#include "pack/progress.hpp"

namespace onebin::pack {

namespace fs = std::filesystem;

namespace {

// Small data files are compressed together (formats/README.md, "Shared frames").
constexpr size_t kSmallFile = 64 * 1024;
// A shared frame of at least kGroupMin bytes ends before a file whose path
// hashes to a multiple of kGroupCut (or when ONEBIN_SHARED_FRAME_MAX would be
// passed): where frames end depends on the paths around, not on the sizes of
// every earlier file, so a changed file changes its own frame or two, not
// every later one, and the next version's file shares the others' bytes.
// Frames of 64 KiB or more made python's standard library 1.7% larger than
// 1 MiB frames did; of 256 KiB or more, 1.0% (20.85 -> 21.06 MB).
constexpr size_t kGroupMin = 256 * 1024;
constexpr uint64_t kGroupCut = 8;

struct Prepared {
  std::vector<uint8_t> content;
  onebin_entry record{};
};

// 0 for a family without versions (no prefix).
uint32_t newest_version(const std::vector<std::string>& versions, const char* prefix) {
  uint32_t best = 0;
  if (!prefix) return 0;
  size_t length = std::strlen(prefix);
  for (const auto& v : versions)
    if (v.compare(0, length, prefix) == 0) best = std::max(best, onebin_version_parse(v.c_str() + length));
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

// SOURCE_DATE_EPOCH in seconds, when set: reproducible builds ask archivers
// to use it for the times they record.
std::optional<int64_t> source_date_epoch() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return std::nullopt;
  char* end = nullptr;
  long long seconds = std::strtoll(epoch, &end, 10);
  if (*end || seconds < 0 || seconds > INT64_MAX / 1000000000)
    throw PackError(std::string("SOURCE_DATE_EPOCH=") + epoch + ": not a number of seconds since the epoch");
  return seconds;
}

// The latest time an entry may carry, in ns: SOURCE_DATE_EPOCH when set, so
// later times are clamped to it (tar --clamp-mtime).
int64_t latest_time() {
  std::optional<int64_t> epoch = source_date_epoch();
  return epoch ? *epoch * 1000000000 : INT64_MAX;
}

// The index header's `packed`: SOURCE_DATE_EPOCH when set, else now, in
// seconds (onebin update takes only a version packed later than the file's).
uint32_t packed_time(int64_t now_ns) {
  int64_t seconds = source_date_epoch().value_or(now_ns / 1000000000);
  if (seconds > int64_t{UINT32_MAX})
    throw PackError("the pack time " + std::to_string(seconds) + " does not fit the format's 32-bit seconds");
  return static_cast<uint32_t>(seconds);
}

// An index entry as far as the tree tells it: all but content, data and strings.
onebin_entry describe(const TreeEntry& entry, int64_t pack_time, int64_t latest) {
  onebin_entry record{};
  record.type = entry.type;
  record.family = entry.family;
  record.mode = entry.mode;
  record.mtime_ns = std::min(entry.mtime_ns == kPackTime ? pack_time : entry.mtime_ns, latest);
  record.flags = entry.flags;
  return record;
}

// Reads the tree's files in index order into frames for a FrameWriter:
// small files gathered into shared frames, every other file cut into frames
// of at most ONEBIN_FRAME_CONTENT_MAX. A plain file is read, patched and
// hashed a frame at a time; ELF files, edited whole, and generated ones are
// the only whole files in memory.
class FileReader {
 public:
  FileReader(const AppTree& tree, FrameWriter& frames, std::vector<onebin_entry>& records, Progress& progress)
      : tree_(tree), frames_(frames), records_(records), progress_(progress) {}

  void add(size_t i) {
    const TreeEntry& entry = tree_.entries[i];
    if (entry.type != ONEBIN_FILE) return;
    add_file(i);
    progress_.file_done(records_[i].size);
  }

  void finish() { flush_shared(); }

 private:
  void add_file(size_t i) {
    const TreeEntry& entry = tree_.entries[i];
    if (!entry.generated && !entry.elf && !small_on_disk(i)) return stream(i);
    Prepared prepared{whole_content(entry), records_[i]};
    if (entry.elf) {
      rewrite_elf(tree_, entry, prepared);
      prepared.record.version = entry.family == ONEBIN_FAMILY_SHARED
                                    ? onebin_file_name_version(fs::path(entry.source).filename().c_str())
                                    : newest_version(entry.elf->version_defs, onebin_family_info(entry.family)->version_prefix);
    }
    records_[i] = prepared.record;
    records_[i].size = prepared.content.size();
    records_[i].hash = onebin_xxh64(prepared.content.data(), prepared.content.size(), 0);
    is_small(i, prepared.content.size()) ? add_shared(i, prepared.content) : add_frames(i, prepared.content);
  }

  bool is_small(size_t i, uint64_t size) const { return records_[i].flags == 0 && size > 0 && size < kSmallFile; }

  bool small_on_disk(size_t i) const {
    struct stat st;
    const std::string& source = tree_.entries[i].source;
    if (stat(source.c_str(), &st) != 0) throw PackError(source + ": cannot read: " + std::strerror(errno));
    return is_small(i, static_cast<uint64_t>(st.st_size));
  }

  std::vector<uint8_t> whole_content(const TreeEntry& entry) {
    if (entry.generated) return {entry.generated->begin(), entry.generated->end()};
    std::vector<uint8_t> content;
    read_chunks(entry, [&](std::vector<uint8_t>& chunk) { content.insert(content.end(), chunk.begin(), chunk.end()); });
    return content;
  }

  void add_frames(size_t i, const std::vector<uint8_t>& content) {
    for (size_t at = 0; at < content.size(); at += ONEBIN_FRAME_CONTENT_MAX) {
      auto begin = content.begin() + static_cast<ptrdiff_t>(at);
      size_t size = std::min<size_t>(ONEBIN_FRAME_CONTENT_MAX, content.size() - at);
      frames_.add(FrameJob{{begin, begin + static_cast<ptrdiff_t>(size)}, {i}, at == 0});
    }
  }

  // Consecutive small files (in index order) fill shared frames, cut as kGroupCut says.
  void add_shared(size_t i, const std::vector<uint8_t>& content) {
    const std::string& path = tree_.entries[i].path;
    bool cut_here = shared_.input.size() >= kGroupMin && onebin_xxh64(path.data(), path.size(), 0) % kGroupCut == 0;
    if (cut_here || shared_.input.size() + content.size() > ONEBIN_SHARED_FRAME_MAX) flush_shared();
    records_[i].flags |= ONEBIN_SHARED_FRAME;
    records_[i].frame_offset = shared_.input.size();
    shared_.input.insert(shared_.input.end(), content.begin(), content.end());
    shared_.entries.push_back(i);
  }

  void flush_shared() {
    if (shared_.entries.empty()) return;
    frames_.add(std::move(shared_));
    shared_ = {};
  }

  void stream(size_t i) {
    onebin_xxh64_state hash;
    onebin_xxh64_init(&hash, 0);
    uint64_t size = 0;
    read_chunks(tree_.entries[i], [&](std::vector<uint8_t>& chunk) {
      onebin_xxh64_update(&hash, chunk.data(), chunk.size());
      bool first = size == 0;
      size += chunk.size();
      frames_.add(FrameJob{std::move(chunk), {i}, first});
    });
    records_[i].size = size;
    records_[i].hash = onebin_xxh64_digest(&hash);
  }

  // Calls `each` with the entry's source in chunks of ONEBIN_FRAME_CONTENT_MAX
  // bytes (the last one shorter), in order, with its patches applied.
  template <typename Each>
  void read_chunks(const TreeEntry& entry, Each each) {
    int fd = open(entry.source.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw PackError(entry.source + ": cannot read: " + std::strerror(errno));
    uint64_t at = 0, patched = 0;
    try {
      for (size_t filled = ONEBIN_FRAME_CONTENT_MAX; filled == ONEBIN_FRAME_CONTENT_MAX; at += filled) {
        std::vector<uint8_t> chunk(ONEBIN_FRAME_CONTENT_MAX);
        filled = read_fully(fd, chunk, entry.source);
        if (filled == 0) break;
        chunk.resize(filled);
        chunk.shrink_to_fit();  // a queued frame holds what it is, not 4 MiB
        patched += apply_patches(entry, chunk, at);
        each(chunk);
      }
    } catch (...) {
      close(fd);
      throw;
    }
    close(fd);
    uint64_t expected = 0;
    for (const auto& patch : entry.patches) expected += patch.second.size();
    if (patched != expected) throw PackError(entry.source + ": changed while packing (a string to rewrite is gone)");
  }

  static size_t read_fully(int fd, std::vector<uint8_t>& chunk, const std::string& source) {
    size_t filled = 0;
    while (filled < chunk.size()) {
      ssize_t n = read(fd, chunk.data() + filled, chunk.size() - filled);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw PackError(source + ": cannot read: " + std::strerror(errno));
      if (n == 0) break;
      filled += static_cast<size_t>(n);
    }
    return filled;
  }

  // The bytes of the entry's patches that fall in the chunk at `at`, put in
  // place; returns how many.
  static uint64_t apply_patches(const TreeEntry& entry, std::vector<uint8_t>& chunk, uint64_t at) {
    uint64_t applied = 0;
    for (const auto& [offset, bytes] : entry.patches) {
      uint64_t begin = std::max(offset, at), end = std::min<uint64_t>(offset + bytes.size(), at + chunk.size());
      if (begin >= end) continue;
      std::copy(bytes.begin() + static_cast<ptrdiff_t>(begin - offset), bytes.begin() + static_cast<ptrdiff_t>(end - offset),
                chunk.begin() + static_cast<ptrdiff_t>(begin - at));
      applied += end - begin;
    }
    return applied;
  }

  const AppTree& tree_;
  FrameWriter& frames_;
  std::vector<onebin_entry>& records_;
  Progress& progress_;
  FrameJob shared_;
};

// What a progress line counts to: the tree's files and their sizes on disk.
Progress progress_for(const AppTree& tree, bool shown) {
  uint64_t files = 0, bytes = 0;
  for (const auto& entry : tree.entries) {
    if (entry.type != ONEBIN_FILE) continue;
    struct stat st;
    ++files;
    if (entry.generated) bytes += entry.generated->size();
    else if (stat(entry.source.c_str(), &st) == 0) bytes += static_cast<uint64_t>(st.st_size);
  }
  return Progress(shown, files, bytes);
}

uint32_t glibc_needed(const AppTree& tree) {
  uint32_t needed = 0;
  for (const auto& entry : tree.entries) {
    if (!entry.elf || entry.family == ONEBIN_FAMILY_GLIBC) continue;
    for (const auto& [library, versions] : entry.elf->version_needs) needed = std::max(needed, newest_version(versions, onebin_family_info(ONEBIN_FAMILY_GLIBC)->version_prefix));
  }
  return needed;
}

// The index's main entry is what the stub executes (formats/README.md).
uint32_t launch_index(const AppTree& tree) {
  const TreeEntry* launch = tree.launch.empty() ? &tree.entries[tree.main] : tree.find(tree.launch);
  if (!launch) throw PackError(tree.launch + ": the entry to run is not in the app");
  return static_cast<uint32_t>(launch - tree.entries.data());
}

// The string table, with each record's path, link and needs pointing into it.
std::string encode_strings(const AppTree& tree, std::vector<onebin_entry>& records) {
  std::string strings;
  auto needs = host_needs(tree);
  for (size_t i = 0; i < records.size(); ++i) {
    const TreeEntry& entry = tree.entries[i];
    records[i].path = static_cast<uint32_t>(strings.size());
    records[i].path_size = static_cast<uint32_t>(entry.path.size());
    strings += entry.path;
    records[i].link = static_cast<uint32_t>(strings.size());
    records[i].link_size = static_cast<uint32_t>(entry.link.size());
    strings += entry.link;
    records[i].needs = static_cast<uint32_t>(strings.size());
    if (auto it = needs.find(entry.path); it != needs.end())
      for (const auto& symbol : it->second) strings += symbol + '\0';
    records[i].needs_size = static_cast<uint32_t>(strings.size() - records[i].needs);
  }
  return strings;
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

uint64_t write_packed_file(const AppTree& unsorted, const std::vector<uint8_t>& stub, int level, int fd,
                           bool show_progress) {
  const AppTree tree = sorted(unsorted);
  auto now = std::chrono::system_clock::now().time_since_epoch();
  int64_t pack_time = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  int64_t latest = latest_time();
  std::vector<onebin_entry> records;
  for (const auto& entry : tree.entries) records.push_back(describe(entry, pack_time, latest));
  onebin_writer writer;
  if (int error = onebin_writer_start(&writer, fd, stub.data(), stub.size())) throw WriteError(error);
  {
    Progress progress = progress_for(tree, show_progress);
    FrameWriter frames(level, writer, records);
    FileReader reader(tree, frames, records, progress);
    for (size_t i = 0; i < tree.entries.size(); ++i) reader.add(i);
    reader.finish();
    frames.finish();
  }
  std::string strings = encode_strings(tree, records);
  onebin_index_header header{static_cast<uint32_t>(records.size()), static_cast<uint32_t>(strings.size()),
                             launch_index(tree), glibc_needed(tree), 0, tree.cache, packed_time(pack_time)};
  if (int error = onebin_writer_finish(&writer, header, records.data(), strings.data(), level == kTunedLevel ? 19 : level))
    throw WriteError(error);
  return writer.written;
}

}  // namespace onebin::pack
