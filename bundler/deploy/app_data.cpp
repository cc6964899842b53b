// Data at a path compiled into a program packed alone: games and tools that
// read /usr/share/games/chromium-bsu/png/hero.png or /usr/share/galculator/
// ui/main_frame.ui by the absolute path their build put in. A directory the
// program (or its own library, libNAME) names by such a string, whose name
// is the program's, is packed at share/... and every "/usr/share" that
// starts such a string in that file becomes "/dev/fd/87", as long, so no other byte of the file moves; the stub
// opens the view's share/ as descriptor 87 for the app (formats/README.md,
// flag bit 6). Why not AppImage's way (patch "/usr" to "././" and change the
// working directory): the app would see another working directory and lose
// its relative paths; and /dev/fd/87 still names the view after the app
// changes directory. Paths of the program's name that are not under
// /usr/share cannot be rewritten in place: pack's warning of paths not
// packed names them (pack/compiled_paths.hpp).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "deploy/frameworks.hpp"
#include "pack/compiled_paths.hpp"
#include "pack/root_path.hpp"

namespace onebin::deploy {

namespace fs = std::filesystem;

namespace {

const std::string kPrefix = ONEBIN_DATA_PREFIX;

// The part of `path` up to its first component named like the program, or "".
std::string named_dir(const std::string& path, const std::set<std::string>& names) {
  for (size_t end = path.find('/', 1);; end = path.find('/', end + 1)) {
    std::string dir = path.substr(0, end);
    if (names.count(fs::path(dir).filename().string())) return dir;
    if (end == std::string::npos) return "";
  }
}

// The directories under /usr/share to pack, with where the program names
// each; those elsewhere pack names in its warning of paths not packed
// (pack/compiled_paths.hpp).
using Found = std::map<std::string, std::vector<uint64_t>>;

Found scan(const std::string& program, const std::set<std::string>& names, const std::string& root) {
  Found found;
  for (const auto& [offset, text] : strings_in(program, 4096)) {
    for (size_t at = text.find('/'); at != std::string::npos; at = text.find('/', at + 1)) {
      if (at > 0 && pack::is_path_char(text[at - 1])) continue;  // inside another path
      std::string dir = named_dir(pack::path_at(text, at), names);
      if (dir.empty() || !fs::is_directory(pack::resolve_in_root(root, dir))) continue;
      if (dir.rfind(kPrefix + "/", 0) == 0) found[dir].push_back(offset + at);
    }
  }
  return found;
}

}  // namespace

// The program and the tree's libraries named after it (libmousepad.so.0 for
// mousepad): the app's own code, where its build compiles such paths in.
std::vector<size_t> own_code(const Context& c, const std::set<std::string>& names) {
  std::vector<size_t> code{c.tree.main};
  for (size_t i = 0; i < c.tree.entries.size(); ++i) {
    const pack::TreeEntry& e = c.tree.entries[i];
    std::string file = fs::path(e.path).filename().string();
    bool named = std::any_of(names.begin(), names.end(), [&](const std::string& n) { return file.starts_with("lib" + n + "."); });
    if (i != c.tree.main && e.type == ONEBIN_FILE && e.elf && !e.source.empty() && named) code.push_back(i);
  }
  return code;
}

// Packs `dir` of the root at share/...; false when --exclude left it out.
bool pack_data_dir(const Context& c, const std::string& root, const std::string& dir, const std::string& user) {
  std::string dest = "share" + dir.substr(kPrefix.size());
  if (c.tree.find(dest)) return true;  // another file of the app names it too
  c.add(pack::resolve_in_root(root, dir), dest);
  if (!c.tree.find(dest)) {
    c.say("data   " + root + dir + "  excluded: " + user + " still names it at its own path");
    return false;
  }
  c.say("data   " + root + dir + "  -> " + dest + "  (named by " + user + ")");
  return true;
}

void deploy_app_data(const Context& c) {
  if (!c.tree.app_root.empty() || !c.first("app-data") || c.tree.entries[c.tree.main].source.empty()) return;
  std::set<std::string> names{fs::path(c.tree.entries[c.tree.main].path).filename().string(),
                              fs::path(c.tree.launch).filename().string()};
  std::string root = c.options.root.empty() ? "" : fs::path(c.options.root).lexically_normal().string();
  if (!root.empty() && root.back() == '/') root.pop_back();
  size_t rewritten = 0;
  for (size_t index : own_code(c, names)) {
    std::string source = c.tree.entries[index].source, path = c.tree.entries[index].path;  // entries move as data is added
    std::vector<std::pair<uint64_t, std::string>> patches;
    for (const auto& [dir, offsets] : scan(source, names, root))
      if (pack_data_dir(c, root, dir, path))
        for (uint64_t offset : offsets) patches.emplace_back(offset, ONEBIN_DATA_PATH);
    if (patches.empty()) continue;
    c.say("data   " + path + ": " + std::to_string(patches.size()) + " strings now start " ONEBIN_DATA_PATH
          " instead of " ONEBIN_DATA_PREFIX);
    rewritten += patches.size();
    c.tree.entries[index].patches = std::move(patches);
  }
  if (!rewritten) return;
  auto share = std::find_if(c.tree.entries.begin(), c.tree.entries.end(),
                            [](const pack::TreeEntry& e) { return e.path == "share" && e.type == ONEBIN_DIR; });
  if (share == c.tree.entries.end()) throw pack::PackError("share: the packed tree has it, but not as a directory");
  share->flags |= ONEBIN_DATA_DIR;
  c.say("data   the stub opens share/ as descriptor " + std::to_string(ONEBIN_DATA_FD));
}

}  // namespace onebin::deploy
