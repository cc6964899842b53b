#include "pack/host_needs.hpp"

#include <filesystem>
#include <set>

namespace onebin::pack {

std::map<std::string, std::vector<std::string>> host_needs(const AppTree& tree) {
  std::map<std::string, std::set<std::string>> exports;  // by soname: what the packed copy defines
  std::map<std::string, std::string> path_of;            // soname -> tree path
  for (const auto& entry : tree.entries)
    if (entry.family == ONEBIN_FAMILY_HOST && entry.elf) {
      std::string soname = entry.elf->soname.empty() ? std::filesystem::path(entry.path).filename().string() : entry.elf->soname;
      exports[soname] = elf::read_exports(entry.source);
      path_of[soname] = entry.path;
    }
  std::map<std::string, std::set<std::string>> needs;
  for (const auto& entry : tree.entries) {
    if (!entry.elf) continue;
    for (const auto& name : entry.elf->needed) {
      auto library = exports.find(name);
      if (library == exports.end()) continue;
      // An import this library defines is one the host's copy must define too.
      for (const auto& symbol : entry.elf->imports)
        if (library->second.count(symbol)) needs[path_of[name]].insert(symbol);
    }
  }
  std::map<std::string, std::vector<std::string>> sorted;
  for (const auto& [path, names] : needs) sorted[path] = {names.begin(), names.end()};
  return sorted;
}

}  // namespace onebin::pack
