// The onebin command line: one subcommand per job, each in its own file.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <new>

#include "../../formats/container.h"
#include "cli/archive_commands.hpp"
#include "cli/elf_command.hpp"
#include "cli/pack_command.hpp"
#include "cli/sign_commands.hpp"
#include "cli/update_command.hpp"

namespace {

int report(const std::exception& e) {
  std::cerr << "onebin: error: " << e.what() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"onebin: turn a Linux app into one executable file that runs on any x86-64 distribution"};
  app.set_version_flag("--version", "onebin " ONEBIN_VERSION " (container format " ONEBIN_FORMAT_VERSION_TEXT ")");
  app.require_subcommand(1);
  onebin::cli::add_pack_command(app);
  onebin::cli::add_archive_commands(app);
  onebin::cli::add_elf_command(app);
  onebin::cli::add_sign_commands(app);
  onebin::cli::add_update_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::bad_alloc&) {
    std::cerr << "onebin: error: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    // onebin's own errors name the file and the reason; the standard
    // library's (std::filesystem's) name the path in their text.
    return report(e);
  }
  return 0;
}
