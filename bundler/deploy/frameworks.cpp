#include "deploy/frameworks.hpp"

#include <filesystem>

namespace onebin::deploy {

const pack::TreeEntry* Context::library(const std::string& name) const {
  for (const auto& entry : tree.entries)
    if (entry.type == ONEBIN_FILE && std::filesystem::path(entry.path).filename() == name) return &entry;
  return nullptr;
}

void Context::add_generated(const std::string& dest, const std::string& content, uint16_t flags) const {
  if (tree.find(dest)) throw pack::PackError(dest + ": the app has one already; onebin would write its own");
  tree.add_directories_for(dest);
  pack::TreeEntry entry = pack::TreeEntry::file(dest, "", 0644, pack::kPackTime);
  entry.generated = content;
  entry.flags = flags;
  tree.entries.push_back(entry);
}

// The variables go into one file the stub reads at launch (formats/README.md,
// flag ONEBIN_ENVIRONMENT); --onebin-info lists them.
void deploy_frameworks(pack::AppTree& tree, const pack::PackOptions& options, std::ostream* explain) {
  std::vector<std::pair<std::string, std::string>> environment;
  Context context{tree, options, explain, &environment};
  deploy_qt(context);
  deploy_glib(context);
  deploy_gconv(context);
  deploy_sdl(context);
  deploy_python(context);
  if (environment.empty()) return;
  std::string lines;
  for (const auto& [name, value] : environment) {
    lines += name + "=" + value + "\n";
    context.say("env    " + name + "=" + value);
  }
  context.add_generated(tree.libdir + "/onebin-environment", lines, ONEBIN_ENVIRONMENT);
}

}  // namespace onebin::deploy
