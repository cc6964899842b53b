// Adds to an app tree every shared library its ELF files need, found the way
// ld.so would find them on this machine, except the ones that must stay on
// the host. Libraries missing from this machine are one error listing each
// missing name and who needs it.
#pragma once

#include <ostream>

#include "pack/app_tree.hpp"
#include "pack/library_search.hpp"

namespace onebin::pack {

// With `explain`, prints one line per library: its decision and the reason.
void add_library_closure(AppTree& tree, const LibraryPolicy& policy, const LibrarySearch& search,
                         std::ostream* explain);

}  // namespace onebin::pack
