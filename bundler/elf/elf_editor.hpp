// onebin's ELF writer: sets DT_RUNPATH (dropping DT_RPATH), PT_INTERP and
// extra DT_NEEDED entries without ever moving existing code or data.
//
// Technique (all edits of a file are done in one pass):
//  1. A new RUNPATH string that fits where the old RPATH/RUNPATH string was
//     (and that string is shared with no other reference: linkers merge
//     string suffixes) is written in place. A new INTERP that fits PT_INTERP
//     is written in place. DT_ entries go into the spare DT_NULL slots that
//     linkers leave at the end of .dynamic.
//  2. Anything else goes into ONE new PT_LOAD appended at the end of the file,
//     above every existing segment in memory: a copy of .dynstr with the new
//     strings appended, the new INTERP string, and .dynamic only when it has
//     no spare slot left (so it stays in RELRO whenever possible). DT_STRTAB,
//     DT_STRSZ, PT_INTERP, PT_DYNAMIC and the matching section headers are
//     pointed at the new copies, so `strip` and `readelf` see a consistent
//     file; the old bytes stay where they were, unreferenced.
//  3. The program header for that PT_LOAD is found by turning into it a
//     PT_NOTE that holds nothing but GNU build IDs (nothing reads those
//     through the program headers; debuggers use the section). Any other
//     note is read by someone: the kernel and ld.so (.note.gnu.property,
//     .note.ABI-tag), Qt (its plugin metadata, before loading), Go tools. So
//     otherwise the program header table grows in place by one entry: the
//     sections right after it move into the new segment (notes as whole
//     PT_NOTE blocks, their PT_NOTE and PT_GNU_PROPERTY headers following).
//     When even that cannot be done, the table is copied into the new
//     segment with one entry more; that segment's p_vaddr - p_offset equals
//     the first PT_LOAD's, because kernels before 5.18 compute AT_PHDR as
//     load address + e_phoff.
//  The new PT_LOAD is inserted after the last PT_LOAD so loads stay sorted
//  by address, which both the kernel and ld.so assume.
//
// Reserved slots: a RUNPATH or INTERP string can be given a fixed size (say
// 256 bytes, NUL padded); the result records its file offset so the stub can
// overwrite it at launch without parsing the ELF again.
//
// Refused: the dynamic loader and static-pie programs (glibc asserts they
// have no DT_RUNPATH) and static executables (no dynamic section).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "elf/elf_image.hpp"

namespace onebin::elf {

struct EditRequest {
  std::optional<std::string> runpath;  // replaces DT_RUNPATH, removes DT_RPATH
  std::optional<std::string> interp;
  std::vector<std::string> add_needed;
  uint64_t runpath_slot = 0;  // bytes reserved for the RUNPATH string, NUL included
  uint64_t interp_slot = 0;   // bytes reserved for the INTERP string, NUL included

  bool empty() const { return !runpath && !interp && add_needed.empty(); }
};

// A fixed-size, NUL-padded string field at a file offset.
struct Slot {
  uint64_t offset = 0;
  uint64_t size = 0;
};

struct EditResult {
  std::vector<uint8_t> bytes;
  std::optional<Slot> runpath;
  std::optional<Slot> interp;
  std::string layout;  // how room was found, for `onebin elf` and the tests
};

// Throws ElfError naming the file when the edit cannot be done safely.
EditResult edit(const ElfImage& image, const EditRequest& request);

// Overwrites a slot with `value` and NUL padding; throws if it does not fit.
void write_slot(std::vector<uint8_t>& bytes, Slot slot, std::string_view value);

}  // namespace onebin::elf
