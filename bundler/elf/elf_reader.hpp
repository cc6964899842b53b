// What onebin needs to know about one ELF file, read with LIEF after the
// file's structure has been validated by ElfImage (LIEF 0.9 silently returns
// partial data for truncated files, so it is never trusted on its own).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace onebin::elf {

enum class ElfKind {
  Executable,        // ET_EXEC with PT_INTERP
  PieExecutable,     // ET_DYN with PT_INTERP and DF_1_PIE (or no DT_SONAME)
  StaticExecutable,  // ET_EXEC without PT_INTERP
  StaticPie,         // ET_DYN, no PT_INTERP, DF_1_PIE: relocates itself
  SharedLibrary,     // ET_DYN that is not an executable
  Loader,            // the dynamic loader itself (ld-linux*, ld64.so*, ld-musl*)
};

const char* to_string(ElfKind kind);

struct ElfInfo {
  std::string path;
  std::string machine;  // "x86-64", "aarch64", or "machine N"
  ElfKind kind = ElfKind::SharedLibrary;
  std::string interp;
  std::string soname;
  std::vector<std::string> needed;
  std::vector<std::string> rpath;    // split at ':'
  std::vector<std::string> runpath;  // split at ':'
  // Library name -> versions required from it, e.g. libc.so.6 -> GLIBC_2.34.
  std::map<std::string, std::vector<std::string>> version_needs;
  // Versions this file defines (its own base name excluded).
  std::vector<std::string> version_defs;
  // Undefined dynamic symbols, as "name" or, where the file requires a
  // version, "name@VERSION".
  std::set<std::string> imports;

  // Whether a DT_RUNPATH may legally be written into this file.
  bool can_carry_runpath() const;
};

// Throws ElfError naming the file for non-ELF, truncated or malformed input.
ElfInfo read_elf_info(const std::string& path);

// The dynamic symbols a library defines, each as "name" and, if versioned,
// "name@VERSION" too. Read only where the packer needs them (what a
// host-preferred library offers the files that import from it).
std::set<std::string> read_exports(const std::string& path);

}  // namespace onebin::elf
