#include "deploy/frameworks.hpp"

#include <filesystem>

namespace onebin::deploy {

const pack::TreeEntry* Context::library(const std::string& name) const {
  for (const auto& entry : tree.entries)
    if (entry.type == ONEBIN_FILE && std::filesystem::path(entry.path).filename() == name) return &entry;
  return nullptr;
}

void Context::add_generated(const std::string& dest, const std::string& content) const {
  if (tree.find(dest)) throw pack::PackError(dest + ": the app has one already; onebin would write its own");
  tree.add_directories_for(dest);
  pack::TreeEntry entry{dest, ONEBIN_FILE, 0644, "", "", std::nullopt, ONEBIN_FAMILY_NONE};
  entry.generated = content;
  tree.entries.push_back(entry);
}

void deploy_frameworks(pack::AppTree& tree, const pack::PackOptions& options, std::ostream* explain) {
  Context context{tree, options, explain};
  deploy_qt(context);
  deploy_gconv(context);
}

}  // namespace onebin::deploy
