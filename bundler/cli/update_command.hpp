// onebin update: a packed file replaced by its next version (update/updater.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace onebin::cli {

void add_update_command(CLI::App& app);

}  // namespace onebin::cli
