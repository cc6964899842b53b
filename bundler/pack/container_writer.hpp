// Turns an app tree into a packed file: ELF files rewritten (a RUNPATH to
// the bundled libraries; programs get RUNPATH and INTERP slots for the
// stub), each file compressed into independent zstd frames of at most 4 MiB
// on all cores, written front to back with the index and trailer of
// formats/README.md (formats/writer.h), in memory bounded by a few frames
// per core and the largest ELF file.
#pragma once

#include <cstdint>
#include <vector>

#include "pack/app_tree.hpp"

namespace onebin::pack {

// Bytes reserved in every program for the paths the stub writes at launch.
constexpr uint64_t kRunpathSlot = 512;
constexpr uint64_t kInterpSlot = 256;

// Writes it to fd from where fd is; returns the packed file's size. A failed
// write throws WriteError (frame_writer.hpp). `show_progress`: a progress
// line on stderr when it is a terminal (progress.hpp).
uint64_t write_packed_file(const AppTree& tree, const std::vector<uint8_t>& stub, int level, int fd,
                           bool show_progress);

}  // namespace onebin::pack
