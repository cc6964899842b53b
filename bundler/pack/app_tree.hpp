// The tree of files that goes into a packed app: the app itself (one
// program, or a directory with --entry naming the program), files added
// with --add, minus --exclude, plus the libraries found by the closure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../formats/container.h"
#include "elf/elf_reader.hpp"
#include "pack/library_policy.hpp"

namespace onebin::pack {

struct PackError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Not a zstd level: onebin's own setting, tuned so packing beats
// mksquashfs -comp xz in time at about its size (container_writer.cpp).
constexpr int kTunedLevel = 0;

struct PackOptions {
  std::string app;
  std::string output;
  std::string entry;  // program inside a directory app
  std::string root;   // find libraries inside this root file system instead of /
  int level = kTunedLevel;  // a zstd level, or kTunedLevel (container_writer.hpp)
  std::vector<std::string> adds;      // SRC:DEST
  std::vector<std::string> excludes;  // globs on tree paths
  LibraryPolicy policy;
  bool explain = false;
  bool quiet = false;                   // no progress line, no closing summary
  onebin_cache cache = ONEBIN_CACHE_AUTO;  // where the stub runs the app from by default
  bool trace = false;                   // run the app once at pack time and add what it opens (pack/trace.hpp)
  std::vector<std::string> trace_args;  // its arguments
  int trace_seconds = 20;
  std::string desktop, icon, appdata;  // desktop integration (pack/desktop_files.hpp)
  std::vector<std::string> mime;
  std::string update_url;              // where the next version is (onebin update)
};

// The modification time of an entry onebin makes itself: the time of packing
// (container_writer.cpp, which also clamps every time to SOURCE_DATE_EPOCH).
constexpr int64_t kPackTime = INT64_MIN;

// A file's modification time as lstat gives it, in nanoseconds since the epoch.
int64_t mtime_of(const std::string& path);

struct TreeEntry {
  std::string path;  // relative path inside the packed tree
  onebin_type type = ONEBIN_FILE;
  uint32_t mode = 0644;
  std::string source;  // where a regular file's bytes come from
  std::string link;    // a symlink's target
  std::optional<elf::ElfInfo> elf;  // for dynamically linked ELF files
  onebin_family family = ONEBIN_FAMILY_NONE;
  int64_t mtime_ns = kPackTime;  // as on disk; kPackTime for what the packer makes (directories, links)
  std::optional<std::string> generated;  // bytes onebin writes itself (qt.conf...), used instead of `source`
  uint16_t flags = 0;                     // ONEBIN_TEMPLATE, ONEBIN_ENVIRONMENT: set by framework deployment
  // Bytes of `source` replaced by as many others before any ELF edit: offset, bytes (deploy/app_data.cpp).
  std::vector<std::pair<uint64_t, std::string>> patches;

  static TreeEntry file(std::string path, std::string source, uint32_t mode, int64_t mtime_ns) {
    TreeEntry e;
    e.path = std::move(path), e.source = std::move(source), e.mode = mode, e.mtime_ns = mtime_ns;
    return e;
  }
  static TreeEntry directory(std::string path, uint32_t mode, int64_t mtime_ns = kPackTime) {
    TreeEntry e;
    e.path = std::move(path), e.type = ONEBIN_DIR, e.mode = mode, e.mtime_ns = mtime_ns;
    return e;
  }
  static TreeEntry symlink(std::string path, std::string target, int64_t mtime_ns = kPackTime) {
    TreeEntry e;
    e.path = std::move(path), e.type = ONEBIN_SYMLINK, e.mode = 0777, e.link = std::move(target), e.mtime_ns = mtime_ns;
    return e;
  }
};

struct AppTree {
  std::vector<TreeEntry> entries;  // directories before their contents
  size_t main = 0;                 // index of the program to run
  std::string launch;              // what the stub executes: the entry as given, maybe a link leading to main
  onebin_cache cache = ONEBIN_CACHE_AUTO;  // the index's default place to run from (formats/README.md)
  std::string libdir;              // where libraries from outside the app go
  std::string app_root;            // the app's directory on disk ("" for a single program)
  std::string loader;              // the glibc loader beside the bundled libc.so.6 ("" if none)
  // Libraries a framework loads by name (dlopen) with the tree path of the
  // file that loads them: the closure packs those it finds (deploy/).
  std::vector<std::pair<std::string, std::string>> dlopened;
  // Libraries the app takes from the host alone (--host-lib, the GPU driver's
  // own): soname -> why, and the tree paths of the files that need it.
  std::map<std::string, std::pair<std::string, std::set<std::string>>> host_only;

  const TreeEntry* find(const std::string& path) const;
  void add_directories_for(const std::string& path);
  // Adds a file onebin writes itself, replacing nothing the app has; `flags`
  // ONEBIN_TEMPLATE: ONEBIN_APPDIR_TOKEN in it becomes the view's directory.
  void add_generated(const std::string& dest, const std::string& content, uint16_t flags = 0);
};

AppTree collect_app(const PackOptions& options);

// Adds `source` (a file, link or directory tree) at `dest`, as the app's own
// files are added (--exclude applies); for framework deployment.
void add_tree_path(AppTree& tree, const PackOptions& options, const std::string& source, const std::string& dest);

}  // namespace onebin::pack
