// Commands that read a packed file: inspect, verify, extract.
#pragma once

#include <CLI/CLI.hpp>

namespace onebin::cli {

void add_archive_commands(CLI::App& app);

}  // namespace onebin::cli
