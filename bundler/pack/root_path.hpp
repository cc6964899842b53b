// Paths inside a root file system (--root, a debootstrap tree), resolved as
// the kernel resolves them after chroot(ROOT): a link's absolute target and
// ".." at the top stay inside the root. Resolving with the packing machine's
// own view (fs::canonical) would follow ROOT/usr/bin/convert ->
// /etc/alternatives/convert to the packer's own file.
#pragma once

#include <stdexcept>
#include <string>

namespace onebin::pack {

struct RootPathError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ROOT + the real path of `inside` (a path as seen from inside the root).
// Components that do not exist are kept as given, as weakly_canonical does;
// more than 40 links on the way (a loop) throws RootPathError naming `inside`.
std::string resolve_in_root(const std::string& root, const std::string& inside);

// The real path of `path`, a path on this machine: inside `root` (when given
// and `path` lies under it) resolved as above, else fs::weakly_canonical's
// answer: a missing file's path, for the caller to say it is missing.
std::string real_path_under(const std::string& root, const std::string& path);

}  // namespace onebin::pack
