#include "cli/pack_command.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

#include "deploy/frameworks.hpp"
#include "io/atomic_write.hpp"
#include "pack/appimage.hpp"
#include "pack/closure.hpp"
#include "pack/compiled_paths.hpp"
#include "pack/desktop_files.hpp"
#include "pack/container_writer.hpp"
#include "pack/frame_writer.hpp"
#include "pack/packed_file.hpp"
#include "pack/root_path.hpp"
#include "pack/stub_blob.hpp"

namespace onebin::cli {

namespace {

// APP's name as given (a link's, not its target's) + ".run"; for "." or
// "dir/" the directory's own name; an AppImage's without ".AppImage".
std::string default_output(const std::string& app) {
  namespace fs = std::filesystem;
  fs::path given = fs::path(app).lexically_normal();
  std::string name = given.filename().string();
  if (name.empty() || name == "." || name == "..") {
    std::error_code error;
    name = fs::weakly_canonical(fs::absolute(given), error).filename().string();
  }
  constexpr std::string_view kAppImage = ".AppImage";
  if (name.size() > kAppImage.size() && name.ends_with(kAppImage)) name.resize(name.size() - kAppImage.size());
  return (name.empty() ? "app" : name) + ".run";
}

// The output may neither replace the input nor lie inside the app directory
// (the next pack would take the previous output in).
void check_output_place(const pack::PackOptions& options) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path app = pack::real_path_under(options.root, options.app);
  fs::path dir = fs::weakly_canonical(fs::absolute(options.output).parent_path(), error);
  if (!fs::exists(app) || dir.empty()) return;  // collect_app names a missing app
  fs::path output = dir / fs::path(options.output).filename();
  if (output == app) throw pack::PackError(options.output + ": is the program being packed; give another -o");
  if (fs::is_directory(app) && (output.string() + "/").rfind(app.string() + "/", 0) == 0)
    throw pack::PackError(options.output + ": inside the app directory " + options.app +
                          ", where the next pack would take it in; give an -o outside it");
}

// What only the host can give, for the stub to check before it starts the
// app, so that a host lacking several names them all at once.
void list_host_libraries(pack::AppTree& tree) {
  if (tree.host_only.empty()) return;
  std::string lines;
  for (const auto& [soname, why] : tree.host_only) {
    std::string users;
    for (const auto& user : why.second) users += (users.empty() ? "" : " ") + user;
    lines += soname + "\t" + why.first + "\t" + users + "\n";
  }
  tree.add_generated(tree.libdir + "/onebin-host-libraries", lines, ONEBIN_HOST_LIBRARIES);
}

std::string named_by(const pack::CompiledPath& found) {
  std::string by = found.named_by.front();
  if (found.named_by.size() > 1) by += " and " + std::to_string(found.named_by.size() - 1) + " more";
  return found.path + "  (named by " + by + ")";
}

// The paths the app was built with that it will miss on another system
// (pack/compiled_paths.hpp): one warning, its first lines on stderr, every
// one of them under --explain.
void warn_unpacked_paths(const pack::AppTree& tree, const pack::PackOptions& options, const std::string& given,
                         std::ostream* explain) {
  constexpr size_t kShown = 20;
  std::vector<pack::CompiledPath> missing = pack::unpacked_compiled_paths(tree, options.root);
  if (missing.empty()) return;
  for (const auto& found : missing)
    if (explain) *explain << "paths  " << named_by(found) << "  not packed\n";
  bool one = missing.size() == 1;
  std::cerr << "onebin: warning: " << std::filesystem::path(given).filename().string() << " names " << missing.size()
            << (one ? " path it was built with that is" : " paths it was built with that are")
            << " not packed and will be missing on other systems:\n";
  for (size_t i = 0; i < std::min(kShown, missing.size()); ++i) std::cerr << "  " << named_by(missing[i]) << "\n";
  if (missing.size() > kShown)
    std::cerr << "  and " << missing.size() - kShown << " more (onebin pack --explain lists them all)\n";
}

void run_pack(pack::PackOptions options) {
  if (!options.trace && !options.trace_args.empty())
    throw pack::PackError("the arguments after APP (" + options.trace_args.front() + "...) are the app's, for --trace only");
  if (options.output.empty()) options.output = default_output(options.app);
  check_output_place(options);
  std::string given = options.app;
  std::optional<pack::UnpackedAppImage> appimage;
  if (pack::is_appimage(options.app)) {
    appimage.emplace(options.app, options.output);
    options.app = appimage->appdir();  // an AppDir: its AppRun is the entry unless --entry says otherwise
  }
  pack::AppTree tree = pack::collect_app(options);
  pack::add_desktop_files(tree, pack::find_desktop_files(options));
  if (!options.update_url.empty()) {
    if (options.update_url.rfind("http://", 0) != 0 && options.update_url.rfind("https://", 0) != 0)
      throw pack::PackError(options.update_url + ": --update-url takes an http:// or https:// URL");
    tree.add_generated(ONEBIN_UPDATE_URL_PATH, options.update_url + "\n", ONEBIN_UPDATE_URL);
  }
  std::ostream* explain = options.explain ? &std::cout : nullptr;
  pack::LibrarySearch search(options.root);
  auto closure = [&] { pack::add_library_closure(tree, options.policy, search, explain); };
  closure();
  deploy::deploy_frameworks(tree, options, explain, closure);
  list_host_libraries(tree);
  warn_unpacked_paths(tree, options, given, explain);
  uint64_t size = 0;
  auto write = [&](int fd) {
    try {
      size = pack::write_packed_file(tree, pack::embedded_stub(), options.level, fd, !options.quiet);
    } catch (const pack::WriteError& e) {
      throw pack::PackError(options.output + ": " + e.what());
    }
  };
  // Read back as the stub reads it before it takes the output's place: pack
  // never reports success for a file the stub would refuse.
  io::write_descriptor_atomically(options.output, write, 0755, [&](const std::string& temp) {
    try {
      pack::PackedFile(temp).check_every_file();
    } catch (const pack::PackError& e) {
      throw pack::PackError(options.output + ": the packed file does not read back (" + e.what() +
                            "); nothing was written. This is a bug in onebin: please report it with the app.");
    }
  });
  if (!options.quiet)
    std::cout << "packed " << given << " into " << options.output << " (" << tree.entries.size() << " entries, "
            << size << " bytes)\n";
}

}  // namespace

void add_pack_command(CLI::App& app) {
  auto options = std::make_shared<pack::PackOptions>();
  CLI::App* cmd = app.add_subcommand("pack", "Pack a program or an app directory into one executable file");
  cmd->add_option("APP", options->app,
                  "A program (an ELF executable, dynamically linked or static, or a #! script; a link to one is "
                  "followed), or a directory: an app directory with --entry, or an AppDir, whose AppRun is the entry")
      ->required();
  cmd->add_option("-o,--output", options->output, "The packed file to write (default: APP's name + .run)");
  cmd->add_option("--entry", options->entry, "The program to run, as a path inside the APP directory (default: AppRun); a link to it inside the app "
                  "is followed, and a #! script runs with the app's own interpreter when the app has one at that path");
  cmd->add_option("--root", options->root, "Find libraries inside this root file system (e.g. a debootstrap tree)")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--level", options->level,
                  "zstd compression level 1-22 (default: onebin's own setting, zstd 17's search with 3-byte matches: "
                  "about level 18's size in half level 19's time)")
      ->check(CLI::Range(1, 22));
  cmd->add_option("--add", options->adds, "Also pack SRC at DEST inside the app (repeatable)");
  cmd->add_option("--exclude", options->excludes, "Leave out paths inside the app matching GLOB (repeatable)");
  cmd->add_option("--host-lib", options->policy.host_globs, "Take libraries matching GLOB from the host (repeatable)");
  cmd->add_option("--bundle-lib", options->policy.bundle_globs, "Bundle libraries matching GLOB even if host-only by default");
  cmd->add_flag("--explain", options->explain, "Print each library with its decision and the reason");
  cmd->add_option("--desktop", options->desktop,
                  "The app's desktop entry (NAME.desktop, checked with desktop-file-validate), for the packed file's "
                  "--onebin-install (default: an AppDir's top-level .desktop file)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--icon", options->icon,
                  "Its icon, a .png or .svg installed under the entry's Icon name (default: an AppDir's ICON.svg or "
                  "ICON.png beside the entry)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--mime", options->mime,
                  "A shared-mime-info package (NAME.xml) of MIME types the app adds, installed into "
                  "$XDG_DATA_HOME/mime by --onebin-install (repeatable; default: an AppDir's usr/share/mime/packages)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--update-url", options->update_url,
                  "Where the next version of the packed file will be (http or https): onebin update FILE fetches "
                  "from it only what changed");
  cmd->add_option("--appdata", options->appdata,
                  "Its AppStream metadata (NAME.metainfo.xml, checked with appstreamcli; default: an AppDir's "
                  "usr/share/metainfo file for the entry)")
      ->check(CLI::ExistingFile);
  static const std::map<std::string, onebin_cache> kCacheModes = {
      {"auto", ONEBIN_CACHE_AUTO}, {"never", ONEBIN_CACHE_NEVER}, {"always", ONEBIN_CACHE_ALWAYS}};
  cmd->add_option("--cache", options->cache,
                  "Where the packed file runs the app from unless the user gives --onebin-cache=: auto (the "
                  "default: apps of " + std::to_string(ONEBIN_CACHE_AUTO_MB) + " MB or " +
                      std::to_string(ONEBIN_CACHE_AUTO_FILES) +
                      " files or more from a copy unpacked once into ~/.cache/onebin, smaller ones from memory), "
                      "never (always from memory) or always (always from the cache)")
      ->transform(CLI::CheckedTransformer(kCacheModes));
  cmd->add_flag("--quiet", options->quiet,
                "Print neither the progress line (shown only when stderr is a terminal) nor the closing summary; "
                "warnings and errors still go to stderr");
  cmd->add_flag("--trace", options->trace,
                "Run the app once (inside --root when given; needs root there), unpacked, with the ARGS after --, and add "
                "the libraries it loads by name and the data it reads under /usr/share; prints what it added");
  cmd->add_option("--trace-seconds", options->trace_seconds, "With --trace: end the app after this long (default 20)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("ARGS", options->trace_args, "With --trace: the app's arguments, after --");
  cmd->callback([options] { run_pack(*options); });
}

}  // namespace onebin::cli
