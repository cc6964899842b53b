// Every place that points into .dynstr: dynamic entries, dynamic symbols and
// symbol-version records. The writer needs the full list before it may
// overwrite a string in place, because linkers share string tails
// ("libfoo.so" can be found inside "/opt/libfoo.so").
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "elf/elf_image.hpp"

namespace onebin::elf {

// Indexes into .dynstr, one per reference (duplicates kept). nullopt when the
// list cannot be complete: without a SHT_DYNSYM section header the number of
// dynamic symbols is not known.
std::optional<std::vector<uint64_t>> dynstr_references(const ElfImage& image);

bool is_string_tag(int64_t tag);

}  // namespace onebin::elf
