// The onebin command line: one subcommand per job, each in its own file.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/archive_commands.hpp"
#include "cli/elf_command.hpp"
#include "cli/pack_command.hpp"
#include "elf/elf_image.hpp"
#include "io/atomic_write.hpp"
#include "pack/app_tree.hpp"

namespace {

int report(const std::exception& e) {
  std::cerr << "onebin: error: " << e.what() << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"onebin: turn a Linux app into one executable file that runs on any x86-64 distribution"};
  app.require_subcommand(1);
  onebin::cli::add_pack_command(app);
  onebin::cli::add_archive_commands(app);
  onebin::cli::add_elf_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const onebin::elf::ElfError& e) {
    return report(e);
  } catch (const onebin::io::IoError& e) {
    return report(e);
  } catch (const onebin::pack::PackError& e) {
    return report(e);
  }
  return 0;
}
