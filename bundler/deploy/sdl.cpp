// SDL 2 and 3 load some libraries by name rather than through DT_NEEDED: the
// GL, GLES and Vulkan dispatch (SDL_GL_LoadLibrary), D-Bus, udev, sndio.
// Their sonames are strings in SDL's own file, so they are read from there:
// whatever this SDL build may load is offered to the closure, which packs
// each library the packing machine (or --root) has.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <regex>

#include "deploy/frameworks.hpp"

namespace onebin::deploy {

namespace {

// NUL-terminated strings of the file that look like a library's soname.
std::vector<std::string> sonames_in(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), {}};
  static const std::regex kSoname("lib[A-Za-z0-9_+.-]+\\.so\\.[0-9]+");
  std::vector<std::string> names;
  for (size_t start = 0, end; start < bytes.size(); start = end + 1) {
    end = bytes.find('\0', start);
    if (end == std::string::npos) break;
    if (end - start < 64 && std::regex_match(bytes.begin() + start, bytes.begin() + end, kSoname))
      names.emplace_back(bytes, start, end - start);
  }
  return names;
}

}  // namespace

void deploy_sdl(const Context& c) {
  for (const char* name : {"libSDL2-2.0.so.0", "libSDL3.so.0"}) {
    const pack::TreeEntry* sdl = c.library(name);
    if (!sdl || !sdl->elf || sdl->source.empty()) continue;
    const auto& needed = sdl->elf->needed;
    std::string offered;
    for (const auto& soname : sonames_in(sdl->source)) {
      if (std::find(needed.begin(), needed.end(), soname) != needed.end() || soname == sdl->elf->soname) continue;
      c.tree.dlopened.emplace_back(soname, sdl->path);
      offered += " " + soname;
    }
    if (!offered.empty()) c.say("sdl    " + sdl->path + " loads by name:" + offered);
  }
}

}  // namespace onebin::deploy
