// SDL 2 and 3 load some libraries by name rather than through DT_NEEDED: the
// GL, GLES and Vulkan dispatch (SDL_GL_LoadLibrary), D-Bus, udev, sndio.
// Their sonames are strings in SDL's own file, so they are read from there:
// whatever this SDL build may load is offered to the closure, which packs
// each library the packing machine (or --root) has.
#include <algorithm>

#include "deploy/frameworks.hpp"

namespace onebin::deploy {

void deploy_sdl(const Context& c) {
  for (const char* name : {"libSDL2-2.0.so.0", "libSDL3.so.0"}) {
    const pack::TreeEntry* sdl = c.library(name);
    if (!sdl || !sdl->elf || sdl->source.empty() || !c.first(name)) continue;
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
