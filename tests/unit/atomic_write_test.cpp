#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "elf_test_support.hpp"
#include "io/atomic_write.hpp"

using namespace onebin;
namespace fs = std::filesystem;

TEST_CASE("atomic write creates the file with its mode and nothing else") {
  test::TempDir dir;
  io::write_file_atomically(dir / "out", {1, 2, 3}, 0755);
  CHECK(test::read_bytes(dir / "out") == std::vector<uint8_t>{1, 2, 3});
  struct stat st {};
  REQUIRE(stat((dir / "out").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0755);
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 1);
}

TEST_CASE("atomic write into a missing directory names the target") {
  test::TempDir dir;
  CHECK_THROWS_WITH_AS(io::write_file_atomically(dir / "missing/out", {1}, 0644),
                       doctest::Contains("missing/out"), io::IoError);
}

// A write that fails half way must keep the old file and leave no temporary
// file behind. As root (CI) a 64 KiB tmpfs makes a real full disk; otherwise
// a read-only directory makes the failure.
TEST_CASE("a failed write leaves the old file and no temporary file") {
  test::TempDir dir;
  bool as_root = geteuid() == 0;
  if (as_root) REQUIRE(test::run("mount -t tmpfs -o size=64k onebin-test " + dir.path()).status == 0);
  io::write_file_atomically(dir / "out", {7}, 0644);
  if (!as_root) chmod(dir.path().c_str(), 0555);
  std::vector<uint8_t> big(1 << 20, 8);
  CHECK_THROWS_AS(io::write_file_atomically(dir / "out", big, 0644), io::IoError);
  CHECK(test::read_bytes(dir / "out") == std::vector<uint8_t>{7});
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 1);
  if (as_root) test::run("umount " + dir.path());
  else chmod(dir.path().c_str(), 0755);
}

// Root replacing a user's setuid file makes a root-owned file: it must not
// stay setuid. Root replacing its own keeps the mode.
TEST_CASE("a replacement for another owner keeps no set-id bit") {
  if (geteuid() != 0) return;  // only root can make a file another user's
  test::TempDir dir;
  io::write_file_atomically(dir / "users", {1}, 0755);
  REQUIRE(chown((dir / "users").c_str(), 65534, 65534) == 0);
  io::write_file_atomically(dir / "users", {2}, 06755);
  io::write_file_atomically(dir / "roots", {1}, 0755);
  io::write_file_atomically(dir / "roots", {2}, 06755);
  struct stat st {};
  REQUIRE(stat((dir / "users").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0755);
  REQUIRE(stat((dir / "roots").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 06755);
}
