#include "pack/app_runpath.hpp"

#include <algorithm>
#include <vector>

#include "pack/library_search.hpp"

namespace onebin::pack {

namespace fs = std::filesystem;

namespace {

fs::path directory_in_tree(const std::string& path) {
  fs::path dir = fs::path(path).parent_path();
  return dir.empty() ? "." : dir;
}

std::string origin_relative(const fs::path& target, const fs::path& from) {
  std::string rel = target.lexically_normal().lexically_relative(from).string();
  while (rel.size() > 1 && rel.back() == '/') rel.pop_back();  // "$ORIGIN/" names a directory too
  return rel == "." ? "$ORIGIN" : "$ORIGIN/" + rel;
}

void append_new(std::vector<std::string>& dirs, const std::string& dir) {
  if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
}

}  // namespace

std::string rebase_origin(const std::string& dir, const fs::path& from, const fs::path& to) {
  std::string from_there = expand_tokens(dir, from.string());
  // Only an entry naming $ORIGIN depends on where the file is.
  if (from_there == expand_tokens(dir, to.string())) return dir;
  return origin_relative(from_there, to);
}

std::string runpath_for(const AppTree& tree, const TreeEntry& entry) {
  fs::path dir = directory_in_tree(entry.path);
  std::vector<std::string> dirs{origin_relative(tree.libdir, dir)};
  const elf::ElfInfo& own = *entry.elf;
  bool from_app = !tree.app_root.empty() && entry.source.rfind(tree.app_root + "/", 0) == 0;
  if (from_app)
    for (const auto& d : own.runpath.empty() ? own.rpath : own.runpath) append_new(dirs, d);
  const TreeEntry& main = tree.entries[tree.main];
  if (!tree.app_root.empty() && main.elf && own.runpath.empty() && main.elf->runpath.empty())
    for (const auto& d : main.elf->rpath) append_new(dirs, rebase_origin(d, directory_in_tree(main.path), dir));
  std::string joined;
  for (const auto& d : dirs) joined += (joined.empty() ? "" : ":") + d;
  return joined;
}

}  // namespace onebin::pack
