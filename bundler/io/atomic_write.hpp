// Writing an output file so that a reader sees either the old file or the
// complete new one, never a partial file: a temporary file beside the target,
// fsync, then rename. Any failure (unwritable directory, full disk) removes the
// temporary file and throws IoError naming the target and the reason.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace onebin::io {

struct IoError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The file a command that replaces `path` in place (sign, update) writes:
// for a symbolic link, its final target, so that the link stays a link and
// what it points to gets the new content; `path` itself otherwise.
std::string in_place_target(const std::string& path);

// `check`, when given, reads the finished temporary file (its path) before
// it replaces the target; whatever it throws removes the temporary file and
// reaches the caller, and the target stays as it was. The new file gets
// `mode`, but for the set-user-ID and set-group-ID bits when its owner or
// group (the writer's) is not the replaced file's: a file written for
// another owner never keeps them.
using WrittenCheck = std::function<void(const std::string& temp)>;

void write_file_atomically(const std::string& path, const std::vector<uint8_t>& bytes, mode_t mode,
                           const WrittenCheck& check = nullptr);

// The same for content made piece by piece: `produce` calls its argument
// with each piece in order; whatever it throws removes the temporary file.
using Pieces = std::function<void(const uint8_t* data, size_t size)>;
void write_file_atomically(const std::string& path, const std::function<void(const Pieces&)>& produce, mode_t mode);

// The same for a writer of its own (formats/writer.h): `produce` writes to
// the temporary file's descriptor, front to back, and throws on failure.
void write_descriptor_atomically(const std::string& path, const std::function<void(int fd)>& produce, mode_t mode,
                                 const WrittenCheck& check = nullptr);

}  // namespace onebin::io
