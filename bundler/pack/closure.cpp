#include "pack/closure.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <set>

namespace onebin::pack {

namespace fs = std::filesystem;

namespace {

struct Pending {
  elf::ElfInfo info;    // read from the file on disk
  std::string in_tree;  // its path in the packed tree, for messages
};

class ClosureWalk {
 public:
  ClosureWalk(AppTree& tree, const LibraryPolicy& policy, const LibrarySearch& search, std::ostream* explain)
      : tree_(tree), policy_(policy), search_(search), explain_(explain), main_(tree.entries[tree.main].elf.value_or(elf::ElfInfo{})) {}

  void run() {
    if (auto libc = search_.find("libc.so.6", main_, main_)) glibc_home_ = fs::path(search_.real_path(*libc)).parent_path();
    for (const auto& entry : tree_.entries)
      if (entry.elf) queue_.push_back({*entry.elf, entry.path});
    drain();
    add_glibc_companions();
    add_dlopened();
    drain();
    report_missing();
  }

 private:
  void drain() {
    while (!queue_.empty()) {
      Pending next = std::move(queue_.front());
      queue_.pop_front();
      for (const auto& name : next.info.needed) resolve(name, next);
    }
  }

  // See glibc_companions(): taken from the directory of the bundled libc.
  void add_glibc_companions() {
    const TreeEntry* libc = tree_.find(tree_.libdir + "/libc.so.6");
    if (!libc) return;
    // A copy: resolve() adds entries, which moves the tree's vector.
    Pending from{*libc->elf, libc->path};
    from.info.path = libc->source;
    from.info.runpath = {fs::path(libc->source).parent_path().string()};
    for (const auto& name : glibc_companions())
      if (!decided_.count(name)) resolve(name, from);
  }

  // Libraries a framework loads by name (AppTree::dlopened): packed like a
  // DT_NEEDED when this machine (or the root) has them; one it lacks is
  // only said, since the framework runs without it.
  void add_dlopened() {
    for (const auto& [name, user] : tree_.dlopened) {
      const TreeEntry* from = tree_.find(user);
      if (!from || !from->elf || decided_.count(name)) continue;
      Pending requester{*from->elf, from->path};
      bool required = tree_.host_only.count(name);
      resolve(name, requester);
      if (!required) tree_.host_only.erase(name);  // loaded by name: the app runs without it, the stub need not ask
      if (missing_.erase(name)) say("absent " + name + "  (loaded by name by " + user + "; not found, left out)");
    }
  }

  // glibc's loader and libraries call each other's private symbols, so all
  // must be of one build, and ld.so never searches for its own name: every
  // glibc library comes from beside the libc.so.6 the main program finds.
  std::optional<std::string> find_glibc_library(const std::string& name, const Pending& requester) const {
    fs::path path = glibc_home_ / name;
    if (fs::exists(path)) return path.string();
    if (inside_app(glibc_home_.string()))
      throw PackError((glibc_home_ / "libc.so.6").string() + " comes with the app, but " + name + " (needed by " +
                      requester.in_tree + ") is not beside it: glibc's loader and libraries must all be of the same "
                      "build, so add " + name + " of that glibc there");
    return std::nullopt;
  }

  void resolve(const std::string& name, const Pending& requester) {
    if (decided_.count(name)) return;
    bool glibc = library_family(name) == ONEBIN_FAMILY_GLIBC && !glibc_home_.empty();
    auto path = glibc ? find_glibc_library(name, requester) : search_.find(name, requester.info, main_);
    if (!path) {
      missing_[name].insert(requester.in_tree);
      return;
    }
    decided_.insert(name);
    bool loader = glibc && name == kGlibcLoader;
    if (inside_app(*path)) {  // packed with the app already
      if (loader) tree_.loader = fs::path(search_.real_path(*path)).lexically_relative(tree_.app_root).string();
      return;
    }
    std::string real = search_.real_path(*path);
    if (packed_already(real)) return;  // by an earlier pass, or a deployed framework's own library
    std::string dest = tree_.libdir + "/" + name;
    if (tree_.find(dest))
      throw PackError(tree_.app_root + "/" + dest + ": the app has a file where onebin puts the libraries it bundles (" +
                      name + ", needed by " + requester.in_tree + "); rename the app's " + tree_.libdir + " directory");
    Decision decision = policy_.decide(name);
    if (decision.placement == Placement::HostOnly) {
      if (!tree_.host_only.count(name)) say("host   " + name + "  (" + decision.reason + ")");  // once, not every round
      auto& [reason, users] = tree_.host_only[name];
      reason = decision.reason;
      users.insert(requester.in_tree);
      return;
    }
    bool preferred = decision.placement == Placement::HostPreferred;
    say((preferred ? "host+  " : "bundle ") + name + "  from " + *path + "  (" +
        (preferred ? decision.reason + "; this copy otherwise; " : "") + "needed by " + requester.in_tree + ")");
    tree_.add_directories_for(dest);
    TreeEntry entry = TreeEntry::file(dest, real, 0755, mtime_of(real));
    entry.family = preferred ? ONEBIN_FAMILY_HOST : library_family(name);
    elf::ElfInfo info = elf::read_elf_info(*path);
    entry.elf = info;
    tree_.entries.push_back(entry);
    if (loader) tree_.loader = dest;
    queue_.push_back({info, dest});
  }

  bool inside_app(const std::string& path) const {
    if (tree_.app_root.empty()) return false;
    std::string real = search_.real_path(path);
    return real.rfind(tree_.app_root + "/", 0) == 0;
  }

  // A file the tree holds already (found again through another name or $ORIGIN).
  bool packed_already(const std::string& real) const {
    return std::any_of(tree_.entries.begin(), tree_.entries.end(),
                       [&](const TreeEntry& e) { return e.type == ONEBIN_FILE && e.source == real; });
  }

  void say(const std::string& line) {
    if (explain_) *explain_ << line << "\n";
  }

  void report_missing() const {
    if (missing_.empty()) return;
    std::string message = "libraries not found on this machine:";
    for (const auto& [name, users] : missing_) {
      message += "\n  " + name + " (needed by";
      for (const auto& user : users) message += " " + user;
      message += ")";
    }
    throw PackError(message);
  }

  AppTree& tree_;
  const LibraryPolicy& policy_;
  const LibrarySearch& search_;
  std::ostream* explain_;
  elf::ElfInfo main_;  // empty for a static program or a script: no RPATH of its own to search
  std::deque<Pending> queue_;
  fs::path glibc_home_;  // directory of the libc.so.6 the main program finds
  std::set<std::string> decided_;
  std::map<std::string, std::set<std::string>> missing_;
};

}  // namespace

void add_library_closure(AppTree& tree, const LibraryPolicy& policy, const LibrarySearch& search,
                         std::ostream* explain) {
  ClosureWalk(tree, policy, search, explain).run();
}

}  // namespace onebin::pack
