#include "pack/app_tree.hpp"

#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "elf/elf_image.hpp"
#include "pack/root_path.hpp"

namespace onebin::pack {

namespace fs = std::filesystem;

namespace {

struct stat lstat_of(const std::string& path) {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) throw PackError(path + ": cannot read: " + std::strerror(errno));
  return st;
}

int64_t mtime_ns(const struct stat& st) { return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec; }

// ELF files are read now so errors name the file before anything is written.
TreeEntry file_entry(const std::string& path, const std::string& source, const struct stat& st) {
  TreeEntry entry = TreeEntry::file(path, source, st.st_mode & 07777, mtime_ns(st));
  // Only x86-64 programs and libraries take part in the closure; other ELF
  // files (object files, firmware, other machines) are data to pack.
  if (elf::is_x86_64_program_or_library(source)) {
    elf::ElfInfo info = elf::read_elf_info(source);
    if (info.kind != elf::ElfKind::StaticExecutable && info.kind != elf::ElfKind::StaticPie) entry.elf = info;
    if (!info.soname.empty()) entry.family = library_family(info.soname);
  }
  return entry;
}

std::string octal(uint32_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", mode & 07777);
  return text;
}

bool excluded(const PackOptions& options, const std::string& path) {
  return std::any_of(options.excludes.begin(), options.excludes.end(),
                     [&](const auto& glob) { return fnmatch(glob.c_str(), path.c_str(), 0) == 0; });
}

}  // namespace

int64_t mtime_of(const std::string& path) { return mtime_ns(lstat_of(path)); }

// Adds `source` (a file, symlink or directory tree) at `dest`.
void add_tree_path(AppTree& tree, const PackOptions& options, const std::string& source, const std::string& dest) {
  if (excluded(options, dest)) return;
  if (dest.size() > ONEBIN_PATH_MAX)
    throw PackError(source + ": its path in the app, " + std::to_string(dest.size()) + " bytes, is longer than " +
                    std::to_string(ONEBIN_PATH_MAX));
  struct stat st {};
  if (lstat(source.c_str(), &st) != 0) {
    if (errno == ENOENT) throw PackError(source + ": no such file or directory");
    throw PackError(source + ": cannot read: " + std::strerror(errno));
  }
  tree.add_directories_for(dest);
  if (S_ISLNK(st.st_mode)) {
    tree.entries.push_back(TreeEntry::symlink(dest, fs::read_symlink(source).string(), mtime_ns(st)));
  } else if (S_ISDIR(st.st_mode)) {
    tree.entries.push_back(TreeEntry::directory(dest, st.st_mode & 07777, mtime_ns(st)));
    std::vector<fs::path> children;
    for (const auto& child : fs::directory_iterator(source)) children.push_back(child.path());
    std::sort(children.begin(), children.end());
    for (const auto& child : children) add_tree_path(tree, options, child.string(), dest + "/" + child.filename().string());
  } else if (S_ISREG(st.st_mode)) {
    tree.entries.push_back(file_entry(dest, source, st));
  } else {
    throw PackError(source + ": not a regular file, directory or symlink");
  }
}

namespace {

std::string normalise_dest(const std::string& dest, const std::string& spec) {
  std::string clean = fs::path(dest).lexically_normal().relative_path().string();
  while (!clean.empty() && clean.back() == '/') clean.pop_back();
  if (clean.empty() || clean == "." || clean.rfind("..", 0) == 0) throw PackError("--add " + spec + ": DEST must be a path inside the app");
  return clean;
}

void add_extra_files(AppTree& tree, const PackOptions& options) {
  for (const auto& spec : options.adds) {
    auto colon = spec.rfind(':');
    if (colon == std::string::npos || colon == 0) throw PackError("--add " + spec + ": expected SRC:DEST");
    std::string dest = normalise_dest(spec.substr(colon + 1), spec);
    if (tree.find(dest)) throw PackError("--add " + spec + ": " + dest + " is already in the app");
    add_tree_path(tree, options, spec.substr(0, colon), dest);
  }
}

// A program given as a link (/usr/bin/python3 -> python3.11, as most of a
// distribution's commands are) is packed as bin/REAL with the link beside
// it, so the app still starts under the name it was given.
void add_single_program(AppTree& tree, const PackOptions& options) {
  std::string name = fs::path(options.app).filename().string();
  fs::path real = real_path_under(options.root, options.app);
  std::string real_name = real.filename().string();
  add_tree_path(tree, options, real.string(), "bin/" + real_name);
  if (real_name != name) tree.entries.push_back(TreeEntry::symlink("bin/" + name, real_name));
}

// --entry may name a link to the program (AppDirs link usr/bin/app to the real
// file); the packed file runs what it leads to, as exec would.
std::string follow_links(const AppTree& tree, const std::string& given, const std::string& app) {
  std::string entry = given;
  for (int hops = 0; hops < 40; ++hops) {
    const TreeEntry* e = tree.find(entry);
    if (!e && entry != given) throw PackError(app + "/" + given + ": --entry leads to " + entry + ", which is not in the app");
    if (!e || e->type != ONEBIN_SYMLINK) return entry;
    std::string target = (fs::path(entry).parent_path() / e->link).lexically_normal().string();
    if (fs::path(e->link).is_absolute() || target.rfind("..", 0) == 0)
      throw PackError(app + "/" + given + ": --entry leads to the link " + entry + " -> " + e->link + ", outside the app");
    entry = target;
  }
  throw PackError(app + "/" + given + ": --entry is a link in a loop");
}

bool starts_with_shebang(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[2] = {};
  return in.read(magic, 2) && magic[0] == '#' && magic[1] == '!';
}

// What exec runs: an ELF executable, dynamically linked or static (packed as
// it is: no RUNPATH, no loader to choose), or a script naming its
// interpreter with #! (the stub runs the app's own copy of it, if any).
bool is_program(const TreeEntry& e) {
  if (e.type != ONEBIN_FILE) return false;
  if (e.elf) return e.elf->kind == elf::ElfKind::Executable || e.elf->kind == elf::ElfKind::PieExecutable;
  if (!elf::is_x86_64_program_or_library(e.source)) return starts_with_shebang(e.source);
  elf::ElfKind kind = elf::read_elf_info(e.source).kind;
  return kind == elf::ElfKind::StaticExecutable || kind == elf::ElfKind::StaticPie;
}

size_t find_main(const AppTree& tree, const std::string& entry, const std::string& app) {
  std::string named = tree.app_root.empty() ? app : app + "/" + entry + ": --entry";
  for (size_t i = 0; i < tree.entries.size(); ++i) {
    const auto& e = tree.entries[i];
    if (e.path != entry) continue;
    if (!is_program(e))
      throw PackError(named + " is no program: exec runs ELF executables (dynamically linked or static) and scripts "
                      "starting with #!");
    if (!(e.mode & 0100)) throw PackError(named + " is not executable (mode " + octal(e.mode) + ")");
    return i;
  }
  throw PackError(app + ": --entry " + entry + " is not in the app");
}

}  // namespace

const TreeEntry* AppTree::find(const std::string& path) const {
  for (const auto& entry : entries)
    if (entry.path == path) return &entry;
  return nullptr;
}

void AppTree::add_generated(const std::string& dest, const std::string& content, uint16_t flags) {
  if (find(dest)) throw PackError(dest + ": the app has one already; onebin would write its own");
  add_directories_for(dest);
  TreeEntry entry = TreeEntry::file(dest, "", 0644, kPackTime);
  entry.generated = content;
  entry.flags = flags;
  entries.push_back(entry);
}

void AppTree::add_directories_for(const std::string& path) {
  for (auto slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
    std::string dir = path.substr(0, slash);
    const TreeEntry* existing = find(dir);
    if (!existing) entries.push_back(TreeEntry::directory(dir, 0755));
    else if (existing->type != ONEBIN_DIR)  // the stub would refuse the file: "parent is not a directory"
      throw PackError(path + ": cannot go into the app: " + dir + " is a " +
                      (existing->type == ONEBIN_SYMLINK ? "link" : "file") + " there, not a directory");
  }
}

AppTree collect_app(const PackOptions& options) {
  AppTree tree;
  // Inside --root, the app's links lead where they lead there (pack/root_path.hpp).
  fs::file_status status = fs::status(real_path_under(options.root, options.app));
  if (fs::is_directory(status)) {
    tree.app_root = real_path_under(options.root, options.app);
    if (options.entry.empty() && !fs::exists(fs::symlink_status(tree.app_root + "/AppRun")))
      throw PackError(options.app + ": a directory app needs --entry PATH (the program to run), or an AppRun at its top");
    std::vector<fs::path> children;
    // From the canonical root: sources must compare equal to app_root's prefix.
    for (const auto& child : fs::directory_iterator(tree.app_root)) children.push_back(child.path());
    std::sort(children.begin(), children.end());
    for (const auto& child : children) add_tree_path(tree, options, child.string(), child.filename().string());
    tree.libdir = "onebin-libs";
  } else if (fs::is_regular_file(status)) {
    if (!options.entry.empty()) throw PackError("--entry is for directory apps; " + options.app + " is a single program");
    add_single_program(tree, options);
    tree.libdir = "lib";
  } else {
    throw PackError(options.app + ": " + (fs::exists(status) ? "not a program or directory" : "no such file or directory"));
  }
  add_extra_files(tree, options);
  tree.launch = !tree.app_root.empty() ? fs::path(options.entry.empty() ? "AppRun" : options.entry).lexically_normal().string()
                                        : "bin/" + fs::path(options.app).filename().string();
  tree.main = find_main(tree, follow_links(tree, tree.launch, options.app), options.app);
  tree.cache = options.cache;
  return tree;
}

}  // namespace onebin::pack
