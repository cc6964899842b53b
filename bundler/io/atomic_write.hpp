// Writing an output file so that a reader sees either the old file or the
// complete new one, never a partial file: a temporary file beside the target,
// fsync, then rename. Any failure (unwritable directory, full disk) removes the
// temporary file and throws IoError naming the target and the reason.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace onebin::io {

struct IoError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void write_file_atomically(const std::string& path, const std::vector<uint8_t>& bytes, mode_t mode);

}  // namespace onebin::io
