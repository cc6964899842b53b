#include "pack/desktop_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/run_tool.hpp"

namespace onebin::pack {

namespace {

namespace fs = std::filesystem;

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw PackError(path + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void validate(const std::string& path, const std::vector<std::string>& argv, const std::string& package) {
  io::ToolRun run = io::run_tool(argv);
  if (!run.started) throw PackError(path + ": cannot run " + argv[0] + " (" + package + ") to check it: " + run.output);
  if (run.status != 0) throw PackError(path + ": " + argv[0] + " finds errors:\n" + run.output);
}

std::string first_with_suffix(const std::string& dir, const std::vector<std::string>& suffixes) {
  std::error_code error;
  std::vector<std::string> found;
  for (const auto& child : fs::directory_iterator(dir, error))
    for (const auto& suffix : suffixes)
      if (child.path().filename().string().ends_with(suffix) && child.is_regular_file()) found.push_back(child.path());
  std::sort(found.begin(), found.end());
  return found.empty() ? "" : found.front();
}

void add_file(AppTree& tree, const std::string& source, const std::string& name) {
  std::string dest = std::string(ONEBIN_DESKTOP_DIR) + "/" + name;
  if (tree.find(dest)) throw PackError(dest + ": the app has one already; onebin would write its own");
  tree.add_directories_for(dest);
  TreeEntry entry = TreeEntry::file(dest, fs::canonical(source).string(), 0644, mtime_of(source));
  entry.flags = ONEBIN_DESKTOP;
  tree.entries.push_back(entry);
}

}  // namespace

std::string desktop_entry_value(const std::string& text, const std::string& key) {
  std::istringstream lines(text);
  bool in_entry = false;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] == '[') in_entry = line == "[Desktop Entry]";
    else if (in_entry && line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
  }
  return "";
}

DesktopFiles find_desktop_files(const PackOptions& options) {
  DesktopFiles files{options.desktop, options.icon, options.appdata, options.mime};
  bool appdir = fs::is_directory(options.app) && fs::exists(fs::symlink_status(options.app + "/AppRun"));
  if (!appdir || !files.desktop.empty()) return files;
  std::error_code error;
  if (files.mime.empty())
    for (const auto& child : fs::directory_iterator(options.app + "/usr/share/mime/packages", error))
      if (child.path().extension() == ".xml" && child.is_regular_file()) files.mime.push_back(child.path());
  std::sort(files.mime.begin(), files.mime.end());
  files.desktop = first_with_suffix(options.app, {".desktop"});
  if (files.desktop.empty()) return files;
  std::string icon = desktop_entry_value(read_text(files.desktop), "Icon");
  for (const char* ext : {".svg", ".png"})
    if (files.icon.empty() && !icon.empty() && fs::is_regular_file(options.app + "/" + icon + ext))
      files.icon = options.app + "/" + icon + ext;
  std::string id = fs::path(files.desktop).stem().string();
  for (const char* ext : {".metainfo.xml", ".appdata.xml"})
    if (files.appdata.empty() && fs::is_regular_file(options.app + "/usr/share/metainfo/" + id + ext))
      files.appdata = options.app + "/usr/share/metainfo/" + id + ext;
  return files;
}

void add_desktop_files(AppTree& tree, const DesktopFiles& files) {
  if (files.desktop.empty()) {
    if (!files.icon.empty() || !files.appdata.empty() || !files.mime.empty())
      throw PackError((!files.icon.empty() ? files.icon : !files.appdata.empty() ? files.appdata : files.mime.front()) +
                      ": an icon, AppStream file or MIME package needs --desktop FILE");
    return;
  }
  if (files.mime.size() > 8) throw PackError(files.mime[8] + ": at most 8 MIME packages are installed with an app");
  for (const auto& mime : files.mime) {
    std::string name = fs::path(mime).filename().string();
    if (!name.ends_with(".xml") || name.ends_with(".metainfo.xml") || name.ends_with(".appdata.xml"))
      throw PackError(mime + ": a MIME package's name ends in .xml (and is no AppStream file's)");
    add_file(tree, mime, name);
  }
  std::string name = fs::path(files.desktop).filename().string();
  if (!name.ends_with(".desktop")) throw PackError(files.desktop + ": a desktop entry's name ends in .desktop");
  validate(files.desktop, {"desktop-file-validate", files.desktop}, "desktop-file-utils");
  std::string icon = desktop_entry_value(read_text(files.desktop), "Icon");
  if (!files.icon.empty()) {
    std::string ext = fs::path(files.icon).extension().string();
    if (ext != ".png" && ext != ".svg") throw PackError(files.icon + ": an icon is a .png or .svg file");
    if (icon.empty() || icon.find('/') != std::string::npos)
      throw PackError(files.desktop + ": Icon= must name the icon (no path) for it to be installed under that name");
    add_file(tree, files.icon, "icon" + ext);
  }
  if (!files.appdata.empty()) {
    std::string appdata = fs::path(files.appdata).filename().string();
    if (!appdata.ends_with(".metainfo.xml") && !appdata.ends_with(".appdata.xml"))
      throw PackError(files.appdata + ": an AppStream file's name ends in .metainfo.xml or .appdata.xml");
    validate(files.appdata, {"appstreamcli", "validate", "--no-net", files.appdata}, "appstream");
    add_file(tree, files.appdata, appdata);
  }
  add_file(tree, files.desktop, name);
}

}  // namespace onebin::pack
