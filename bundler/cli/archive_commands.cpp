#include "cli/archive_commands.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

#include "io/atomic_write.hpp"
#include "pack/packed_file.hpp"

namespace onebin::cli {

namespace {

const char* type_name(uint8_t type) {
  return type == ONEBIN_DIR ? "dir" : type == ONEBIN_SYMLINK ? "symlink" : "file";
}

const char* family_name(uint8_t family) {
  static const char* const kNames[] = {"", "glibc", "libstdc++", "libgcc_s", "shared", "host"};
  return family < sizeof kNames / sizeof *kNames ? kNames[family] : "?";
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c < 0x20) { char buf[8]; std::snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; }
    else out += c;
  }
  return out + "\"";
}

void inspect_text(const pack::PackedFile& file) {
  const auto& header = file.archive().header;
  std::cout << "format: onebin " << file.archive().trailer.version << "\n"
            << "main: " << file.path(file.entry(header.main_entry)) << "\n"
            << "glibc needed: " << (header.glibc_needed >> 20) << "." << ((header.glibc_needed >> 10) & 1023) << "\n";
  for (uint32_t i = 0; i < file.size(); ++i) {
    onebin_entry e = file.entry(i);
    std::printf("%-7s %04o %10llu %-9s %s%s%s\n", type_name(e.type), e.mode, static_cast<unsigned long long>(e.size),
                family_name(e.family), file.path(e).c_str(), e.type == ONEBIN_SYMLINK ? " -> " : "", file.link(e).c_str());
  }
}

void inspect_json(const pack::PackedFile& file) {
  const auto& header = file.archive().header;
  const auto& trailer = file.archive().trailer;
  std::cout << "{\"format\": " << trailer.version << ", \"payload_offset\": " << trailer.payload_offset
            << ", \"index_offset\": " << trailer.index_offset << ", \"main\": "
            << json_string(file.path(file.entry(header.main_entry))) << ", \"glibc_needed\": \""
            << (header.glibc_needed >> 20) << "." << ((header.glibc_needed >> 10) & 1023) << "\", \"entries\": [";
  for (uint32_t i = 0; i < file.size(); ++i) {
    onebin_entry e = file.entry(i);
    std::cout << (i ? ", " : "") << "{\"path\": " << json_string(file.path(e)) << ", \"type\": \"" << type_name(e.type)
              << "\", \"mode\": " << e.mode << ", \"mtime_ns\": " << e.mtime_ns << ", \"size\": " << e.size
              << ", \"data\": " << e.data << ", \"compressed\": " << e.data_size
              << ", \"shared_frame\": " << ((e.flags & ONEBIN_SHARED_FRAME) ? "true" : "false")
              << ", \"family\": \"" << family_name(e.family) << "\"";
    if (e.type == ONEBIN_SYMLINK) std::cout << ", \"link\": " << json_string(file.link(e));
    std::cout << "}";
  }
  std::cout << "]}\n";
}

void verify(const std::string& path) {
  pack::PackedFile file(path);
  uint64_t bytes = file.check_every_file();
  std::cout << path << ": ok (" << file.size() << " entries, " << bytes << " bytes of content)\n";
}

void extract(const std::string& path, const std::string& dir) {
  pack::PackedFile file(path);
  if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) throw pack::PackError(dir + ": cannot create: " + std::strerror(errno));
  for (uint32_t i = 0; i < file.size(); ++i) {
    onebin_entry e = file.entry(i);
    std::string target = dir + "/" + file.path(e);
    if (e.type == ONEBIN_DIR) {
      if (mkdir(target.c_str(), e.mode | 0700) != 0 && errno != EEXIST) throw pack::PackError(target + ": cannot create: " + std::strerror(errno));
    } else if (e.type == ONEBIN_SYMLINK) {
      if (symlink(file.link(e).c_str(), target.c_str()) != 0) throw pack::PackError(target + ": cannot link: " + std::strerror(errno));
    } else {
      io::write_file_atomically(target, file.content(e), e.mode);
    }
  }
  // Packed times, deepest first: creating an entry changes its directory's time.
  for (uint32_t i = file.size(); i-- > 0;) {
    onebin_entry e = file.entry(i);
    struct timespec times[2];
    onebin_entry_times(&e, times);
    std::string target = dir + "/" + file.path(e);
    if (utimensat(AT_FDCWD, target.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0)
      throw pack::PackError(target + ": cannot set its time: " + std::strerror(errno));
  }
  std::cout << "extracted " << file.size() << " entries into " << dir << "\n";
}

}  // namespace

void add_archive_commands(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* inspect = app.add_subcommand("inspect", "List what a packed file holds");
  inspect->add_option("FILE", *file, "A file made by onebin pack")->required();
  inspect->add_flag("--json", *json, "Print JSON instead of text");
  inspect->callback([file, json] {
    pack::PackedFile packed(*file);
    *json ? inspect_json(packed) : inspect_text(packed);
  });
  CLI::App* check = app.add_subcommand("verify", "Check a packed file's trailer, index and every file's hash");
  check->add_option("FILE", *file, "A file made by onebin pack")->required();
  check->callback([file] { verify(*file); });
  CLI::App* out = app.add_subcommand("extract", "Write the files of a packed file into a directory");
  out->add_option("FILE", *file, "A file made by onebin pack")->required();
  out->add_option("DIR", *dir, "Where to write them (created if missing)")->required();
  out->callback([file, dir] { extract(*file, *dir); });
}

}  // namespace onebin::cli
