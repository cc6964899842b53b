// Framework deployment: what frameworks load at run time and no DT_NEEDED
// names (plugins, their configuration), added to the tree when the library
// closure contains the framework. One module a framework, like linuxdeploy's
// plugins; each says what it did in --explain. The closure runs after the
// modules for the libraries the added files need, and the modules again for
// the frameworks those bring (python's _tkinter brings Tcl/Tk, a GStreamer
// plugin GTK), until a round adds nothing.
#pragma once

#include <functional>
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
  // A variable the stub sets for the app, where nothing but the environment works.
  void set_env(const std::string& name, const std::string& value) const { environment->emplace_back(name, value); }
};

void deploy_qt(const Context& context);
void deploy_glib(const Context& context);
void deploy_gconv(const Context& context);
void deploy_sdl(const Context& context);
void deploy_python(const Context& context);
void deploy_gstreamer(const Context& context);
void deploy_tcltk(const Context& context);

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
