// The RUNPATH each packed ELF file gets. It is $ORIGIN-relative, so the
// packed tree finds its libraries wherever the stub materialises it, and it
// keeps what ld.so would have searched for the file before it was packed.
#pragma once

#include <filesystem>
#include <string>

#include "pack/app_tree.hpp"

namespace onebin::pack {

// First the library directory (relative to the entry's directory); then, for
// a file of an app directory, its own search path (relative to the app's
// layout, which the view keeps) and the main program's DT_RPATH that ld.so
// would have searched for it: a RUNPATH ends that inheritance, so those
// directories are written into the file's own RUNPATH.
std::string runpath_for(const AppTree& tree, const TreeEntry& entry);

// `dir` from a search path of a file in directory `from`, as seen from a file
// in directory `to` (both inside the packed tree): an entry naming $ORIGIN is
// rebased (its $LIB and $PLATFORM expanded as the closure's search did),
// other entries stay as they are.
std::string rebase_origin(const std::string& dir, const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace onebin::pack
