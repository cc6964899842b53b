#include <doctest/doctest.h>

#include <algorithm>

#include "elf/elf_reader.hpp"
#include "elf_test_support.hpp"

using namespace onebin;
using onebin::test::fixture;

static bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

TEST_CASE("needed libraries, interpreter and kind of linked executables") {
  for (const char* name : {"uses_lib_bfd", "uses_lib_lld"}) {
    auto info = elf::read_elf_info(fixture(name));
    CHECK(info.machine == "x86-64");
    CHECK(info.kind == elf::ElfKind::PieExecutable);
    CHECK(info.interp == "/lib64/ld-linux-x86-64.so.2");
    CHECK(info.needed == std::vector<std::string>{"libfixture.so", "libc.so.6"});
    CHECK(info.runpath.empty());
    CHECK(info.can_carry_runpath());
  }
  CHECK(elf::read_elf_info(fixture("greet_bfd_nopie")).kind == elf::ElfKind::Executable);
  CHECK(elf::read_elf_info(fixture("greet_musl")).interp == "/lib/ld-musl-x86_64.so.1");
}

TEST_CASE("static and static-pie programs cannot carry a RUNPATH") {
  auto plain = elf::read_elf_info(fixture("greet_static"));
  CHECK(plain.kind == elf::ElfKind::StaticExecutable);
  CHECK_FALSE(plain.can_carry_runpath());
  auto pie = elf::read_elf_info(fixture("greet_static_pie"));
  CHECK(pie.kind == elf::ElfKind::StaticPie);
  CHECK_FALSE(pie.can_carry_runpath());
}

TEST_CASE("RPATH and RUNPATH are told apart and split at colons") {
  auto rpath = elf::read_elf_info(fixture("greet_rpath"));
  CHECK(rpath.rpath == std::vector<std::string>{"/old/rpath"});
  CHECK(rpath.runpath.empty());
  auto runpath = elf::read_elf_info(fixture("greet_long_runpath"));
  CHECK(runpath.rpath.empty());
  REQUIRE(runpath.runpath.size() == 1);
  CHECK(runpath.runpath[0].starts_with("/a/long/old/runpath"));
}

TEST_CASE("a shared library reports its soname") {
  auto info = elf::read_elf_info(fixture("libfixture.so"));
  CHECK(info.kind == elf::ElfKind::SharedLibrary);
  CHECK(info.soname == "libfixture.so");
}

TEST_CASE("symbol versions needed and defined") {
  auto program = elf::read_elf_info(fixture("greet_bfd_pie"));
  REQUIRE(program.version_needs.count("libc.so.6") == 1);
  CHECK(contains(program.version_needs["libc.so.6"], "GLIBC_2.2.5"));

  // Debian 12 ships glibc 2.36: libc.so.6 defines every version up to it.
  auto libc = elf::read_elf_info("/lib/x86_64-linux-gnu/libc.so.6");
  CHECK(libc.soname == "libc.so.6");
  CHECK(libc.kind == elf::ElfKind::SharedLibrary);
  CHECK(contains(libc.version_defs, "GLIBC_2.34"));
  CHECK(contains(libc.version_defs, "GLIBC_2.2.5"));
  CHECK_FALSE(contains(libc.version_defs, "libc.so.6"));

  auto loader = elf::read_elf_info("/lib64/ld-linux-x86-64.so.2");
  CHECK(loader.kind == elf::ElfKind::Loader);
  CHECK_FALSE(loader.can_carry_runpath());
}
