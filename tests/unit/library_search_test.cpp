#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "elf_test_support.hpp"
#include "pack/library_search.hpp"

using namespace onebin;
namespace fs = std::filesystem;

TEST_CASE("$ORIGIN, $LIB and $PLATFORM expand like glibc's on Debian") {
  CHECK(pack::expand_tokens("$ORIGIN/../lib", "/app/bin") == "/app/bin/../lib");
  CHECK(pack::expand_tokens("${ORIGIN}/x:$LIB", "/o") == "/o/x:lib/x86_64-linux-gnu");
  CHECK(pack::expand_tokens("/opt/$PLATFORM", "/o") == "/opt/x86_64");
  CHECK(pack::expand_tokens("$ORIGINAL", "/o") == "$ORIGINAL");
}

namespace {

void write_text(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << text;
}

elf::ElfInfo program_at(const std::string& path) {
  elf::ElfInfo info;
  info.path = path;
  return info;
}

}  // namespace

TEST_CASE("ld.so.conf and its includes are read inside the root, in order") {
  test::TempDir root;
  write_text(root / "etc/ld.so.conf", "# comment\ninclude /etc/ld.so.conf.d/*.conf\n/late/lib\n");
  write_text(root / "etc/ld.so.conf.d/b.conf", "/opt/b\n");
  write_text(root / "etc/ld.so.conf.d/a.conf", "/opt/a  # trailing comment\n");
  pack::LibrarySearch search(root.path());
  std::vector<std::string> first(search.system_dirs().begin(), search.system_dirs().begin() + 3);
  CHECK(first == std::vector<std::string>{"/opt/a", "/opt/b", "/late/lib"});
}

TEST_CASE("libraries are found in the root, skipping files that are not x86-64 ELF") {
  test::TempDir root;
  write_text(root / "etc/ld.so.conf", "/opt/a\n/opt/b\n");
  write_text(root / "opt/a/libfixture.so", "not an ELF file");
  fs::create_directories(root / "opt/b");
  fs::copy_file(test::fixture("libfixture.so"), root / "opt/b/libfixture.so");
  pack::LibrarySearch search(root.path());
  auto program = program_at(root / "bin/app");
  CHECK(search.find("libfixture.so", program, program) == root / "opt/b/libfixture.so");
  CHECK_FALSE(search.find("libabsent.so.9", program, program));
}

TEST_CASE("RUNPATH wins over the system directories; RPATH only applies without RUNPATH") {
  test::TempDir root;
  fs::create_directories(root / "app/lib");
  fs::create_directories(root / "app/bin");
  fs::create_directories(root / "usr/lib/x86_64-linux-gnu");
  fs::copy_file(test::fixture("libfixture.so"), root / "app/lib/libfixture.so");
  fs::copy_file(test::fixture("libfixture.so"), root / "usr/lib/x86_64-linux-gnu/libfixture.so");
  pack::LibrarySearch search(root.path());
  auto program = program_at(root / "app/bin/prog");
  CHECK(search.find("libfixture.so", program, program) == root / "usr/lib/x86_64-linux-gnu/libfixture.so");
  program.runpath = {"$ORIGIN/../lib"};
  CHECK(search.find("libfixture.so", program, program) == root / "app/bin/../lib/libfixture.so");
  auto with_rpath = program_at(root / "app/bin/prog");
  with_rpath.rpath = {"/app/lib"};  // absolute: inside the root
  CHECK(search.find("libfixture.so", with_rpath, with_rpath) == root / "app/lib/libfixture.so");
}

TEST_CASE("absolute symlinks resolve inside the root") {
  test::TempDir root;
  write_text(root / "lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "loader");
  fs::create_directories(root / "lib64");
  fs::create_symlink("/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", root / "lib64/ld-linux-x86-64.so.2");
  pack::LibrarySearch search(root.path());
  CHECK(search.real_path(root / "lib64/ld-linux-x86-64.so.2") == root / "lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
}
