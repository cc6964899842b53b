// GStreamer: its plugins (elements such as videotestsrc or ximagesink are
// nothing but plugins) and the plugin scanner, the helper program GStreamer
// runs to read each plugin once. Both are found beside libgstreamer: LIBDIR/
// gstreamer-1.0 and, for the scanner, Debian's LIBDIR/gstreamer1.0/
// gstreamer-1.0 or upstream's PREFIX/libexec/gstreamer-1.0. GStreamer has no
// configuration file for them, so the stub sets GST_PLUGIN_SYSTEM_PATH_1_0
// (it replaces the host's and the user's plugin directories: no plugin of
// another GStreamer loads), GST_PLUGIN_SCANNER_1_0, and GST_REGISTRY_1_0 to a
// registry inside the view: the host's GStreamer shares ~/.cache/gstreamer-1.0
// and would take the view's plugins into its own registry.
#include <filesystem>

#include "deploy/frameworks.hpp"

namespace onebin::deploy {

namespace fs = std::filesystem;

namespace {

std::optional<fs::path> scanner_beside(const fs::path& libdir) {
  for (fs::path path : {libdir / "gstreamer1.0/gstreamer-1.0/gst-plugin-scanner",
                        libdir.parent_path() / "libexec/gstreamer-1.0/gst-plugin-scanner"})
    if (fs::is_regular_file(path)) return path;
  return std::nullopt;
}

}  // namespace

void deploy_gstreamer(const Context& c) {
  const pack::TreeEntry* gst = c.library("libgstreamer-1.0.so.0");
  if (!gst || gst->source.empty() || !c.first("gstreamer")) return;
  fs::path libdir = fs::path(gst->source).parent_path();
  const std::string token = ONEBIN_APPDIR_TOKEN;
  std::string plugins = c.tree.libdir + "/gstreamer-1.0";
  if (fs::is_directory(libdir / "gstreamer-1.0")) {
    c.add((libdir / "gstreamer-1.0").string(), plugins);
    c.say("gst    plugins  from " + (libdir / "gstreamer-1.0").string());
  } else {
    c.tree.add_directories_for(plugins + "/");  // none, and still none of the host's
    c.say("gst    no plugins beside " + gst->source + ": none deployed");
  }
  c.set_env("GST_PLUGIN_SYSTEM_PATH_1_0", token + "/" + plugins);
  c.set_env("GST_REGISTRY_1_0", token + "/" + plugins + "/registry.bin");
  if (auto scanner = scanner_beside(libdir)) {
    std::string dest = c.tree.libdir + "/gstreamer1.0/gst-plugin-scanner";
    c.add(scanner->string(), dest);
    c.set_env("GST_PLUGIN_SCANNER_1_0", token + "/" + dest);
    c.say("gst    plugin scanner  from " + scanner->string());
  } else {
    // Without it GStreamer reads the plugins in the app's own process.
    c.say("gst    no gst-plugin-scanner beside " + gst->source + ": plugins are read in the app's process");
  }
}

}  // namespace onebin::deploy
