// Which libraries stay on the host and which family a bundled library
// belongs to (the stub picks the host's or the bundled copy per family).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "../../formats/container.h"

namespace onebin::pack {

struct LibraryPolicy {
  std::vector<std::string> host_globs;    // --host-lib
  std::vector<std::string> bundle_globs;  // --bundle-lib (wins over the built-in host list)

  // Why a library must come from the host, or nullopt to bundle it.
  std::optional<std::string> host_reason(const std::string& soname) const;
};

onebin_family library_family(const std::string& soname);

// glibc's dynamic loader on x86-64, by its soname.
constexpr const char* kGlibcLoader = "ld-linux-x86-64.so.2";

// glibc libraries that host libraries (GPU drivers) may need besides libc.so.6.
// With a bundled libc they must come from the bundle too (a host libpthread
// of another glibc version cannot load into it), so the packer bundles them
// and makes every program need them, which loads them before any host library.
const std::vector<std::string>& glibc_companions();

// The symbol-version prefix a family's libraries define ("GLIBC_"...), or "".
const char* family_version_prefix(onebin_family family);

}  // namespace onebin::pack
