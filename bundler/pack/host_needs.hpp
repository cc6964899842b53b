// What the bundle imports from each driver-facing library it carries as a
// fallback (family ONEBIN_FAMILY_HOST): the stub uses the host's copy only
// when that copy defines every one of these symbols, so a host library older
// than what the bundle was built against (libwayland-client 1.18 without
// wl_proxy_marshal_flags) is never used.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pack/app_tree.hpp"

namespace onebin::pack {

// Tree path of each family-5 library -> "name" or "name@VERSION", sorted.
std::map<std::string, std::vector<std::string>> host_needs(const AppTree& tree);

}  // namespace onebin::pack
