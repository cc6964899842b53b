#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "elf_test_support.hpp"
#include "pack/root_path.hpp"

using namespace onebin;
namespace fs = std::filesystem;

TEST_CASE("links inside a root lead where they lead after chroot, not on this machine") {
  test::TempDir root;
  fs::create_directories(root / "usr/bin");
  fs::create_directories(root / "etc/alternatives");
  std::ofstream(root / "usr/bin/convert-im7") << "x";
  // /etc/alternatives/convert exists on many packing machines, leading elsewhere.
  fs::create_symlink("/etc/alternatives/convert", root / "usr/bin/convert");
  fs::create_symlink("/usr/bin/convert-im7", root / "etc/alternatives/convert");
  CHECK(pack::resolve_in_root(root.path(), "/usr/bin/convert") == root / "usr/bin/convert-im7");
  CHECK(pack::real_path_under(root.path(), root / "usr/bin/convert") == root / "usr/bin/convert-im7");
  CHECK(pack::real_path_under(root.path() + "/", root / "usr/bin/convert") == root / "usr/bin/convert-im7");
}

TEST_CASE("\"..\" at the root's top stays at its top, and a missing part is kept as given") {
  test::TempDir root;
  fs::create_directories(root / "usr/lib");
  fs::create_symlink("../../../../../usr/lib", root / "usr/up");
  CHECK(pack::resolve_in_root(root.path(), "/usr/up/x/y") == root / "usr/lib/x/y");
  CHECK(pack::resolve_in_root(root.path(), "/../../usr/./lib") == root / "usr/lib");
}

TEST_CASE("a loop of links is an error naming the path") {
  test::TempDir root;
  fs::create_symlink("/b", root / "a");
  fs::create_symlink("/a", root / "b");
  CHECK_THROWS_WITH_AS(pack::resolve_in_root(root.path(), "/a/file"),
                       doctest::Contains("/a/file: too many levels of symbolic links"), pack::RootPathError);
}
