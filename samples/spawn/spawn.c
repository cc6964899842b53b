/* Runs the helper program packed beside it (bin/spawn-helper) and reports
 * its output and exit status: a packed app starting another packed program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  char exe[4096], helper[4200];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n < 0) return 2;
  exe[n] = 0;
  *strrchr(exe, '/') = 0;
  snprintf(helper, sizeof helper, "%s/spawn-helper", exe);
  pid_t child = fork();
  if (child == 0) {
    execl(helper, "spawn-helper", "from-parent", (char *)NULL);
    perror(helper);
    _exit(127);
  }
  int status = 0;
  waitpid(child, &status, 0);
  printf("helper exited %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  printf("LD_LIBRARY_PATH %s\n", getenv("LD_LIBRARY_PATH") ? "set" : "unset");
  return 0;
}
