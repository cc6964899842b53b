// Where the dynamic loader would find a library, following glibc's ld.so on
// the packing machine: DT_RPATH (of the object, then of the main program)
// when the object has no DT_RUNPATH, then DT_RUNPATH, then the directories of
// /etc/ld.so.conf (with its includes), then the default directories. Only
// x86-64 ELF64 files are accepted, as ld.so skips other classes. Not
// followed: LD_LIBRARY_PATH (packing must not depend on the packer's shell)
// and glibc-hwcaps subdirectories (Debian ships none). With a root (say a
// debootstrap tree), every absolute path is looked up inside it instead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "elf/elf_reader.hpp"

namespace onebin::pack {

class LibrarySearch {
 public:
  explicit LibrarySearch(std::string root = "");

  std::optional<std::string> find(const std::string& name, const elf::ElfInfo& requester,
                                  const elf::ElfInfo& main_program) const;
  const std::vector<std::string>& system_dirs() const { return system_dirs_; }
  // Resolves symlinks like realpath, but inside the root as after chroot (pack/root_path.hpp).
  std::string real_path(const std::string& path) const;

 private:
  std::string inside_root(const std::string& path) const;
  void read_conf(const std::string& path, int depth);
  std::optional<std::string> find_in(const std::vector<std::string>& dirs, const std::string& name,
                                     const std::string& origin) const;
  std::string root_;
  std::vector<std::string> system_dirs_;  // as seen inside the root
};

// Expands $ORIGIN, $LIB and $PLATFORM (also in ${} form) in one path entry.
std::string expand_tokens(const std::string& entry, const std::string& origin);

}  // namespace onebin::pack
