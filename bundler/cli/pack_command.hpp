#pragma once

#include <CLI/CLI.hpp>

namespace onebin::cli {

void add_pack_command(CLI::App& app);

}  // namespace onebin::cli
