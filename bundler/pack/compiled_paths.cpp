#include "pack/compiled_paths.hpp"

#include <elf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "elf/elf_image.hpp"
#include "pack/root_path.hpp"

namespace onebin::pack {

namespace fs = std::filesystem;

namespace {

// Where a distribution installs what an app brings.
constexpr std::string_view kLookedAt[] = {"/usr/", "/etc/", "/opt/", "/var/lib/"};

// What every Linux system has, for the app to take from the host, with all
// below it: the C library's and loader's files (the host's or the bundled
// glibc's own), the system's identity, users, names and certificates, and the
// desktop's shared fonts, icons, themes, sounds, MIME and keyboard data,
// which a packed app should share with the desktop it runs on; the init
// system's, D-Bus's, dconf's, Kerberos's and the GPU drivers' (host-only
// libraries, see library_policy) configuration and helpers. Translations
// (/usr/share/locale) are here too: every GTK and Qt program names that
// directory, and on another system it holds other apps' catalogues; the
// app's own catalogues are lost (a gap for the serving to come).
constexpr std::string_view kHostProvided[] = {
    "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/ld.so.preload", "/usr/lib/locale",
    "/usr/lib/x86_64-linux-gnu/gconv", "/usr/lib/debug", "/usr/share/i18n", "/usr/share/locale",
    "/etc/locale.alias", "/etc/localtime", "/etc/timezone", "/usr/share/zoneinfo",
    "/etc/passwd", "/etc/group", "/etc/shadow", "/etc/nsswitch.conf", "/etc/hosts", "/etc/host.conf",
    "/etc/resolv.conf", "/etc/gai.conf", "/etc/services", "/etc/protocols", "/etc/networks", "/etc/hostname",
    "/etc/machine-id", "/var/lib/dbus/machine-id", "/etc/os-release", "/usr/lib/os-release", "/etc/mtab",
    "/etc/fstab", "/etc/shells", "/etc/environment", "/etc/mime.types", "/etc/login.defs",
    "/etc/ssl", "/usr/lib/ssl", "/etc/ca-certificates", "/usr/share/ca-certificates", "/etc/pki",
    "/etc/fonts", "/usr/share/fonts", "/usr/share/icons", "/usr/share/themes", "/usr/share/pixmaps",
    "/usr/share/sounds", "/usr/share/mime", "/usr/share/applications", "/usr/share/X11", "/etc/X11",
    "/etc/xdg", "/usr/share/terminfo", "/usr/lib/terminfo", "/etc/terminfo", "/usr/share/dbus-1",
    "/etc/dbus-1", "/usr/share/doc", "/usr/share/man", "/usr/share/info", "/usr/local",
    "/usr/share/glvnd", "/usr/share/vulkan", "/etc/vulkan", "/usr/share/drirc.d", "/etc/drirc",
    "/usr/share/alsa", "/etc/alsa", "/etc/pulse", "/etc/.pwd.lock", "/etc/gshadow", "/etc/rpc", "/etc/debian_version",
    "/usr/src", "/etc/selinux", "/etc/systemd", "/usr/lib/systemd", "/usr/lib/binfmt.d", "/usr/lib/tmpfiles.d",
    "/usr/lib/sysctl.d", "/usr/lib/udev", "/etc/udev", "/var/lib/systemd", "/var/lib/dbus", "/etc/alternatives", "/etc/dconf", "/usr/bin/dbus-launch", "/usr/bin/dbus-daemon",
    "/etc/gss", "/etc/krb5.conf", "/usr/share/fontconfig", "/etc/glvnd", "/usr/lib/x86_64-linux-gnu/dri",
    "/usr/lib/x86_64-linux-gnu/gbm", "/usr/lib/x86_64-linux-gnu/vdpau", "/etc/vdpau_wrapper.cfg", "/etc/inputrc",
    "/etc/netconfig", "/etc/bindresvport.blacklist", "/usr/bin/env", "/usr/bin/sh", "/usr/bin/bash",
};

// Directories every system has, named alone (a PATH entry, an install
// prefix): the app needs what it joins to them, found on its own.
constexpr std::string_view kSystemDirs[] = {
    "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/share", "/usr/include",
    "/usr/lib/x86_64-linux-gnu", "/etc", "/opt", "/var/lib",
};

bool is_host_provided(const std::string& path) {
  auto under = [&](std::string_view dir) { return path == dir || (path.starts_with(dir) && path[dir.size()] == '/'); };
  return std::any_of(std::begin(kHostProvided), std::end(kHostProvided), under) ||
         std::any_of(std::begin(kSystemDirs), std::end(kSystemDirs), [&](std::string_view d) { return path == d; });
}

class File {
 public:
  explicit File(const std::string& path) : path_(path), fd_(open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_ < 0) throw PackError(path + ": cannot read: " + std::strerror(errno));
  }
  ~File() { close(fd_); }
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  uint64_t size() const {
    struct stat st {};
    if (fstat(fd_, &st) != 0) throw PackError(path_ + ": cannot read: " + std::strerror(errno));
    return static_cast<uint64_t>(st.st_size);
  }

  // `size` bytes at `offset`, which must lie inside the file.
  std::string read(uint64_t offset, uint64_t size, const char* what) const {
    uint64_t file_size = this->size();
    if (offset > file_size || size > file_size - offset) throw PackError(path_ + ": its " + what + " lies outside the file");
    std::string bytes(size, '\0');
    if (pread(fd_, bytes.data(), size, static_cast<off_t>(offset)) != static_cast<ssize_t>(size))
      throw PackError(path_ + ": cannot read its " + what + ": " + std::strerror(errno));
    return bytes;
  }

 private:
  std::string path_;
  int fd_;
};

// The .rodata* sections of an ELF file, where compilers put string
// constants; only these are read, so a big library costs its strings, not
// its size. A file without section headers has none to read.
std::string read_only_data(const std::string& path) {
  File file(path);
  Elf64_Ehdr header;
  std::memcpy(&header, file.read(0, sizeof header, "ELF header").data(), sizeof header);
  if (header.e_shoff == 0 || header.e_shstrndx >= header.e_shnum) return "";
  std::vector<Elf64_Shdr> sections(header.e_shnum);
  std::memcpy(sections.data(), file.read(header.e_shoff, sections.size() * sizeof(Elf64_Shdr), "section headers").data(),
              sections.size() * sizeof(Elf64_Shdr));
  const Elf64_Shdr& names = sections[header.e_shstrndx];
  std::string name_table = file.read(names.sh_offset, names.sh_size, "section names");
  std::string data;
  for (const auto& section : sections) {
    if (section.sh_type != SHT_PROGBITS || section.sh_name >= name_table.size()) continue;
    if (std::string_view(name_table.c_str() + section.sh_name).starts_with(".rodata"))
      data += file.read(section.sh_offset, section.sh_size, ".rodata section") + '\0';
  }
  return data;
}

// A script's text after its #! line (the interpreter is the stub's to find).
std::string script_text(const std::string& path) {
  constexpr uint64_t kLongest = 1 << 20;  // a script's code; more is data appended to it
  File file(path);
  std::string text = file.read(0, std::min(file.size(), kLongest), "text");
  return text.substr(std::min(text.find('\n'), text.size()));
}

bool is_script(const TreeEntry& e) {
  if (!(e.mode & 0111)) return false;
  std::ifstream in(e.source, std::ios::binary);
  char magic[2] = {};
  return in.read(magic, 2) && magic[0] == '#' && magic[1] == '!';
}

// Where each packed file came from and every directory above, as seen inside
// the root: a compiled-in path that is one of these is packed, or is a
// directory the app has packed files of (a deploy module's plugin directory).
std::set<std::string> packed_places(const AppTree& tree, const std::string& root) {
  std::set<std::string> places;
  for (const auto& e : tree.entries) {
    std::string source = e.source.empty() ? "" : fs::absolute(e.source).lexically_normal().string();
    if (source.empty() || (!root.empty() && !source.starts_with(root + "/"))) continue;
    for (fs::path p = source.substr(root.size()); p.has_relative_path(); p = p.parent_path())
      if (!places.insert(p.string()).second) break;  // its parents are in already
  }
  return places;
}

bool exists_in_root(const std::string& root, const std::string& path) {
  try {
    std::error_code error;
    return fs::exists(resolve_in_root(root, path), error);
  } catch (const RootPathError&) {
    return false;  // a loop of links names nothing
  }
}

std::string resolved_inside(const std::string& root, const std::string& path) {
  std::string real = resolve_in_root(root, path);
  return root.empty() ? real : real.substr(root.size());
}

// The path when the root has it, else the deepest directory above it that
// the root has: a program that names /usr/lib/NAME/plugins (empty, or made
// at run time) needs its own /usr/lib/NAME. The system's directories above
// it are not reported (is_host_provided).
std::string existing_part(const std::string& root, const std::string& path) {
  for (fs::path p = path; p.has_relative_path(); p = p.parent_path())
    if (exists_in_root(root, p.string())) return p.string();
  return "/";
}

// A path below a directory already reported (krb5/plugins/libkrb5 after
// krb5/plugins) says nothing more; sorted order puts the directory first.
bool below_one_of(const std::set<std::string>& dirs, const std::string& path) {
  for (fs::path p = fs::path(path).parent_path(); p.has_relative_path(); p = p.parent_path())
    if (dirs.count(p.string())) return true;
  return false;
}

}  // namespace

bool is_path_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || std::string_view("._+-/").find(ch) != std::string_view::npos;
}

std::string path_at(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && is_path_char(text[end])) ++end;
  return std::string(text.substr(at, end - at));
}

std::vector<std::string> absolute_paths_in(std::string_view text) {
  std::vector<std::string> paths;
  for (std::string_view prefix : kLookedAt) {
    for (size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
      if (at > 0 && is_path_char(text[at - 1])) continue;  // inside another path: /usr/local/etc/...
      std::string path = path_at(text, at);
      while (path.size() > 1 && (path.back() == '/' || path.back() == '.')) path.pop_back();
      if (path.find("/..") == std::string::npos && path.find("//") == std::string::npos) paths.push_back(std::move(path));
    }
  }
  return paths;
}

std::vector<CompiledPath> unpacked_compiled_paths(const AppTree& tree, const std::string& root_given) {
  std::string root = root_given.empty() ? "" : fs::absolute(root_given).lexically_normal().string();
  while (!root.empty() && root.back() == '/') root.pop_back();
  std::map<std::string, std::vector<std::string>> named;  // path -> the tree files naming it
  for (const auto& e : tree.entries) {
    if (e.type != ONEBIN_FILE || e.source.empty() || e.generated) continue;
    bool elf_file = e.elf || ((e.mode & 0111) && elf::is_x86_64_program_or_library(e.source));
    if (!elf_file && !is_script(e)) continue;
    for (auto& path : absolute_paths_in(elf_file ? read_only_data(e.source) : script_text(e.source))) {
      auto& users = named[path];
      if (users.empty() || users.back() != e.path) users.push_back(e.path);
    }
  }
  std::map<std::string, std::vector<std::string>> places;  // what the root has of each path -> its users
  for (auto& [path, users] : named) {
    auto& all = places[existing_part(root, path)];
    for (auto& user : users)
      if (std::find(all.begin(), all.end(), user) == all.end()) all.push_back(user);
  }
  std::set<std::string> packed = packed_places(tree, root);
  std::vector<CompiledPath> missing;
  std::set<std::string> reported;
  for (auto& [path, users] : places) {
    if (path == "/" || is_host_provided(path) || packed.count(path) || below_one_of(reported, path)) continue;
    if (packed.count(resolved_inside(root, path))) continue;
    reported.insert(path);
    missing.push_back({path, std::move(users)});
  }
  return missing;
}

}  // namespace onebin::pack
