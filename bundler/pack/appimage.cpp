#include "pack/appimage.hpp"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "io/run_tool.hpp"
#include "pack/app_tree.hpp"

namespace onebin::pack {

namespace {

namespace fs = std::filesystem;

// The first bytes of an ELF64 file: e_ident, then the section header table's
// place, which ends where a type-2 AppImage's squashfs image starts.
struct ElfStart {
  bool elf64 = false;
  uint8_t ident[16] = {};
  uint64_t shoff = 0;
  uint16_t shentsize = 0, shnum = 0;
};

ElfStart read_start(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  uint8_t b[64] = {};
  ElfStart start;
  if (!in.read(reinterpret_cast<char*>(b), sizeof b)) return start;
  std::memcpy(start.ident, b, sizeof start.ident);
  start.elf64 = !std::memcmp(b, "\x7f" "ELF", 4) && b[4] == 2 && b[5] == 1;  // 64-bit, little-endian
  std::memcpy(&start.shoff, b + 0x28, 8);
  std::memcpy(&start.shentsize, b + 0x3A, 2);
  std::memcpy(&start.shnum, b + 0x3C, 2);
  return start;
}

uint64_t squashfs_offset(const std::string& path) {
  ElfStart start = read_start(path);
  uint64_t offset = start.shoff + uint64_t{start.shentsize} * start.shnum;
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  if (!in.seekg(static_cast<std::streamoff>(offset)) || !in.read(magic, sizeof magic) || std::memcmp(magic, "hsqs", 4))
    throw PackError(path + ": an AppImage without a squashfs image after its runtime (at byte " +
                    std::to_string(offset) + ")");
  return offset;
}

// unsquashfs FILE's image at OFFSET into DEST; its own words on failure.
void unsquash(const std::string& appimage, uint64_t offset, const std::string& dest) {
  io::ToolRun run = io::run_tool({"unsquashfs", "-no-progress", "-quiet", "-no-xattrs", "-offset", std::to_string(offset),
                                  "-dest", dest, appimage});
  if (!run.started)
    throw PackError(appimage + ": cannot run unsquashfs (squashfs-tools) to unpack the AppImage: " + run.output);
  if (run.status != 0) throw PackError(appimage + ": unsquashfs could not unpack the AppImage's image: " + run.output);
}

}  // namespace

bool is_appimage(const std::string& path) {
  ElfStart start = read_start(path);
  if (!start.elf64 || start.ident[8] != 'A' || start.ident[9] != 'I') return false;
  if (start.ident[10] != 2)
    throw PackError(path + ": an AppImage of type " + std::to_string(start.ident[10]) +
                    "; only type 2 (squashfs) can be packed");
  return true;
}

UnpackedAppImage::UnpackedAppImage(const std::string& appimage, const std::string& near) {
  uint64_t offset = squashfs_offset(appimage);
  fs::path parent = fs::absolute(near).parent_path();
  std::string pattern = (parent / ".onebin-appimage-XXXXXX").string();
  if (!mkdtemp(pattern.data()))
    throw PackError(parent.string() + ": cannot make a directory to unpack " + appimage + " in: " + std::strerror(errno));
  work_ = pattern;
  appdir_ = work_ + "/AppDir";
  try {
    unsquash(appimage, offset, appdir_);
  } catch (...) {
    fs::remove_all(work_);
    throw;
  }
}

UnpackedAppImage::~UnpackedAppImage() {
  std::error_code error;
  fs::remove_all(work_, error);
}

}  // namespace onebin::pack
