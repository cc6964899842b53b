// Qt 5 and Qt 6: the plugins Qt loads by itself (platform integrations for
// X11 and Wayland, their GL and shell integrations, image formats, icon
// engines, input methods, TLS backends) and a qt.conf beside the program
// that points Qt at them: Qt reads qt.conf from its program's directory
// before any environment, so nothing has to be set at launch.
#include <filesystem>

#include "deploy/frameworks.hpp"

namespace onebin::deploy {

namespace fs = std::filesystem;

namespace {

const char* const kCategories[] = {"platforms",
                                   "xcbglintegrations",
                                   "wayland-shell-integration",
                                   "wayland-decoration-client",
                                   "wayland-graphics-integration-client",
                                   "imageformats",
                                   "iconengines",
                                   "platforminputcontexts",
                                   "tls"};

// Debian keeps Qt's plugins in LIBDIR/qt6/plugins (qt5/plugins); Qt's own
// installers in PREFIX/plugins beside PREFIX/lib.
std::optional<fs::path> plugin_dir(const pack::TreeEntry& core, int major) {
  fs::path libdir = fs::path(core.source).parent_path();
  for (fs::path dir : {libdir / ("qt" + std::to_string(major)) / "plugins", libdir.parent_path() / "plugins"})
    if (fs::is_directory(dir / "platforms")) return dir;
  return std::nullopt;
}

// From a directory of the tree back up to the tree's top: "../..".
std::string up_to_top(const fs::path& dir) {
  std::string path;
  for (auto part = dir.begin(); part != dir.end(); ++part) path += path.empty() ? ".." : "/..";
  return path.empty() ? "." : path;
}

}  // namespace

void deploy_qt(const Context& c) {
  for (int major : {6, 5}) {
    const pack::TreeEntry* core = c.library("libQt" + std::to_string(major) + "Core.so." + std::to_string(major));
    if (!core || core->source.empty()) continue;
    if (!c.first("qt")) return;
    fs::path program_dir = fs::path(c.tree.entries[c.tree.main].path).parent_path();
    if (c.tree.find((program_dir / "qt.conf").string())) {
      c.say("qt" + std::to_string(major) + "    the app has its own " + (program_dir / "qt.conf").string() + ": nothing deployed");
      return;
    }
    auto plugins = plugin_dir(*core, major);
    if (!plugins) throw pack::PackError(core->source + ": Qt " + std::to_string(major) + " without a plugins directory beside it");
    fs::path dest = fs::path(c.tree.libdir) / ("qt" + std::to_string(major)) / "plugins";
    for (const char* category : kCategories) {
      if (!fs::is_directory(*plugins / category)) continue;
      c.add((*plugins / category).string(), (dest / category).string());
      c.say("qt" + std::to_string(major) + "    plugins " + category + "  from " + (*plugins / category).string());
    }
    // Paths in qt.conf are relative to its directory (Prefix) and to Prefix.
    c.add_generated((program_dir / "qt.conf").string(),
                    "[Paths]\nPrefix = " + up_to_top(program_dir) + "\nPlugins = " + dest.string() + "\n");
    c.say("qt" + std::to_string(major) + "    " + (program_dir / "qt.conf").string() + "  (Plugins = " + dest.string() + ")");
    return;
  }
}

}  // namespace onebin::deploy
