// Desktop integration packed with the app (formats/README.md, flag bit 8):
// its .desktop entry, icon and AppStream metadata, from --desktop, --icon and
// --appdata or found in an AppDir, checked with desktop-file-validate and
// appstreamcli, and added under onebin-desktop/ for the stub's --onebin-install.
#pragma once

#include <string>
#include <vector>

#include "pack/app_tree.hpp"

namespace onebin::pack {

struct DesktopFiles {
  std::string desktop, icon, appdata;  // paths on disk; "" when none
  std::vector<std::string> mime;       // shared-mime-info packages (new MIME types)
};

// What the options name, else what an AppDir (an app directory with an
// AppRun) holds: its top-level .desktop file, the icon that file's Icon names
// beside it, usr/share/metainfo's file for that entry and the packages in
// usr/share/mime/packages.
DesktopFiles find_desktop_files(const PackOptions& options);

// Checks them and adds them to the tree; throws PackError naming the file and
// what the validator said.
void add_desktop_files(AppTree& tree, const DesktopFiles& files);

// The value of KEY in the [Desktop Entry] group of a desktop file's text, "" if none.
std::string desktop_entry_value(const std::string& text, const std::string& key);

}  // namespace onebin::pack
