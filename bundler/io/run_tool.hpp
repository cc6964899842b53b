// Running a helper program found on PATH (unsquashfs, desktop-file-validate,
// appstreamcli) without a shell, its stdout and stderr kept for messages.
#pragma once

#include <string>
#include <vector>

namespace onebin::io {

struct ToolRun {
  bool started = false;  // false: not found or not runnable (`output` says why)
  int status = -1;       // its exit status; -1 if killed by a signal
  std::string output;    // stdout and stderr together
};

ToolRun run_tool(const std::vector<std::string>& argv);

}  // namespace onebin::io
