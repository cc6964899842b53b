// GTK 3 and 4: what they load or read at run time besides GLib's and
// gdk-pixbuf's parts (glib.cpp). GTK 3's input-method modules with an
// immodules.cache naming them in the view (GTK_IM_MODULE_FILE, which also
// keeps the host's modules of another GTK out); the shared MIME database
// (share/mime's compiled files), by which GIO tells file types; and
// the Adwaita icon theme (without its cursors, which the X server's host
// shows) with hicolor's index.theme, the themes GTK falls back to when the
// host has none. The data goes to share/, first in XDG_DATA_DIRS.
#include <filesystem>

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

// The files at the top of `dir` (the MIME database's compiled parts: mime.cache,
// globs2, magic...; not the XML of each type, which only describes it and is
// read from the host's copy when there is one).
void add_files(const Context& c, const fs::path& dir, const std::string& dest) {
  for (const auto& child : fs::directory_iterator(dir))
    if (child.is_regular_file() && !c.tree.find(dest + "/" + child.path().filename().string()))
      c.add(child.path().string(), dest + "/" + child.path().filename().string());
}

// Each file of `dir` but those named in `leave_out`, at `dest`.
void add_except(const Context& c, const fs::path& dir, const std::string& dest, std::initializer_list<const char*> leave_out) {
  for (const auto& child : fs::directory_iterator(dir)) {
    std::string name = child.path().filename().string();
    bool left = false;
    for (const char* out : leave_out) left |= name == out;
    if (!left && !c.tree.find(dest + "/" + name)) c.add(child.path().string(), dest + "/" + name);
  }
}

void deploy_data(const Context& c, const std::string& gtk) {
  bool any = false;
  if (auto mime = find_above(gtk, "share/mime/mime.cache")) {
    add_files(c, mime->parent_path(), "share/mime");
    c.say("gtk    MIME database  from " + mime->parent_path().string());
    any = true;
  }
  if (auto adwaita = find_above(gtk, "share/icons/Adwaita/index.theme")) {
    add_except(c, adwaita->parent_path(), "share/icons/Adwaita", {"cursors", "cursor.theme"});
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
