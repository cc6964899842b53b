#include "cli/update_command.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

#include "update/updater.hpp"

namespace onebin::cli {

void add_update_command(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto options = std::make_shared<update::Options>();
  CLI::App* cmd = app.add_subcommand(
      "update",
      "Replace a packed file by the version at the URL it was packed with (pack --update-url), downloading only the "
      "frames it lacks (HTTP range requests); the new file is checked, and must be signed by the same key if the old "
      "one was, and packed later than it, before it takes the file's place (a link's target is updated)");
  cmd->add_option("FILE", *file, "A file made by onebin pack --update-url")->required();
  cmd->add_flag("--insecure-http", options->insecure_http,
                "Update an unsigned file from a plain http URL. Risk: anyone on the network path (a Wi-Fi, a proxy) can "
                "replace the app with a program of their own, which you then run; without it such an update is refused "
                "(https, or a signed file, is safe)");
  cmd->callback([file, options] {
    update::Updated updated = update::update_file(*file, *options);
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
