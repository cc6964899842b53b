#include "cli/elf_command.hpp"

#include <sys/stat.h>

#include <iostream>
#include <memory>

#include "elf/elf_editor.hpp"
#include "elf/elf_reader.hpp"
#include "io/atomic_write.hpp"

namespace onebin::cli {

namespace {

struct ElfOptions {
  std::string file;
  std::string output;
  elf::EditRequest edit;
};

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
  return text;
}

void print_info(const elf::ElfInfo& info) {
  std::cout << "file: " << info.path << "\n"
            << "machine: " << info.machine << "\n"
            << "kind: " << elf::to_string(info.kind) << "\n"
            << "interp: " << info.interp << "\n"
            << "soname: " << info.soname << "\n"
            << "needed: " << join(info.needed, " ") << "\n"
            << "rpath: " << join(info.rpath, ":") << "\n"
            << "runpath: " << join(info.runpath, ":") << "\n";
  for (const auto& [library, versions] : info.version_needs)
    std::cout << "needs " << library << ": " << join(versions, " ") << "\n";
  std::cout << "defines: " << join(info.version_defs, " ") << "\n";
}

void print_slot(const char* name, const std::optional<elf::Slot>& slot) {
  if (slot) std::cout << name << " slot: offset " << slot->offset << ", " << slot->size << " bytes\n";
}

void run_edit(const ElfOptions& options) {
  if (options.output.empty()) throw CLI::ValidationError("-o", "edit options need -o OUT (the input is never modified)");
  elf::ElfImage image = elf::ElfImage::load(options.file);
  elf::EditResult result = elf::edit(image, options.edit);
  struct stat st {};
  mode_t mode = stat(options.file.c_str(), &st) == 0 ? st.st_mode & 07777 : 0755;
  io::write_file_atomically(options.output, result.bytes, mode);
  std::cout << "wrote " << options.output << " (" << result.layout << ")\n";
  print_slot("runpath", result.runpath);
  print_slot("interp", result.interp);
}

}  // namespace

void add_elf_command(CLI::App& app) {
  auto options = std::make_shared<ElfOptions>();
  CLI::App* cmd = app.add_subcommand("elf", "Show what onebin reads from an ELF file, or write an edited copy");
  cmd->add_option("FILE", options->file, "ELF executable or shared library")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", options->output, "Write the edited copy here (atomically)");
  auto* runpath = cmd->add_option("--set-runpath", options->edit.runpath, "Set DT_RUNPATH (DT_RPATH is removed)");
  cmd->add_option("--runpath-slot", options->edit.runpath_slot, "Reserve this many bytes for the RUNPATH string")
      ->needs(runpath);
  auto* interp = cmd->add_option("--set-interp", options->edit.interp, "Set PT_INTERP (the program's loader)");
  cmd->add_option("--interp-slot", options->edit.interp_slot, "Reserve this many bytes for the INTERP string")
      ->needs(interp);
  cmd->add_option("--add-needed", options->edit.add_needed, "Add a DT_NEEDED entry (repeatable)");
  cmd->callback([options] {
    if (options->edit.empty()) {
      if (!options->output.empty()) throw CLI::ValidationError("-o", "nothing to edit: give --set-runpath, --set-interp or --add-needed");
      print_info(elf::read_elf_info(options->file));
    } else {
      run_edit(*options);
    }
  });
}

}  // namespace onebin::cli
