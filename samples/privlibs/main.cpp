// A C++ app with private libraries, laid out like an AppDir:
//   bin/privlibs, lib/libgreeting.so (needs lib/libname.so),
//   lib/libshout.so (dlopen'ed by name), share/privlibs/message.txt (found
//   next to /proc/self/exe). Prints one line per part so tests can check each.
#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "greeting.hpp"

static std::string data_file() {
  auto exe = std::filesystem::read_symlink("/proc/self/exe");
  return (exe.parent_path() / "../share/privlibs/message.txt").lexically_normal().string();
}

int main() {
  std::cout << "greeting: " << greeting() << "\n";
  void* plugin = dlopen("libshout.so", RTLD_NOW);
  if (!plugin) {
    std::cout << "plugin: " << dlerror() << "\n";
    return 1;
  }
  auto shout = reinterpret_cast<const char* (*)()>(dlsym(plugin, "shout"));
  std::cout << "plugin: " << (shout ? shout() : "no symbol") << "\n";
  std::ifstream in(data_file());
  std::string message;
  std::getline(in, message);
  std::cout << "data: " << (in ? message : "missing " + data_file()) << "\n";
  return in && shout ? 0 : 1;
}
