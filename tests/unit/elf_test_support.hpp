// Helpers shared by the ELF unit tests: fixture paths, a private temporary
// directory, and running a program to see that an edited file still works.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace onebin::test {

std::string fixture(const std::string& name);
std::vector<uint8_t> read_bytes(const std::string& path);
void write_executable(const std::string& path, const std::vector<uint8_t>& bytes);

struct RunResult {
  int status = -1;  // exit code, or 128 + signal
  std::string output;  // stdout and stderr together
};
RunResult run(const std::string& command);

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace onebin::test
