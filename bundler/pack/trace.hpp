// pack --trace: runs the app once, unpacked, under ptrace, and records every
// file it and its children opened. Libraries loaded with dlopen by a name no
// DT_NEEDED gives are found this way, and data read at run time.
#pragma once

#include <string>
#include <vector>

namespace onebin::pack {

struct TraceRun {
  std::string program;            // as the packer sees it (inside `root` when given)
  std::vector<std::string> args;  // argv[1..]
  std::string root;               // run chrooted there ("" to run here); needs root
  std::string app_dir;            // the app's directory ("" for a single program): its programs are the app's
  int seconds = 20;               // then the app is killed: a GUI app does not end by itself
};

struct TraceResult {
  // Real paths as the packer sees them, each once, in order, opened by the
  // app's own processes: not by another program it runs (a D-Bus daemon, a
  // browser), nor by their children.
  std::vector<std::string> opened;
  bool started = false;             // the app's program was executed
  bool killed = false;              // the app still ran after `seconds`
  int status = 0;                   // the app's exit status (128 + signal)
};

TraceResult trace_opened_files(const TraceRun& run);

}  // namespace onebin::pack
