// Files per second for reading (ElfImage validation + LIEF) and for
// rewriting (a long RUNPATH, in memory, no disk writes) over every ELF file
// under the given directories. Prints the median of 3 runs as a markdown row.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "elf/elf_editor.hpp"
#include "elf/elf_image.hpp"
#include "elf/elf_reader.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

static std::vector<fs::path> collect(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i)
    for (const auto& entry : fs::recursive_directory_iterator(argv[i], fs::directory_options::skip_permission_denied))
      if (entry.is_regular_file() && !entry.is_symlink() && onebin::elf::is_x86_64_program_or_library(entry.path().string())) files.push_back(entry.path());
  return files;
}

// Runs `work` over all files three times; returns the median seconds.
template <typename Work>
static double median_seconds(const std::vector<fs::path>& files, Work work) {
  std::vector<double> runs;
  for (int run = 0; run < 3; ++run) {
    auto start = Clock::now();
    for (const auto& file : files) {
      try {
        work(file.string());
      } catch (const onebin::elf::ElfError&) {
        // Static programs and loaders are refused; the refusal is timed too.
      }
    }
    runs.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(runs.begin(), runs.end());
  return runs[1];
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: elf_bench DIR...\n");
    return 2;
  }
  auto files = collect(argc, argv);
  uintmax_t bytes = 0;
  for (const auto& file : files) bytes += fs::file_size(file);
  double read = median_seconds(files, [](const std::string& path) { onebin::elf::read_elf_info(path); });
  onebin::elf::EditRequest request;
  request.runpath = "$ORIGIN/../lib/x86_64-linux-gnu:$ORIGIN/../lib";
  double rewrite = median_seconds(files, [&](const std::string& path) {
    onebin::elf::edit(onebin::elf::ElfImage::load(path), request);
  });
  std::printf("| files | MB | read (files/s) | read (MB/s) | rewrite (files/s) | rewrite (MB/s) |\n");
  std::printf("|---|---|---|---|---|---|\n");
  double mb = bytes / 1e6;
  std::printf("| %zu | %.0f | %.0f | %.0f | %.0f | %.0f |\n", files.size(), mb, files.size() / read, mb / read,
              files.size() / rewrite, mb / rewrite);
}
