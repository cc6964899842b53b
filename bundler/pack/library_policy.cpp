#include "pack/library_policy.hpp"

#include <fnmatch.h>

#include <algorithm>

namespace onebin::pack {

namespace {

// GPU driver stacks: the driver must match the host's kernel module, so the
// loaders and everything they load come from the host (as in Steam's
// pressure-vessel). The X11/xcb/wayland client libraries follow the host's
// display server protocol version and are host too.
const char* const kHostOnly[] = {
    "libGL.so*",     "libGLX*.so*",       "libGLdispatch.so*", "libOpenGL.so*", "libEGL*.so*",
    "libGLES*.so*",  "libvulkan.so*",     "libnvidia-*",       "libcuda.so*",   "libdrm*.so*",
    "libgbm.so*",    "libwayland-client.so*", "libwayland-egl.so*", "libX11.so*", "libX11-xcb.so*",
    "libxcb*.so*",   "libXext.so*",       "libXau.so*",        "libXdmcp.so*"};

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

std::optional<std::string> LibraryPolicy::host_reason(const std::string& soname) const {
  if (matches_any(host_globs, soname)) return "--host-lib";
  if (matches_any(bundle_globs, soname)) return std::nullopt;
  for (const char* glob : kHostOnly)
    if (fnmatch(glob, soname.c_str(), 0) == 0) return std::string("GPU/display stack (") + glob + ")";
  return std::nullopt;
}

onebin_family library_family(const std::string& soname) {
  for (const char* glob : kGlibcFamily)
    if (fnmatch(glob, soname.c_str(), 0) == 0) return ONEBIN_FAMILY_GLIBC;
  if (soname == "libstdc++.so.6") return ONEBIN_FAMILY_LIBSTDCXX;
  if (soname == "libgcc_s.so.1") return ONEBIN_FAMILY_LIBGCC;
  for (const char* glob : kSharedWithDrivers)
    if (fnmatch(glob, soname.c_str(), 0) == 0) return ONEBIN_FAMILY_SHARED;
  return ONEBIN_FAMILY_NONE;
}

const std::vector<std::string>& glibc_companions() {
  static const std::vector<std::string> kCompanions = {"libm.so.6",  "libpthread.so.0", "libdl.so.2",
                                                       "librt.so.1", "libresolv.so.2",  "libutil.so.1"};
  return kCompanions;
}

const char* family_version_prefix(onebin_family family) {
  switch (family) {
    case ONEBIN_FAMILY_GLIBC: return "GLIBC_";
    case ONEBIN_FAMILY_LIBSTDCXX: return "GLIBCXX_";
    case ONEBIN_FAMILY_LIBGCC: return "GCC_";
    default: return "";
  }
}

}  // namespace onebin::pack
