#include "pack/library_policy.hpp"

#include <fnmatch.h>

#include <algorithm>

#include "../../formats/libraries.h"

namespace onebin::pack {

namespace {

// Driver-facing libraries (as in Steam's pressure-vessel): the GL/EGL/GLX/
// GLES/OpenGL dispatch, the Vulkan loader, libdrm and libgbm, and the core
// X11/xcb and wayland client libraries the drivers themselves link. The host's
// copy matches its drivers and display server, so it is used when it has
// every symbol the app needs from it; the packed copy is the fallback for a
// host without one, or with one too old. Where this differs from AppImage's
// excludelist: that list also leaves out libraries "every desktop has" (ALSA,
// fontconfig, freetype, harfbuzz, libxcb-render/shm and the other xcb
// extensions...); onebin bundles those, since its hosts include bare ones.
const char* const kDriverFacing[] = {
    "libGL.so*",        "libGLX.so*",          "libGLdispatch.so*",  "libOpenGL.so*",       "libEGL.so*",
    "libGLESv1_CM.so*", "libGLESv2.so*",       "libvulkan.so*",      "libdrm.so*",          "libdrm_*.so*",
    "libgbm.so*",       "libwayland-client.so*", "libX11.so*",       "libX11-xcb.so*",      "libxcb.so*",
    "libxcb-dri2.so*",  "libxcb-dri3.so*",     "libxcb-glx.so*",     "libxcb-present.so*"};

// Parts of the driver itself, built for the host's kernel module: never packed.
const char* const kDriverOnly[] = {"libnvidia-*", "libcuda.so*", "libGLX_*.so*", "libEGL_*.so*"};

const char* const kGlibcFamily[] = {
    "libc.so.6",     kGlibcLoader,           "libm.so.6",       "libmvec.so.1",    "libpthread.so.0",
    "libdl.so.2",    "librt.so.1",           "libresolv.so.2",  "libutil.so.1",    "libanl.so.1",
    "libnsl.so.1",   "libBrokenLocale.so.1", "libthread_db.so.1", "libc_malloc_debug.so.0", "libnss_*.so.2"};

// Libraries GPU drivers load too: if the host's copy is newer, the host's
// driver may need it, so the stub takes the newer copy (pressure-vessel's rule).
const char* const kSharedWithDrivers[] = {
    "libz.so.1", "libexpat.so.1", "libzstd.so.1", "libelf.so.1", "libffi.so.*", "libLLVM*.so*", "libedit.so.2",
    "libtinfo.so.6", "libxml2.so.2", "libsensors.so.5", "libbsd.so.0", "libmd.so.0", "libxshmfence.so.1",
    "liblzma.so.5", "libbz2.so.1.0"};

bool matches_any(const std::vector<std::string>& globs, const std::string& name) {
  return std::any_of(globs.begin(), globs.end(), [&](const auto& g) { return fnmatch(g.c_str(), name.c_str(), 0) == 0; });
}

}  // namespace

Decision LibraryPolicy::decide(const std::string& soname) const {
  if (matches_any(host_globs, soname)) return {Placement::HostOnly, "--host-lib"};
  if (matches_any(bundle_globs, soname)) return {};
  for (const char* glob : kDriverOnly)
    if (fnmatch(glob, soname.c_str(), 0) == 0) return {Placement::HostOnly, std::string("GPU driver (") + glob + ")"};
  for (const char* glob : kDriverFacing)
    if (fnmatch(glob, soname.c_str(), 0) == 0)
      return {Placement::HostPreferred, std::string("driver-facing (") + glob +
                                            "): the host's copy when it has every symbol the app uses from it"};
  return {};
}

onebin_family library_family(const std::string& soname) {
  for (const char* glob : kGlibcFamily)
    if (fnmatch(glob, soname.c_str(), 0) == 0) return ONEBIN_FAMILY_GLIBC;
  for (onebin_family family : {ONEBIN_FAMILY_LIBSTDCXX, ONEBIN_FAMILY_LIBGCC})
    if (soname == onebin_family_info(family)->soname) return family;
  for (const char* glob : kSharedWithDrivers)
    if (fnmatch(glob, soname.c_str(), 0) == 0) return ONEBIN_FAMILY_SHARED;
  return ONEBIN_FAMILY_NONE;
}

const std::vector<std::string>& glibc_companions() {
  static const std::vector<std::string> kCompanions = {"libm.so.6",  "libpthread.so.0", "libdl.so.2",
                                                       "librt.so.1", "libresolv.so.2",  "libutil.so.1"};
  return kCompanions;
}

}  // namespace onebin::pack
