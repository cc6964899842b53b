// CPython: a program packed alone (onebin pack /usr/bin/python3) takes its
// standard library with it, lib-dynload's extension modules included, so
// that it never imports the host's (of another version, or none at all).
// CPython finds its prefix from argv[0], the view (README: what the app
// sees), by the landmark PREFIX/lib/pythonX.Y/os.py: the library goes to
// lib/pythonX.Y beside the program's bin/. Debian's dist-packages (not under
// lib/pythonX.Y) and config-X.Y (for building extensions) stay out.
#include <filesystem>
#include <regex>

#include "deploy/frameworks.hpp"

namespace onebin::deploy {

namespace fs = std::filesystem;

void deploy_python(const Context& c) {
  const pack::TreeEntry& program = c.tree.entries[c.tree.main];
  static const std::regex kPython("python(3\\.[0-9]+)");
  std::smatch version;
  std::string name = fs::path(program.path).filename().string();
  if (!c.tree.app_root.empty() || program.source.empty() || !std::regex_match(name, version, kPython) ||
      !c.first("python"))
    return;
  fs::path stdlib = fs::path(program.source).parent_path().parent_path() / "lib" / name;
  if (!fs::exists(stdlib / "os.py")) {
    c.say("python " + program.path + ": no standard library at " + stdlib.string() + ": none deployed");
    return;
  }
  std::string dest = (fs::path(program.path).parent_path().parent_path() / "lib" / name).string();
  for (const auto& child : fs::directory_iterator(stdlib)) {
    std::string leaf = child.path().filename().string();
    if (leaf == "test" || leaf.rfind("config-", 0) == 0) continue;
    c.add(child.path().string(), dest + "/" + leaf);
  }
  c.say("python " + stdlib.string() + "  -> " + dest + "  (the standard library; CPython finds it from argv[0])");
}

}  // namespace onebin::deploy
