#include "deploy/frameworks.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

namespace onebin::deploy {

namespace fs = std::filesystem;

const pack::TreeEntry* Context::library(const std::string& name) const {
  for (const auto& entry : tree.entries)
    if (entry.type == ONEBIN_FILE && std::filesystem::path(entry.path).filename() == name) return &entry;
  return nullptr;
}

std::optional<fs::path> find_above(const std::string& file, const fs::path& relative) {
  for (fs::path dir = fs::path(file).parent_path(); dir.has_relative_path(); dir = dir.parent_path())
    if (fs::exists(dir / relative)) return dir / relative;
  return std::nullopt;
}

std::string cache_for_view(const fs::path& cache, const std::string& subdir, const std::string& dest) {
  std::ifstream in(cache);
  if (!in) throw pack::PackError(cache.string() + ": cannot read");
  std::ostringstream out;
  const std::string marker = "/" + subdir + "/";
  for (std::string line; std::getline(in, line);) {
    auto at = line.rfind(marker);
    if (line.rfind("\"/", 0) == 0 && at != std::string::npos)
      line = "\"" ONEBIN_APPDIR_TOKEN "/" + dest + line.substr(at + marker.size() - 1);
    out << line << "\n";
  }
  return out.str();
}

std::vector<std::pair<uint64_t, std::string>> strings_in(const std::string& path, size_t longest) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw pack::PackError(path + ": cannot read");
  std::string bytes{std::istreambuf_iterator<char>(in), {}};
  std::vector<std::pair<uint64_t, std::string>> found;
  for (size_t start = 0, end; start < bytes.size(); start = end + 1) {
    end = bytes.find('\0', start);
    if (end == std::string::npos) break;
    if (end > start && end - start <= longest) found.emplace_back(start, bytes.substr(start, end - start));
  }
  return found;
}

std::vector<std::string> sonames_in(const std::string& path) {
  static const std::regex kSoname("lib[A-Za-z0-9_+.-]+\\.so\\.[0-9]+");
  std::vector<std::string> names;
  for (auto& [offset, text] : strings_in(path, 63))
    if (std::regex_match(text, kSoname)) names.push_back(std::move(text));
  return names;
}

// The variables go into one file the stub reads at launch (formats/README.md,
// flag ONEBIN_ENVIRONMENT); --onebin-info lists them.
void deploy_frameworks(pack::AppTree& tree, const pack::PackOptions& options, std::ostream* explain,
                       const std::function<void()>& closure) {
  std::vector<std::pair<std::string, std::string>> environment;
  std::set<std::string> deployed;
  Context context{tree, options, explain, &environment, &deployed};
  for (size_t before = 0; before != tree.entries.size();) {
    before = tree.entries.size();
    for (auto module : {deploy_app_data, deploy_traced, deploy_python, deploy_qt, deploy_glib, deploy_gtk, deploy_gconv, deploy_sdl, deploy_gstreamer, deploy_tcltk})
      module(context);
    closure();
  }
  if (environment.empty()) return;
  std::string lines;
  for (const auto& [name, value] : environment) {
    lines += name + "=" + value + "\n";
    context.say("env    " + name + "=" + value);
  }
  context.add_generated(tree.libdir + "/onebin-environment", lines, ONEBIN_ENVIRONMENT);
}

}  // namespace onebin::deploy
