#include "elf/elf_image.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

namespace onebin::elf {

namespace {

template <typename T>
T copy_out(const std::vector<uint8_t>& bytes, uint64_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

std::string hex(uint64_t value) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace

ElfImage::ElfImage(std::string name, std::vector<uint8_t> bytes)
    : name_(std::move(name)), bytes_(std::move(bytes)) {
  parse_header();
  parse_segments();
  parse_sections();
  parse_dynamic();
}

bool is_x86_64_program_or_library(const std::string& path) {
  unsigned char h[20] = {};
  std::ifstream(path, std::ios::binary).read(reinterpret_cast<char*>(h), sizeof h);
  unsigned type = h[16] | h[17] << 8, machine = h[18] | h[19] << 8;
  return std::equal(h, h + SELFMAG, ELFMAG) && h[EI_CLASS] == ELFCLASS64 && h[EI_DATA] == ELFDATA2LSB &&
         machine == EM_X86_64 && (type == ET_EXEC || type == ET_DYN);
}

ElfImage ElfImage::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ElfError(path + ": cannot open: " + std::strerror(errno));
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
  if (in.bad()) throw ElfError(path + ": read error");
  return ElfImage(path, std::move(bytes));
}

void ElfImage::fail(const std::string& why) const { throw ElfError(name_ + ": " + why); }

void ElfImage::check_range(uint64_t offset, uint64_t size, const char* what) const {
  if (offset > bytes_.size() || size > bytes_.size() - offset)
    fail(std::string("truncated: ") + what + " lies beyond the end of the file (" +
         std::to_string(bytes_.size()) + " bytes)");
}

void ElfImage::parse_header() {
  if (bytes_.size() < EI_NIDENT || std::memcmp(bytes_.data(), ELFMAG, SELFMAG) != 0)
    fail("not an ELF file");
  if (bytes_[EI_CLASS] != ELFCLASS64) fail("not a 64-bit ELF file (only ELF64 is supported)");
  if (bytes_[EI_DATA] != ELFDATA2LSB) fail("not a little-endian ELF file");
  check_range(0, sizeof(Elf64_Ehdr), "the ELF header");
  ehdr_ = copy_out<Elf64_Ehdr>(bytes_, 0);
  if (ehdr_.e_type != ET_EXEC && ehdr_.e_type != ET_DYN)
    fail("not an executable or shared library (e_type " + std::to_string(ehdr_.e_type) + ")");
  if (ehdr_.e_phnum && ehdr_.e_phentsize != sizeof(Elf64_Phdr)) fail("bad e_phentsize");
  if (ehdr_.e_shnum && ehdr_.e_shentsize != sizeof(Elf64_Shdr)) fail("bad e_shentsize");
}

void ElfImage::parse_segments() {
  check_range(ehdr_.e_phoff, uint64_t{ehdr_.e_phnum} * sizeof(Elf64_Phdr), "the program headers");
  for (unsigned i = 0; i < ehdr_.e_phnum; ++i) {
    auto ph = copy_out<Elf64_Phdr>(bytes_, ehdr_.e_phoff + i * sizeof(Elf64_Phdr));
    if (ph.p_type == PT_LOAD && ph.p_filesz > ph.p_memsz) fail("PT_LOAD with p_filesz > p_memsz");
    if (ph.p_type != PT_NULL) check_range(ph.p_offset, ph.p_filesz, "a segment");
    phdrs_.push_back(ph);
  }
}

void ElfImage::parse_sections() {
  // Section headers are optional for loading; a table that does not fit is
  // still a sign of truncation, which is the common way files break.
  if (ehdr_.e_shnum == 0) return;
  check_range(ehdr_.e_shoff, uint64_t{ehdr_.e_shnum} * sizeof(Elf64_Shdr), "the section headers");
  for (unsigned i = 0; i < ehdr_.e_shnum; ++i) {
    auto sh = copy_out<Elf64_Shdr>(bytes_, ehdr_.e_shoff + i * sizeof(Elf64_Shdr));
    if (sh.sh_type != SHT_NOBITS && sh.sh_type != SHT_NULL) check_range(sh.sh_offset, sh.sh_size, "a section");
    shdrs_.push_back(sh);
  }
}

void ElfImage::parse_dynamic() {
  const Elf64_Phdr* dyn = find_segment(PT_DYNAMIC);
  if (!dyn) return;
  size_t slots = dyn->p_filesz / sizeof(Elf64_Dyn);
  for (size_t i = 0; i < slots; ++i) {
    auto d = copy_out<Elf64_Dyn>(bytes_, dyn->p_offset + i * sizeof(Elf64_Dyn));
    if (d.d_tag == DT_NULL) return;
    dyn_.push_back(d);
  }
  fail("PT_DYNAMIC has no DT_NULL terminator");
}

const Elf64_Phdr* ElfImage::find_segment(uint32_t type) const {
  for (const auto& ph : phdrs_)
    if (ph.p_type == type) return &ph;
  return nullptr;
}

size_t ElfImage::dynamic_capacity() const {
  const Elf64_Phdr* dyn = find_segment(PT_DYNAMIC);
  return dyn ? dyn->p_filesz / sizeof(Elf64_Dyn) : 0;
}

std::optional<uint64_t> ElfImage::dynamic_value(int64_t tag) const {
  for (const auto& d : dyn_)
    if (d.d_tag == tag) return d.d_un.d_val;
  return std::nullopt;
}

uint64_t ElfImage::vaddr_to_offset(uint64_t vaddr, uint64_t size) const {
  for (const auto& ph : phdrs_) {
    if (ph.p_type != PT_LOAD || vaddr < ph.p_vaddr) continue;
    uint64_t rel = vaddr - ph.p_vaddr;
    if (rel <= ph.p_filesz && size <= ph.p_filesz - rel) return ph.p_offset + rel;
  }
  fail("address " + hex(vaddr) + " is not backed by the file");
}

std::string ElfImage::string_at(uint64_t offset, uint64_t limit) const {
  if (limit > bytes_.size()) limit = bytes_.size();
  if (offset >= limit) fail("string offset out of range");
  const void* end = std::memchr(bytes_.data() + offset, 0, limit - offset);
  if (!end) fail("unterminated string");
  return std::string(reinterpret_cast<const char*>(bytes_.data() + offset));
}

uint64_t ElfImage::dynstr_size() const {
  auto size = dynamic_value(DT_STRSZ);
  if (!size) fail("dynamic section has no DT_STRSZ");
  return *size;
}

uint64_t ElfImage::dynstr_offset() const {
  auto addr = dynamic_value(DT_STRTAB);
  if (!addr) fail("dynamic section has no DT_STRTAB");
  return vaddr_to_offset(*addr, dynstr_size());
}

std::string ElfImage::dynstr(uint64_t index) const {
  uint64_t base = dynstr_offset(), size = dynstr_size();
  if (index >= size) fail("dynamic string index out of range");
  return string_at(base + index, base + size);
}

}  // namespace onebin::elf
