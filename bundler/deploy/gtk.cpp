// GTK 3 and 4: what they load or read at run time besides GLib's and
// gdk-pixbuf's parts (glib.cpp). GTK 3's input-method modules with an
// immodules.cache naming them in the view (GTK_IM_MODULE_FILE, which also
// keeps the host's modules of another GTK out); the shared MIME database
// (share/mime's compiled files), by which GIO tells file types; and
// the Adwaita icon theme (without its cursors, which the X server's host
// shows) with hicolor's index.theme, the themes GTK falls back to when the
// host has none. The data goes to share/, first in XDG_DATA_DIRS.
#include <filesystem>
#include <functional>

#include "deploy/frameworks.hpp"

namespace onebin::deploy {

namespace fs = std::filesystem;

namespace {

void deploy_immodules(const Context& c, const std::string& gtk3) {
  fs::path found = fs::path(gtk3).parent_path() / "gtk-3.0/3.0.0";
  if (!fs::is_directory(found / "immodules") || !fs::exists(found / "immodules.cache")) return;
  std::string dest = c.tree.libdir + "/gtk-3.0/3.0.0";
  c.add((found / "immodules").string(), dest + "/immodules");
  c.add_generated(dest + "/immodules.cache", cache_for_view(found / "immodules.cache", "immodules", dest + "/immodules"),
                  ONEBIN_TEMPLATE);
  c.set_env("GTK_IM_MODULE_FILE", ONEBIN_APPDIR_TOKEN "/" + dest + "/immodules.cache");
  c.say("gtk    input-method modules  from " + (found / "immodules").string() + ", with an immodules.cache for the view");
}

// The children of `dir` that `wanted` takes, at dest/NAME, but those the tree has.
void add_children(const Context& c, const fs::path& dir, const std::string& dest,
                  const std::function<bool(const fs::directory_entry&)>& wanted) {
  for (const auto& child : fs::directory_iterator(dir)) {
    std::string to = dest + "/" + child.path().filename().string();
    if (wanted(child) && !c.tree.find(to)) c.add(child.path().string(), to);
  }
}

void deploy_data(const Context& c, const std::string& gtk) {
  bool any = false;
  if (auto mime = find_above(gtk, "share/mime/mime.cache")) {
    // Its compiled files (mime.cache, globs2, magic...), not the XML of each
    // type, which only describes it and is read from the host's copy if any.
    add_children(c, mime->parent_path(), "share/mime", [](const auto& child) { return child.is_regular_file(); });
    c.say("gtk    MIME database  from " + mime->parent_path().string());
    any = true;
  }
  if (auto adwaita = find_above(gtk, "share/icons/Adwaita/index.theme")) {
    add_children(c, adwaita->parent_path(), "share/icons/Adwaita", [](const auto& child) {
      std::string name = child.path().filename().string();
      return name != "cursors" && name != "cursor.theme";
    });
    c.say("gtk    icon theme  from " + adwaita->parent_path().string() + " (not its cursors)");
    any = true;
  }
  if (auto hicolor = find_above(gtk, "share/icons/hicolor/index.theme"); hicolor && !c.tree.find("share/icons/hicolor/index.theme"))
    c.add(hicolor->string(), "share/icons/hicolor/index.theme");
  if (any) c.share_data();
}

}  // namespace

void deploy_gtk(const Context& c) {
  const pack::TreeEntry* gtk3 = c.library("libgtk-3.so.0");
  const pack::TreeEntry* gtk4 = c.library("libgtk-4.so.1");
  const pack::TreeEntry* gtk = gtk3 ? gtk3 : gtk4;
  if (!gtk || gtk->source.empty() || !c.first("gtk")) return;
  std::string source = gtk->source;  // entries move as files are added
  if (gtk3) deploy_immodules(c, source);
  deploy_data(c, source);
}

}  // namespace onebin::deploy
