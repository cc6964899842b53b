// Tcl and Tk (Python's tkinter, IDLE, wish): their script libraries, without
// which Tcl stops at "Can't find a usable init.tcl" and Tk at tk.tcl. Each
// library looks for them at a directory compiled in (Debian's /usr/share/
// tcltk/tcl8.6, upstream's PREFIX/lib/tcl8.6) and then at TCL_LIBRARY and
// TK_LIBRARY, which the stub sets: Tcl reads no configuration file earlier.
#include <filesystem>
#include <regex>

#include "deploy/frameworks.hpp"

namespace onebin::deploy {

namespace fs = std::filesystem;

namespace {

struct Part {
  const char* name;      // "tcl", "tk": the script directory is NAME + version
  const char* label;     // NAME, as wide as the other modules' --explain labels
  const char* library;   // the library's file name, with the version as group 1
  const char* landmark;  // a script every copy of the directory has
  const char* variable;
};

const Part kParts[] = {{"tcl", "tcl    ", "libtcl([89]\\.[0-9]+)\\.so.*", "init.tcl", "TCL_LIBRARY"},
                       {"tk", "tk     ", "lib(?:tcl9)?tk([89]\\.[0-9]+)\\.so.*", "tk.tcl", "TK_LIBRARY"}};

std::optional<fs::path> script_dir(const fs::path& library, const std::string& dir, const std::string& landmark) {
  fs::path libdir = library.parent_path();
  for (fs::path candidate : {libdir.parent_path() / "share/tcltk" / dir, libdir.parent_path().parent_path() / "share/tcltk" / dir,
                             libdir / dir, libdir / "tcltk" / dir})
    if (fs::is_regular_file(candidate / landmark)) return candidate;
  return std::nullopt;
}

// The library's file and version, if the tree has it.
std::optional<std::pair<std::string, std::string>> find_library(const Context& c, const Part& part) {
  const std::regex pattern(part.library);
  for (const auto& entry : c.tree.entries) {
    std::smatch version;
    std::string file = fs::path(entry.path).filename().string();
    if (entry.type == ONEBIN_FILE && !entry.source.empty() && std::regex_match(file, version, pattern))
      return std::pair(entry.source, version[1].str());
  }
  return std::nullopt;
}

void deploy_part(const Context& c, const Part& part) {
  auto library = find_library(c, part);
  if (!library || !c.first(part.name)) return;
  std::string dir = part.name + library->second;
  auto found = script_dir(library->first, dir, part.landmark);
  if (!found) {
    c.say(part.label + std::string("no ") + dir + "/" + part.landmark + " near " + library->first + ": none deployed");
    return;
  }
  std::string dest = c.tree.libdir + "/" + dir;
  c.add(found->string(), dest);
  c.set_env(part.variable, ONEBIN_APPDIR_TOKEN "/" + dest);
  c.say(part.label + std::string("scripts  from ") + found->string());
}

}  // namespace

void deploy_tcltk(const Context& c) {
  for (const Part& part : kParts) deploy_part(c, part);
}

}  // namespace onebin::deploy
