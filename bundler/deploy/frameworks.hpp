// Framework deployment: what frameworks load at run time and no DT_NEEDED
// names (plugins, their configuration), added to the tree when the library
// closure contains the framework. One module a framework, like linuxdeploy's
// plugins; each says what it did in --explain. The closure runs again
// afterwards for the libraries the added files need.
#pragma once

#include <ostream>

#include "pack/app_tree.hpp"

namespace onebin::deploy {

struct Context {
  pack::AppTree& tree;
  const pack::PackOptions& options;
  std::ostream* explain;  // nullptr when not asked

  void say(const std::string& line) const {
    if (explain) *explain << line << "\n";
  }
  // The tree entry of a library by file name, or nullptr.
  const pack::TreeEntry* library(const std::string& name) const;
  // Adds a file onebin writes itself, replacing nothing the app has.
  void add_generated(const std::string& dest, const std::string& content) const;
};

void deploy_qt(const Context& context);
void deploy_gconv(const Context& context);

// Runs every module.
void deploy_frameworks(pack::AppTree& tree, const pack::PackOptions& options, std::ostream* explain);

}  // namespace onebin::deploy
