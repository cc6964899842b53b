// GLib, GIO and gdk-pixbuf (GTK 3 and 4 build on them): the compiled
// GSettings schemas (without them GTK apps lose their settings and menus),
// GIO's modules, and gdk-pixbuf's image loaders with a loaders.cache that
// names them in the view. Each is found beside the library that loads it and
// pointed at by the variable the library reads, since none of them has a
// configuration file; GIO_MODULE_DIR and GDK_PIXBUF_MODULE_FILE also keep the
// host's modules of another GLib out of the bundled one.
#include <filesystem>

#include "deploy/frameworks.hpp"

namespace onebin::deploy {

namespace fs = std::filesystem;

namespace {

const std::string kToken = ONEBIN_APPDIR_TOKEN;

void deploy_gio(const Context& c, const pack::TreeEntry& gio) {
  std::string schemas = c.tree.libdir + "/glib-2.0/schemas";
  if (auto compiled = find_above(gio.source, "share/glib-2.0/schemas/gschemas.compiled")) {
    c.add(compiled->string(), schemas + "/gschemas.compiled");
    c.set_env("GSETTINGS_SCHEMA_DIR", kToken + "/" + schemas);
    c.say("glib   GSettings schemas  from " + compiled->string());
  }
  std::string modules = c.tree.libdir + "/gio/modules";
  fs::path found = fs::path(gio.source).parent_path() / "gio/modules";
  if (fs::is_directory(found)) {
    c.add(found.string(), modules);
    c.say("glib   GIO modules  from " + found.string());
  } else {
    c.tree.add_directories_for(modules + "/");  // empty: still no host module loads
  }
  c.set_env("GIO_MODULE_DIR", kToken + "/" + modules);
}

void deploy_pixbuf(const Context& c, const pack::TreeEntry& pixbuf) {
  fs::path found = fs::path(pixbuf.source).parent_path() / "gdk-pixbuf-2.0/2.10.0";
  if (!fs::is_directory(found / "loaders") || !fs::exists(found / "loaders.cache")) {
    c.say("glib   gdk-pixbuf without loaders beside " + pixbuf.source + ": none deployed");
    return;
  }
  std::string dest = c.tree.libdir + "/gdk-pixbuf-2.0/2.10.0";
  c.add((found / "loaders").string(), dest + "/loaders");
  c.add_generated(dest + "/loaders.cache", cache_for_view(found / "loaders.cache", "loaders", dest + "/loaders"),
                  ONEBIN_TEMPLATE);
  c.set_env("GDK_PIXBUF_MODULE_FILE", kToken + "/" + dest + "/loaders.cache");
  c.say("glib   gdk-pixbuf loaders  from " + (found / "loaders").string() + ", with a loaders.cache for the view");
}

}  // namespace

void deploy_glib(const Context& c) {
  const pack::TreeEntry* gio = c.library("libgio-2.0.so.0");
  if (gio && !gio->source.empty() && c.first("gio")) deploy_gio(c, *gio);
  const pack::TreeEntry* pixbuf = c.library("libgdk_pixbuf-2.0.so.0");
  if (pixbuf && !pixbuf->source.empty() && c.first("gdk-pixbuf")) deploy_pixbuf(c, *pixbuf);
}

}  // namespace onebin::deploy
