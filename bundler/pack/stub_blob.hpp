// The stub binary, built with musl-gcc and embedded into onebin at build
// time (stub_blob.S), so `onebin pack` needs no other file at run time.
#pragma once

#include <cstdint>
#include <vector>

extern "C" const uint8_t onebin_stub_start[];
extern "C" const uint8_t onebin_stub_end[];

namespace onebin::pack {

inline std::vector<uint8_t> embedded_stub() { return {onebin_stub_start, onebin_stub_end}; }

}  // namespace onebin::pack
