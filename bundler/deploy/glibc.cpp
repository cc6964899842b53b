// glibc's gconv modules, when the app carries glibc and converts character
// sets with iconv: the bundled libc looks for them only at its compiled-in
// directory, which a musl or bare host lacks and other distributions keep
// elsewhere (/usr/lib64/gconv). They come from beside the bundled libc.so.6,
// of its build, and count as glibc (used only with the bundled glibc); the
// stub sets GCONV_PATH to them when it runs the bundled glibc.
#include <algorithm>
#include <filesystem>

#include "deploy/frameworks.hpp"

namespace onebin::deploy {

namespace fs = std::filesystem;

namespace {

// Whether the file imports iconv_open (libc's): then it converts with gconv
// modules. The runtimes of the families (libstdc++ imports it for
// std::codecvt) do not count: else every C++ program would carry 8 MB of
// modules it never loads.
bool uses_iconv(const pack::TreeEntry& entry) {
  if (!entry.elf || entry.family != ONEBIN_FAMILY_NONE) return false;
  auto symbol = entry.elf->imports.lower_bound("iconv_open");
  return symbol != entry.elf->imports.end() && (*symbol == "iconv_open" || symbol->rfind("iconv_open@", 0) == 0);
}

}  // namespace

void deploy_gconv(const Context& c) {
  const pack::TreeEntry* libc = c.tree.find(c.tree.libdir + "/libc.so.6");
  if (!libc || libc->source.empty()) return;
  fs::path modules = fs::path(libc->source).parent_path() / "gconv";
  if (!fs::is_directory(modules)) return;
  auto user = std::find_if(c.tree.entries.begin(), c.tree.entries.end(), uses_iconv);
  if (user == c.tree.entries.end() || !c.first("gconv")) return;
  std::string why = user->path + " uses iconv";  // adding entries below moves the vector
  std::string dest = c.tree.libdir + "/gconv";
  size_t first = c.tree.entries.size();
  c.add(modules.string(), dest);
  for (size_t i = first; i < c.tree.entries.size(); ++i) c.tree.entries[i].family = ONEBIN_FAMILY_GLIBC;
  c.say("glibc  gconv modules  from " + modules.string() + "  (" + why + "; GCONV_PATH set with the bundled glibc)");
}

}  // namespace onebin::deploy
