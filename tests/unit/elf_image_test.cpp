#include <doctest/doctest.h>

#include <random>

#include "elf/elf_image.hpp"
#include "elf/elf_reader.hpp"
#include "elf_test_support.hpp"

using namespace onebin;
using onebin::test::fixture;
using onebin::test::read_bytes;

TEST_CASE("garbage and non-ELF input is rejected with the file's name") {
  CHECK_THROWS_WITH_AS(elf::ElfImage("junk.bin", {}), doctest::Contains("junk.bin"), elf::ElfError);
  std::vector<uint8_t> text = {'#', '!', '/', 'b', 'i', 'n', '/', 's', 'h', '\n'};
  CHECK_THROWS_WITH_AS(elf::ElfImage("script.sh", text), doctest::Contains("not an ELF file"), elf::ElfError);
  CHECK_THROWS_AS(elf::ElfImage::load("/nonexistent/file"), elf::ElfError);
  CHECK_THROWS_AS(elf::read_elf_info("/etc/passwd"), elf::ElfError);
}

TEST_CASE("32-bit and big-endian ELF files are refused, not misread") {
  auto bytes = read_bytes(fixture("greet_bfd_pie"));
  auto elf32 = bytes;
  elf32[EI_CLASS] = ELFCLASS32;
  CHECK_THROWS_WITH_AS(elf::ElfImage("x", elf32), doctest::Contains("64-bit"), elf::ElfError);
  auto big = bytes;
  big[EI_DATA] = ELFDATA2MSB;
  CHECK_THROWS_WITH_AS(elf::ElfImage("x", big), doctest::Contains("little-endian"), elf::ElfError);
}

TEST_CASE("every truncated prefix of a real executable is an error, never a crash") {
  for (const char* name : {"greet_bfd_pie", "uses_lib_lld", "greet_musl"}) {
    auto bytes = read_bytes(fixture(name));
    REQUIRE(bytes.size() > 1000);
    for (size_t length = 0; length < bytes.size(); length += 7) {
      std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + length);
      CHECK_THROWS_AS(elf::ElfImage(name, prefix), elf::ElfError);
    }
    CHECK_NOTHROW(elf::ElfImage(name, bytes));
  }
}

TEST_CASE("random corruption of headers either parses or throws ElfError") {
  auto bytes = read_bytes(fixture("uses_lib_bfd"));
  std::mt19937 rng(42);
  size_t rejected = 0;
  for (int round = 0; round < 3000; ++round) {
    auto damaged = bytes;
    for (int hit = 0; hit < 4; ++hit) {
      // Headers, program headers and .dynamic live in the first pages.
      size_t at = rng() % std::min<size_t>(damaged.size(), 16384);
      damaged[at] = static_cast<uint8_t>(rng());
    }
    try {
      elf::ElfImage image("damaged", damaged);
      for (const auto& entry : image.dynamic_entries()) (void)image.dynamic_value(entry.d_tag);
    } catch (const elf::ElfError&) {
      ++rejected;
    }
  }
  CHECK(rejected > 0);  // the corruption really hit checked fields
}

TEST_CASE("dynamic section and strings are read from the raw headers") {
  elf::ElfImage image = elf::ElfImage::load(fixture("uses_lib_bfd"));
  CHECK(image.find_segment(PT_DYNAMIC) != nullptr);
  CHECK(image.dynamic_capacity() >= image.dynamic_entries().size());
  auto needed = image.dynamic_value(DT_NEEDED);
  REQUIRE(needed);
  CHECK(image.dynstr(*needed) == "libfixture.so");
}
