// pack --trace: what the app opened when run once at pack time. A library
// of the root's library directories that the tree lacks (one loaded with
// dlopen by a name no DT_NEEDED gives) goes to the closure, which packs it
// and what it needs as any other. A data file under /usr/share goes to
// share/ in the tree, and XDG_DATA_DIRS puts that first, where GLib, GTK and
// Qt look for icons, MIME data and themes. What the app opened elsewhere
// (/etc, /proc, the user's files, a library by its own path) is not added:
// --explain lists it.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>

#include "deploy/frameworks.hpp"
#include "pack/library_search.hpp"
#include "pack/trace.hpp"

namespace onebin::deploy {

namespace fs = std::filesystem;

namespace {

const char* const kHostPlaces[] = {"/proc/", "/sys/", "/dev/", "/run/", "/tmp/", "/var/", "/etc/", "/home/", "/root/"};

bool is_shared_object(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[18] = {};
  in.read(head, sizeof head);
  return in && std::string_view(head, 4) == "\x7f" "ELF" && head[16] == 3 /* ET_DYN */ &&
         fs::path(path).filename().string().find(".so") != std::string::npos;
}

struct Outcome {
  std::vector<std::string> library_dirs;  // ld.so's system directories of the root (LibrarySearch)
  bool data = false;
  std::vector<std::string> left_out;
  std::optional<std::set<std::string>> named;  // sonames the tree's files name, read when first needed
};

// Whether a file of the tree names `soname`: then the app loads it by that
// name. One nothing names was loaded by a library of the host (Mesa's
// libgallium and libLLVM, loaded by the GPU driver), which stays the host's.
bool named_by_tree(const Context& c, const std::string& soname, Outcome& out) {
  if (!out.named) {
    out.named.emplace();
    for (const auto& entry : c.tree.entries)
      if (entry.elf && !entry.source.empty())
        for (auto& name : sonames_in(entry.source)) out.named->insert(std::move(name));
  }
  return out.named->count(soname) > 0;
}

void take_library(const Context& c, const std::string& path, const std::string& real, const std::string& program,
                  Outcome& out) {
  // The file's own name may be the soname's target (libsqlite3.so.0.8.6); the app and ld.so name it by its soname.
  std::string name = elf::read_elf_info(real).soname;
  if (name.empty()) name = fs::path(path).filename().string();
  if (c.library(name)) return;
  std::string dir = fs::path(path).parent_path().string();
  if (std::find(out.library_dirs.begin(), out.library_dirs.end(), dir) == out.library_dirs.end())
    return out.left_out.push_back(path + "  (a library outside the library directories: loaded by its path)");
  if (!named_by_tree(c, name, out)) return out.left_out.push_back(path + "  (no packed file names " + name + ": the host's library loaded it)");
  c.tree.dlopened.emplace_back(name, program);
  std::cout << "trace  library " << name << "  (opened at " << path << "; packed with what it needs)\n";
}

void take_data(const Context& c, const std::string& path, const std::string& real, Outcome& out) {
  std::string dest = "share/" + path.substr(11);
  if (c.tree.find(dest)) return;
  c.add(real, dest);
  out.data = true;
  std::cout << "trace  data " << path << "  -> " << dest << "\n";
}

// `path` is as the app saw it (inside the root); `real` as the packer sees it.
void take(const Context& c, const std::string& path, const std::string& real, const std::string& program, Outcome& out) {
  for (const char* place : kHostPlaces)
    if (path.starts_with(place)) return out.left_out.push_back(path + "  (the host's)");
  if (is_shared_object(real)) take_library(c, path, real, program, out);
  else if (path.starts_with("/usr/share/") && fs::is_regular_file(real)) take_data(c, path, real, out);
  else out.left_out.push_back(path + "  (neither a library of the library directories nor data under /usr/share)");
}

}  // namespace

void deploy_traced(const Context& c) {
  if (!c.options.trace || !c.first("trace")) return;
  const pack::TreeEntry& main = c.tree.entries[c.tree.main];
  std::string root = c.options.root.empty() ? "" : fs::canonical(c.options.root).string();
  std::string program = fs::canonical(main.source).string(), in_tree = main.path;
  if (!root.empty() && !program.starts_with(root + "/"))
    throw pack::PackError("--trace with --root runs the app inside " + root + ", which " + program + " is not in");
  std::string app = c.tree.app_root.empty() ? "" : fs::canonical(c.tree.app_root).string();
  pack::TraceResult result = pack::trace_opened_files({program, c.options.trace_args, root, app, c.options.trace_seconds});
  if (!result.started) throw pack::PackError("--trace: " + program + " could not be run (see the error above)");
  std::cout << "trace  ran " << program.substr(root.size())
            << (result.killed ? ", ended after " + std::to_string(c.options.trace_seconds) + " s"
                              : ", exit status " + std::to_string(result.status))
            << ": " << result.opened.size() << " files opened\n";
  Outcome out;
  out.library_dirs = pack::LibrarySearch(c.options.root).system_dirs();
  for (const auto& real : result.opened) {
    if (real == program || (!app.empty() && real.starts_with(app + "/")) || !real.starts_with(root + "/")) continue;
    take(c, real.substr(root.size()), real, in_tree, out);
  }
  if (out.data) c.share_data();
  for (const auto& line : out.left_out) c.say("trace  not added: " + line);
}

}  // namespace onebin::deploy
