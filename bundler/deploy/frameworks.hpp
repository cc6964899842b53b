// Framework deployment: what frameworks load at run time and no DT_NEEDED
// names (plugins, their configuration), added to the tree when the library
// closure contains the framework. One module a framework, like linuxdeploy's
// plugins; each says what it did in --explain. The closure runs after the
// modules for the libraries the added files need, and the modules again for
// the frameworks those bring (python's _tkinter brings Tcl/Tk, a GStreamer
// plugin GTK), until a round adds nothing.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pack/app_tree.hpp"

namespace onebin::deploy {

struct Context {
  pack::AppTree& tree;
  const pack::PackOptions& options;
  std::ostream* explain;  // nullptr when not asked
  std::vector<std::pair<std::string, std::string>>* environment;  // what the stub sets (VALUE may hold ONEBIN_APPDIR_TOKEN)
  std::set<std::string>* deployed;  // the frameworks done in an earlier round

  // True the first time a module asks for `framework`: each is deployed once.
  bool first(const std::string& framework) const { return deployed->insert(framework).second; }

  void say(const std::string& line) const {
    if (explain) *explain << line << "\n";
  }
  // The tree entry of a library by file name, or nullptr.
  const pack::TreeEntry* library(const std::string& name) const;
  void add_generated(const std::string& dest, const std::string& content, uint16_t flags = 0) const {
    tree.add_generated(dest, content, flags);
  }
  // Adds `source`, a file or directory found outside the app, at `dest`.
  void add(const std::string& source, const std::string& dest) const { pack::add_tree_path(tree, options, source, dest); }
  // A variable the stub sets for the app, where nothing but the environment
  // works; a module that sets one another module set replaces it.
  void set_env(const std::string& name, const std::string& value) const {
    for (auto& [known, old] : *environment)
      if (known == name) return void(old = value);
    environment->emplace_back(name, value);
  }
  // Puts the tree's share/ first where GLib, GTK and Qt look for data (icons,
  // MIME types, themes), before the XDG default; the host's value is replaced.
  void share_data() const { set_env("XDG_DATA_DIRS", ONEBIN_APPDIR_TOKEN "/share:/usr/local/share:/usr/share"); }
};

void deploy_qt(const Context& context);
void deploy_glib(const Context& context);
void deploy_gconv(const Context& context);
void deploy_sdl(const Context& context);
void deploy_python(const Context& context);
void deploy_gstreamer(const Context& context);
void deploy_gtk(const Context& context);
void deploy_tcltk(const Context& context);

// `relative` under the nearest directory above `file` that has it
// (LIBDIR/libgio... -> PREFIX/share/glib-2.0/...).
std::optional<std::filesystem::path> find_above(const std::string& file, const std::filesystem::path& relative);

// A module cache (gdk-pixbuf's loaders.cache, GTK's immodules.cache) that
// names each module by its installed path: those become the modules' paths
// in the view, `dest` there, from the part after "/SUBDIR/" on.
std::string cache_for_view(const std::filesystem::path& cache, const std::string& subdir, const std::string& dest);

// The NUL-terminated strings of a file, up to `longest` bytes, with their offsets.
std::vector<std::pair<uint64_t, std::string>> strings_in(const std::string& path, size_t longest);

// The strings of a file that look like a library's soname (libX.so.N).
std::vector<std::string> sonames_in(const std::string& path);

void deploy_app_data(const Context& context);
void deploy_traced(const Context& context);

// Runs every module, then `closure`, and again while a round adds entries.
void deploy_frameworks(pack::AppTree& tree, const pack::PackOptions& options, std::ostream* explain,
                       const std::function<void()>& closure);

}  // namespace onebin::deploy
