#include "pack/root_path.hpp"

#include <filesystem>
#include <vector>

namespace onebin::pack {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxLinks = 40;  // Linux's MAXSYMLINKS

// Pushes the components of `path` so that the first comes off the back first.
void push_parts(std::vector<std::string>& todo, const fs::path& path) {
  std::vector<std::string> parts;
  for (const auto& part : path.relative_path()) parts.push_back(part.string());
  todo.insert(todo.end(), parts.rbegin(), parts.rend());
}

std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

std::string resolve_in_root(const std::string& root_given, const std::string& inside) {
  const std::string root = root_given == "/" ? "" : without_trailing_slash(root_given);
  std::string done;  // resolved so far, as seen inside the root ("" is its top)
  std::vector<std::string> todo;
  push_parts(todo, inside);
  for (int links = 0; !todo.empty();) {
    std::string part = std::move(todo.back());
    todo.pop_back();
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      done.resize(done.empty() ? 0 : done.rfind('/'));  // at the top, ".." is the top itself
      continue;
    }
    std::string next = done + "/" + part;
    std::error_code error;
    if (!fs::is_symlink(fs::symlink_status(root + next, error))) {
      done = std::move(next);
      continue;
    }
    if (++links > kMaxLinks)
      throw RootPathError((root.empty() ? "" : root + ": ") + inside + ": too many levels of symbolic links (a loop?)");
    fs::path target = fs::read_symlink(root + next, error);
    if (error) throw RootPathError(root + next + ": cannot read the link: " + error.message());
    if (target.is_absolute()) done.clear();
    push_parts(todo, target);
  }
  return root + (done.empty() ? "/" : done);
}

std::string real_path_under(const std::string& root, const std::string& path) {
  if (root.empty()) return fs::weakly_canonical(path).string();
  std::string given = fs::absolute(path).string();
  std::error_code error;  // a root that is not there holds nothing
  // The root as given or as the packing machine resolves it (it may be a link here).
  for (fs::path top : {fs::absolute(root).lexically_normal(), fs::canonical(root, error)}) {
    std::string prefix = without_trailing_slash(top.string());
    if (!prefix.empty() && given.starts_with(prefix + "/")) return resolve_in_root(prefix, given.substr(prefix.size()));
  }
  return fs::weakly_canonical(path).string();
}

}  // namespace onebin::pack
