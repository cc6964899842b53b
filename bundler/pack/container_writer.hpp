// Turns an app tree into the bytes of a packed file: ELF files rewritten
// (a RUNPATH to the bundled libraries; programs get RUNPATH and INTERP slots
// for the stub), each file compressed into independent zstd frames of at
// most 4 MiB on all cores, then the index and trailer of formats/README.md.
#pragma once

#include <cstdint>
#include <vector>

#include "pack/app_tree.hpp"

namespace onebin::pack {

// Bytes reserved in every program for the paths the stub writes at launch.
constexpr uint64_t kRunpathSlot = 512;
constexpr uint64_t kInterpSlot = 256;

std::vector<uint8_t> build_packed_file(const AppTree& tree, const std::vector<uint8_t>& stub, int level);

}  // namespace onebin::pack
