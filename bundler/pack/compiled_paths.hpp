// Paths an app was built with: plugin and module directories, helper
// programs, data and configuration that its programs and libraries name by
// the absolute path of their build (/usr/lib/x86_64-linux-gnu/vlc/plugins,
// /usr/share/ffmpeg). Pack neither packs nor serves those it does not know,
// so the packed app misses them on another system; this finds them so pack
// can say so.
//
// Looked at: the absolute paths in the read-only data (.rodata*) of every
// packed ELF file and in the text of every packed #! script, under /usr/,
// /etc/, /opt/ and /var/lib/ (where a distribution installs; /proc, /sys,
// /dev, /run, /tmp and /home are the running system's, never the app's).
// Kept: those that exist in the source root (--root, or this machine) and
// that the packed tree holds nothing of, less what every system has for the
// app to take from it (see kHostProvided in compiled_paths.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pack/app_tree.hpp"

namespace onebin::pack {

// A character of the paths apps are installed at: a path in a string ends
// at the first other one (a printf %s, a ':' between PATH entries, a quote).
bool is_path_char(char ch);
// The path at `at` in `text`, up to the first character that is no path's.
std::string path_at(std::string_view text, size_t at);

struct CompiledPath {
  std::string path;                   // as seen inside the source root
  std::vector<std::string> named_by;  // the packed files naming it, by their place in the tree
};

// The compiled-in paths of the tree's files that it does not pack, sorted.
std::vector<CompiledPath> unpacked_compiled_paths(const AppTree& tree, const std::string& root);

// The absolute paths under the looked-at prefixes in `text`, cleaned of
// what follows a path in a message (a trailing '/' or '.').
std::vector<std::string> absolute_paths_in(std::string_view text);

}  // namespace onebin::pack
