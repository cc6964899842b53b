#include "pack/closure.hpp"

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
      : tree_(tree), policy_(policy), search_(search), explain_(explain), main_(*tree.entries[tree.main].elf) {}

  void run() {
    for (const auto& entry : tree_.entries)
      if (entry.elf) queue_.push_back({*entry.elf, entry.path});
    drain();
    add_glibc_companions();
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

  void resolve(const std::string& name, const Pending& requester) {
    if (decided_.count(name)) return;
    auto path = search_.find(name, requester.info, main_);
    if (!path) {
      missing_[name].insert(requester.in_tree);
      return;
    }
    decided_.insert(name);
    if (inside_app(*path)) return;  // packed with the app already
    if (auto reason = policy_.host_reason(name)) {
      say("host   " + name + "  (" + *reason + ")");
      return;
    }
    say("bundle " + name + "  from " + *path + "  (needed by " + requester.in_tree + ")");
    std::string dest = tree_.libdir + "/" + name;
    tree_.add_directories_for(dest);
    TreeEntry entry{dest, ONEBIN_FILE, 0755, search_.real_path(*path), "", std::nullopt, library_family(name)};
    elf::ElfInfo info = elf::read_elf_info(*path);
    entry.elf = info;
    tree_.entries.push_back(entry);
    queue_.push_back({info, dest});
  }

  bool inside_app(const std::string& path) const {
    if (tree_.app_root.empty()) return false;
    std::string real = search_.real_path(path);
    return real.rfind(tree_.app_root + "/", 0) == 0;
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
  elf::ElfInfo main_;
  std::deque<Pending> queue_;
  std::set<std::string> decided_;
  std::map<std::string, std::set<std::string>> missing_;
};

}  // namespace

void add_library_closure(AppTree& tree, const LibraryPolicy& policy, const LibrarySearch& search,
                         std::ostream* explain) {
  ClosureWalk(tree, policy, search, explain).run();
}

}  // namespace onebin::pack
