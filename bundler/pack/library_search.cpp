#include "pack/library_search.hpp"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "../../formats/libraries.h"
#include "elf/elf_image.hpp"
#include "pack/root_path.hpp"

namespace onebin::pack {

namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& text) {
  auto begin = text.find_first_not_of(" \t");
  auto end = text.find_last_not_of(" \t\r");
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

std::string directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::string expand_tokens(const std::string& entry, const std::string& origin) {
  static const std::pair<const char*, const char*> kTokens[] = {{"ORIGIN", nullptr},
                                                                {"LIB", "lib/x86_64-linux-gnu"},
                                                                {"PLATFORM", "x86_64"}};
  std::string out;
  for (size_t i = 0; i < entry.size();) {
    bool replaced = false;
    for (auto [token, value] : kTokens) {
      for (const std::string& form : {std::string("$") + token, std::string("${") + token + "}"}) {
        if (entry.compare(i, form.size(), form) != 0) continue;
        // "$ORIGINAL" is not $ORIGIN: the token must end at a non-identifier.
        char next = i + form.size() < entry.size() ? entry[i + form.size()] : '/';
        if (form[1] != '{' && (std::isalnum(static_cast<unsigned char>(next)) || next == '_')) continue;
        out += value ? value : origin;
        i += form.size();
        replaced = true;
        break;
      }
      if (replaced) break;
    }
    if (!replaced) out += entry[i++];
  }
  return out;
}

LibrarySearch::LibrarySearch(std::string root) : root_(std::move(root)) {
  while (!root_.empty() && root_.back() == '/') root_.pop_back();
  read_conf("/etc/ld.so.conf", 0);
  for (size_t i = 0; i < ONEBIN_LIBRARY_DIR_COUNT; ++i) system_dirs_.push_back(onebin_library_dirs[i]);
}

// `path` is as seen inside the root.
void LibrarySearch::read_conf(const std::string& path, int depth) {
  std::ifstream in(resolve_in_root(root_, path));
  if (!in || depth > 8) return;  // ld.so.conf is optional; includes may not loop forever
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    if (line.rfind("include", 0) == 0 && line.size() > 7 && (line[7] == ' ' || line[7] == '\t')) {
      std::string pattern = trim(line.substr(8));
      if (pattern[0] != '/') pattern = directory_of(path) + "/" + pattern;
      glob_t found{};
      if (glob((root_ + pattern).c_str(), 0, nullptr, &found) == 0)
        for (size_t i = 0; i < found.gl_pathc; ++i) read_conf(found.gl_pathv[i] + root_.size(), depth + 1);
      globfree(&found);
    } else if (line[0] == '/') {
      system_dirs_.push_back(line);
    }
  }
}

// Entries that start with $ORIGIN are already paths on this machine; other
// absolute entries are inside the root.
std::optional<std::string> LibrarySearch::find_in(const std::vector<std::string>& dirs, const std::string& name,
                                                  const std::string& origin) const {
  for (const auto& dir : dirs) {
    bool from_origin = dir.rfind("$ORIGIN", 0) == 0 || dir.rfind("${ORIGIN}", 0) == 0;
    std::string candidate = (from_origin ? "" : root_) + expand_tokens(dir, origin) + "/" + name;
    std::string real = inside_root(candidate);
    if (fs::is_regular_file(real) && elf::is_x86_64_program_or_library(real)) return candidate;
  }
  return std::nullopt;
}

// Links under the root lead where they lead inside it, not on this machine.
std::string LibrarySearch::inside_root(const std::string& path) const {
  return root_.empty() || !path.starts_with(root_ + "/") ? path : real_path(path);
}

std::string LibrarySearch::real_path(const std::string& path) const {
  if (root_.empty()) return fs::canonical(path).string();
  return resolve_in_root(root_, path.substr(root_.size()));
}

std::optional<std::string> LibrarySearch::find(const std::string& name, const elf::ElfInfo& requester,
                                               const elf::ElfInfo& main_program) const {
  if (name.find('/') != std::string::npos) {
    std::string path = name[0] == '/' ? root_ + name : directory_of(requester.path) + "/" + name;
    return fs::is_regular_file(inside_root(path)) ? std::optional(path) : std::nullopt;
  }
  std::string origin = directory_of(requester.path);
  if (requester.runpath.empty()) {
    if (auto hit = find_in(requester.rpath, name, origin)) return hit;
    if (main_program.runpath.empty())
      if (auto hit = find_in(main_program.rpath, name, directory_of(main_program.path))) return hit;
  }
  if (auto hit = find_in(requester.runpath, name, origin)) return hit;
  return find_in(system_dirs_, name, origin);
}

}  // namespace onebin::pack
