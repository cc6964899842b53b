#include "elf/dynstr_refs.hpp"

#include <cstring>

namespace onebin::elf {

namespace {

// Version chains are linked lists inside the file; bound the walk so a
// looping chain in a corrupted file cannot hang the packer.
constexpr unsigned kMaxVersionRecords = 1u << 16;

template <typename T>
T read_at(const ElfImage& image, uint64_t offset) {
  if (offset > image.bytes().size() || sizeof(T) > image.bytes().size() - offset)
    image.fail("truncated: version record beyond the end of the file");
  T value;
  std::memcpy(&value, image.bytes().data() + offset, sizeof(T));
  return value;
}

void add_symbol_names(const ElfImage& image, const Elf64_Shdr& dynsym, std::vector<uint64_t>& refs) {
  for (uint64_t i = 0; i < dynsym.sh_size / sizeof(Elf64_Sym); ++i)
    refs.push_back(read_at<Elf64_Sym>(image, dynsym.sh_offset + i * sizeof(Elf64_Sym)).st_name);
}

void add_verneed_names(const ElfImage& image, std::vector<uint64_t>& refs) {
  auto addr = image.dynamic_value(DT_VERNEED);
  if (!addr) return;
  uint64_t offset = image.vaddr_to_offset(*addr, sizeof(Elf64_Verneed));
  uint64_t count = image.dynamic_value(DT_VERNEEDNUM).value_or(0);
  for (unsigned n = 0; n < count && n < kMaxVersionRecords; ++n) {
    auto need = read_at<Elf64_Verneed>(image, offset);
    refs.push_back(need.vn_file);
    uint64_t aux_offset = offset + need.vn_aux;
    for (unsigned a = 0; a < need.vn_cnt && a < kMaxVersionRecords; ++a) {
      auto aux = read_at<Elf64_Vernaux>(image, aux_offset);
      refs.push_back(aux.vna_name);
      aux_offset += aux.vna_next;
    }
    if (!need.vn_next) break;
    offset += need.vn_next;
  }
}

void add_verdef_names(const ElfImage& image, std::vector<uint64_t>& refs) {
  auto addr = image.dynamic_value(DT_VERDEF);
  if (!addr) return;
  uint64_t offset = image.vaddr_to_offset(*addr, sizeof(Elf64_Verdef));
  uint64_t count = image.dynamic_value(DT_VERDEFNUM).value_or(0);
  for (unsigned n = 0; n < count && n < kMaxVersionRecords; ++n) {
    auto def = read_at<Elf64_Verdef>(image, offset);
    uint64_t aux_offset = offset + def.vd_aux;
    for (unsigned a = 0; a < def.vd_cnt && a < kMaxVersionRecords; ++a) {
      auto aux = read_at<Elf64_Verdaux>(image, aux_offset);
      refs.push_back(aux.vda_name);
      aux_offset += aux.vda_next;
    }
    if (!def.vd_next) break;
    offset += def.vd_next;
  }
}

}  // namespace

bool is_string_tag(int64_t tag) {
  switch (tag) {
    case DT_NEEDED: case DT_SONAME: case DT_RPATH: case DT_RUNPATH: case DT_AUXILIARY:
    case DT_FILTER: case DT_CONFIG: case DT_DEPAUDIT: case DT_AUDIT:
      return true;
    default:
      return false;
  }
}

std::optional<std::vector<uint64_t>> dynstr_references(const ElfImage& image) {
  const Elf64_Shdr* dynsym = nullptr;
  for (const auto& sh : image.sections())
    if (sh.sh_type == SHT_DYNSYM) dynsym = &sh;
  if (!dynsym) return std::nullopt;
  std::vector<uint64_t> refs;
  for (const auto& d : image.dynamic_entries())
    if (is_string_tag(d.d_tag)) refs.push_back(d.d_un.d_val);
  add_symbol_names(image, *dynsym, refs);
  add_verneed_names(image, refs);
  add_verdef_names(image, refs);
  return refs;
}

}  // namespace onebin::elf
