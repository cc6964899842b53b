// Commands that make and use signing keys: keygen, sign (verify --key
// checks a signature: archive_commands).
#pragma once

#include <CLI/CLI.hpp>

namespace onebin::cli {

void add_sign_commands(CLI::App& app);

}  // namespace onebin::cli
