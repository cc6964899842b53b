#include "io/run_tool.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

extern char** environ;

namespace onebin::io {

ToolRun run_tool(const std::vector<std::string>& argv) {
  ToolRun run;
  FILE* log = std::tmpfile();  // no name: nothing to clean up
  if (!log) {
    run.output = std::string("cannot make a temporary file: ") + std::strerror(errno);
    return run;
  }
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fileno(log), 1);
  posix_spawn_file_actions_adddup2(&actions, fileno(log), 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  int error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error) {
    run.output = std::strerror(error);
  } else {
    run.started = true;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::rewind(log);
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, log)) > 0;) run.output.append(buffer, n);
  }
  std::fclose(log);
  return run;
}

}  // namespace onebin::io
