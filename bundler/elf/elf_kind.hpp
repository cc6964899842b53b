// Classifying an ELF file from its raw headers. LIEF 0.9's is_pie() is wrong
// for some files, so the decision reads DT_FLAGS_1 itself.
#pragma once

#include "elf/elf_image.hpp"
#include "elf/elf_reader.hpp"

namespace onebin::elf {

ElfKind classify(const ElfImage& image);

}  // namespace onebin::elf
