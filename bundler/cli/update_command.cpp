#include "cli/update_command.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

#include "update/updater.hpp"

namespace onebin::cli {

void add_update_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "update",
      "Replace a packed file by the version at the URL it was packed with (pack --update-url), downloading only the "
      "frames it lacks (HTTP range requests); the new file is checked, and must be signed by the same key if the old "
      "one was, before it takes the file's place");
  cmd->add_option("FILE", *file, "A file made by onebin pack --update-url")->required();
  cmd->callback([file] {
    update::Updated updated = update::update_file(*file);
    if (updated.current) {
      std::cout << *file << ": already the version at its URL\n";
      return;
    }
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", 100.0 * static_cast<double>(updated.downloaded) / static_cast<double>(updated.size));
    std::cout << *file << ": updated (" << updated.size << " bytes, " << updated.downloaded << " downloaded: " << share
              << ")\n";
  });
}

}  // namespace onebin::cli
