// Which libraries come from the host and which family a bundled library
// belongs to (the stub picks the host's or the bundled copy per family).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "../../formats/container.h"

namespace onebin::pack {

enum class Placement {
  Bundle,         // packed, always used
  HostPreferred,  // driver-facing: packed too (family ONEBIN_FAMILY_HOST), used when the host's copy falls short
  HostOnly,       // never packed: --host-lib, and driver parts that must match the kernel module
};

struct Decision {
  Placement placement = Placement::Bundle;
  std::string reason;  // for --explain; empty for a plain Bundle
};

struct LibraryPolicy {
  std::vector<std::string> host_globs;    // --host-lib
  std::vector<std::string> bundle_globs;  // --bundle-lib (wins over the built-in host list)

  Decision decide(const std::string& soname) const;
};

onebin_family library_family(const std::string& soname);

// glibc's dynamic loader on x86-64, by its soname.
constexpr const char* kGlibcLoader = "ld-linux-x86-64.so.2";

// glibc libraries that host libraries (GPU drivers) may need besides libc.so.6.
// With a bundled libc they must come from the bundle too (a host libpthread
// of another glibc version cannot load into it), so the packer bundles them
// and makes every program need them, which loads them before any host library.
const std::vector<std::string>& glibc_companions();


}  // namespace onebin::pack
