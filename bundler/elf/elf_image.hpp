// A validated, bounds-checked copy of a 64-bit little-endian ELF file.
//
// Everything the writer edits (header, program headers, section headers,
// dynamic entries) is copied out of the byte buffer with memcpy, so no
// misaligned or out-of-range read can happen, and every offset taken from
// the file is checked against its size before use. Construction throws
// ElfError ("NAME: reason") for anything that is not a well-formed ELF64 LE.
#pragma once

#include <elf.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace onebin::elf {

struct ElfError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A cheap look at a file's first bytes: is it an x86-64 ELF64 little-endian
// program or shared library (ET_EXEC/ET_DYN)? Object files, other classes and
// other machines are not, nor are unreadable files.
bool is_x86_64_program_or_library(const std::string& path);

class ElfImage {
 public:
  ElfImage(std::string name, std::vector<uint8_t> bytes);
  static ElfImage load(const std::string& path);

  const std::string& name() const { return name_; }
  const std::vector<uint8_t>& bytes() const { return bytes_; }
  const Elf64_Ehdr& header() const { return ehdr_; }
  const std::vector<Elf64_Phdr>& segments() const { return phdrs_; }
  const std::vector<Elf64_Shdr>& sections() const { return shdrs_; }

  const Elf64_Phdr* find_segment(uint32_t type) const;
  // Entries of PT_DYNAMIC before the first DT_NULL (empty when there is none).
  const std::vector<Elf64_Dyn>& dynamic_entries() const { return dyn_; }
  // How many Elf64_Dyn slots PT_DYNAMIC has room for, terminator included.
  size_t dynamic_capacity() const;
  std::optional<uint64_t> dynamic_value(int64_t tag) const;

  // File offset of [vaddr, vaddr+size) inside one PT_LOAD's file-backed part.
  uint64_t vaddr_to_offset(uint64_t vaddr, uint64_t size) const;
  // NUL-terminated string at a file offset, never reading past `limit`.
  std::string string_at(uint64_t offset, uint64_t limit) const;
  // The dynamic string table (DT_STRTAB/DT_STRSZ) as file offset and size.
  uint64_t dynstr_offset() const;
  uint64_t dynstr_size() const;
  std::string dynstr(uint64_t index) const;

  [[noreturn]] void fail(const std::string& why) const;

 private:
  void parse_header();
  void parse_segments();
  void parse_sections();
  void parse_dynamic();
  void check_range(uint64_t offset, uint64_t size, const char* what) const;

  std::string name_;
  std::vector<uint8_t> bytes_;
  Elf64_Ehdr ehdr_{};
  std::vector<Elf64_Phdr> phdrs_;
  std::vector<Elf64_Shdr> shdrs_;
  std::vector<Elf64_Dyn> dyn_;
};

}  // namespace onebin::elf
