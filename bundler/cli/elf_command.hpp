// `onebin elf FILE`: prints what the reader sees in FILE, or, with edit
// options and -o, writes an edited copy and reports where the edit went.
#pragma once

#include <CLI/CLI.hpp>

namespace onebin::cli {

void add_elf_command(CLI::App& app);

}  // namespace onebin::cli
