#include "elf/elf_kind.hpp"

#include <string_view>

namespace onebin::elf {

namespace {

bool is_loader_soname(std::string_view soname) {
  return soname.starts_with("ld-linux") || soname.starts_with("ld64.so") || soname.starts_with("ld-musl") ||
         soname.starts_with("ld.so");
}

std::string soname_of(const ElfImage& image) {
  auto index = image.dynamic_value(DT_SONAME);
  return index ? image.dynstr(*index) : std::string();
}

}  // namespace

ElfKind classify(const ElfImage& image) {
  bool has_interp = image.find_segment(PT_INTERP) != nullptr;
  bool has_dynamic = image.find_segment(PT_DYNAMIC) != nullptr;
  if (image.header().e_type == ET_EXEC) return has_interp ? ElfKind::Executable : ElfKind::StaticExecutable;
  bool pie_flag = image.dynamic_value(DT_FLAGS_1).value_or(0) & DF_1_PIE;
  std::string soname = has_dynamic ? soname_of(image) : std::string();
  if (!has_interp) {
    if (is_loader_soname(soname)) return ElfKind::Loader;
    // A static-pie keeps a dynamic section for its self-relocation; every
    // toolchain that can make one (gcc 8+, binutils 2.26+) sets DF_1_PIE.
    return pie_flag || !has_dynamic ? ElfKind::StaticPie : ElfKind::SharedLibrary;
  }
  // libc.so.6 has PT_INTERP (it can be run) but is a library: it has a SONAME.
  if (pie_flag || soname.empty()) return ElfKind::PieExecutable;
  return ElfKind::SharedLibrary;
}

}  // namespace onebin::elf
