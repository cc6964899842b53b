#include "pack/trace.hpp"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <set>

#include "pack/app_tree.hpp"

namespace onebin::pack {

namespace {

volatile sig_atomic_t g_time_is_up = 0;
void on_alarm(int) { g_time_is_up = 1; }

[[noreturn]] void child_fails(const std::string& what) {
  std::string line = "onebin: error: --trace: " + what + ": " + std::strerror(errno) + "\n";
  (void)!write(2, line.data(), line.size());
  _exit(127);
}

// In the child: the root's /proc, /tmp and /dev as tests/roots/in-root.sh
// gives them, in a mount namespace of its own, then the app, stopped first
// so that the tracer sets its options before exec.
[[noreturn]] void start_app(const TraceRun& run) {
  std::string path = run.program;
  if (!run.root.empty()) {
    if (unshare(CLONE_NEWNS) != 0) child_fails("a mount namespace for running the app inside " + run.root + " (needs root)");
    if (mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) child_fails("making mounts private");
    if (mount("proc", (run.root + "/proc").c_str(), "proc", 0, nullptr) != 0) child_fails(run.root + "/proc");
    if (mount("tmpfs", (run.root + "/tmp").c_str(), "tmpfs", 0, nullptr) != 0) child_fails(run.root + "/tmp");
    if (mount("/dev", (run.root + "/dev").c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0) child_fails(run.root + "/dev");
    if (chroot(run.root.c_str()) != 0 || chdir("/") != 0) child_fails("chroot " + run.root);
    path = run.program.substr(run.root.size());
  }
  std::vector<char*> argv{path.data()};
  std::vector<std::string> args = run.args;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  dup2(2, 1);  // the app's output is not pack's
  if (ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0) child_fails("ptrace");
  raise(SIGSTOP);
  execv(path.c_str(), argv.data());
  child_fails(path);
}

std::string readlink_of(const std::string& link) {
  char buffer[4096];
  ssize_t n = readlink(link.c_str(), buffer, sizeof buffer - 1);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : "";
}

// What a descriptor names: a file's path ("pipe:[...]" and the like are none).
std::string fd_path(pid_t pid, long fd) {
  std::string path = readlink_of("/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd));
  return path.rfind('/', 0) == 0 ? path : "";
}

bool opens_a_file(long number) { return number == SYS_open || number == SYS_openat || number == SYS_openat2 || number == SYS_creat; }

class Tracer {
 public:
  Tracer(pid_t app, const TraceRun& run) : app_(app), run_(run) { in_syscall_[app] = false; }

  TraceResult run(int seconds) {
    struct sigaction alarm_action {}, saved {};
    alarm_action.sa_handler = on_alarm;  // no SA_RESTART: waitpid returns EINTR
    sigaction(SIGALRM, &alarm_action, &saved);
    g_time_is_up = 0;
    alarm(static_cast<unsigned>(seconds));
    while (!in_syscall_.empty()) step();
    alarm(0);
    sigaction(SIGALRM, &saved, nullptr);
    return result_;
  }

 private:
  void step() {
    int status = 0;
    pid_t pid = waitpid(-1, &status, __WALL);
    if (pid < 0) {
      if (errno != EINTR) throw PackError(std::string("--trace: waitpid: ") + std::strerror(errno));
      if (g_time_is_up && !result_.killed) kill_all();
      return;
    }
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      in_syscall_.erase(pid);
      foreign_.erase(pid);
      if (pid == app_) result_.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return;
    }
    int signal = 0;
    int stop = WSTOPSIG(status);
    if (!in_syscall_.count(pid)) {
      in_syscall_[pid] = false;  // a new child's first stop, before any syscall: SIGSTOP
      if (stop == SIGSTOP) stop = 0;
    }
    if (stop == (SIGTRAP | 0x80)) {
      syscall_stop(pid);
    } else if (stop == SIGTRAP && (status >> 16) == PTRACE_EVENT_EXEC) {
      std::string exe = readlink_of("/proc/" + std::to_string(pid) + "/exe");
      result_.started = true;
      foreign_[pid] = exe != run_.program && (run_.app_dir.empty() || exe.rfind(run_.app_dir + "/", 0) != 0);
    } else if (stop == SIGTRAP && ((status >> 16) == PTRACE_EVENT_FORK || (status >> 16) == PTRACE_EVENT_VFORK ||
                                   (status >> 16) == PTRACE_EVENT_CLONE)) {
      unsigned long child = 0;
      if (ptrace(PTRACE_GETEVENTMSG, pid, nullptr, &child) == 0) foreign_[static_cast<pid_t>(child)] = foreign_[pid];
    } else if (stop != SIGTRAP && stop != SIGSTOP && stop != 0) {
      signal = stop;  // the app's own signal
    }
    ptrace(PTRACE_SYSCALL, pid, nullptr, reinterpret_cast<void*>(static_cast<long>(signal)));
  }

  void syscall_stop(pid_t pid) {
    bool leaving = in_syscall_[pid];
    in_syscall_[pid] = !leaving;
    if (!leaving) return;
    user_regs_struct regs{};
    if (ptrace(PTRACE_GETREGS, pid, nullptr, &regs) != 0) return;
    auto result = static_cast<long>(regs.rax);
    if (opens_a_file(static_cast<long>(regs.orig_rax)) && result >= 0 && !foreign_[pid]) record(fd_path(pid, result));
  }

  void record(const std::string& path) {
    if (!path.empty() && seen_.insert(path).second) result_.opened.push_back(path);
  }

  void kill_all() {
    result_.killed = true;
    for (const auto& [pid, ignored] : in_syscall_) kill(pid, SIGKILL);
  }

  pid_t app_;
  const TraceRun& run_;
  std::map<pid_t, bool> in_syscall_;
  std::map<pid_t, bool> foreign_;  // runs a program that is not the app's  // every live tracee: whether it is inside a system call
  std::set<std::string> seen_;
  TraceResult result_;
};

}  // namespace

TraceResult trace_opened_files(const TraceRun& run) {
  pid_t app = fork();
  if (app < 0) throw PackError(std::string("--trace: fork: ") + std::strerror(errno));
  if (app == 0) start_app(run);
  int status = 0;
  if (waitpid(app, &status, 0) != app || !WIFSTOPPED(status)) {
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    throw PackError("--trace: " + run.program + " did not start (exit status " + std::to_string(code) + ")");
  }
  long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                 PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
  if (ptrace(PTRACE_SETOPTIONS, app, nullptr, reinterpret_cast<void*>(options)) != 0 ||
      ptrace(PTRACE_SYSCALL, app, nullptr, nullptr) != 0) {
    kill(app, SIGKILL);
    throw PackError(std::string("--trace: ptrace: ") + std::strerror(errno));
  }
  return Tracer(app, run).run(run.seconds);
}

}  // namespace onebin::pack
