// Each test edits a fixture, writes it into a private directory and runs it:
// an edit only counts when the program still works (and, for library paths,
// only works *because* of the edit).
#include <doctest/doctest.h>

#include <cstring>
#include <map>

#include "elf/elf_editor.hpp"
#include "elf/elf_reader.hpp"
#include "elf_test_support.hpp"

using namespace onebin;
using test::fixture;
using test::run;

namespace {

elf::EditResult edit_fixture(const std::string& name, const elf::EditRequest& request) {
  return elf::edit(elf::ElfImage::load(fixture(name)), request);
}

// Writes `bytes` as DIR/prog beside a copy of libfixture.so in DIR/lib.
std::string install(const test::TempDir& dir, const std::vector<uint8_t>& bytes) {
  run("mkdir -p " + dir.path() + "/lib && cp " + fixture("libfixture.so") + " " + dir.path() + "/lib/");
  test::write_executable(dir / "prog", bytes);
  return dir / "prog";
}

elf::EditRequest runpath_request(const std::string& runpath) {
  elf::EditRequest request;
  request.runpath = runpath;
  return request;
}

}  // namespace

TEST_CASE("a RUNPATH of $ORIGIN/lib lets the program find its library") {
  for (const char* name : {"uses_lib_bfd", "uses_lib_lld"}) {
    CAPTURE(std::string(name));
    test::TempDir dir;
    std::string prog = install(dir, test::read_bytes(fixture(name)));
    REQUIRE(run(prog).status != 0);  // without a RUNPATH, libfixture.so is not found

    auto result = edit_fixture(name, runpath_request("$ORIGIN/lib"));
    install(dir, result.bytes);
    auto ran = run(prog);
    CHECK(ran.status == 0);
    CHECK(ran.output.find("answer 42") != std::string::npos);
    auto info = elf::read_elf_info(prog);
    CHECK(info.runpath == std::vector<std::string>{"$ORIGIN/lib"});
    CHECK(run("readelf -d " + prog + " | grep -F 'Library runpath: [$ORIGIN/lib]'").status == 0);
  }
}

TEST_CASE("lld output has no spare dynamic slot, so .dynamic moves; bfd output keeps it in place") {
  auto lld = edit_fixture("uses_lib_lld", runpath_request("$ORIGIN/lib"));
  auto bfd = edit_fixture("uses_lib_bfd", runpath_request("$ORIGIN/lib"));
  test::TempDir dir;
  for (auto* result : {&lld, &bfd}) {
    test::write_executable(dir / "prog", result->bytes);
    auto out = run("readelf -lW " + dir.path() + "/prog | grep -c ' LOAD '").output;
    CHECK(std::stoi(out) >= 3);
  }
  auto original = elf::ElfImage::load(fixture("uses_lib_bfd"));
  auto edited = elf::ElfImage("bfd", bfd.bytes);
  CHECK(edited.find_segment(PT_DYNAMIC)->p_vaddr == original.find_segment(PT_DYNAMIC)->p_vaddr);
  auto lld_original = elf::ElfImage::load(fixture("uses_lib_lld"));
  auto lld_edited = elf::ElfImage("lld", lld.bytes);
  CHECK(lld_edited.find_segment(PT_DYNAMIC)->p_vaddr != lld_original.find_segment(PT_DYNAMIC)->p_vaddr);
}

TEST_CASE("a shorter RUNPATH is written in place and the file keeps its size") {
  auto original = test::read_bytes(fixture("greet_long_runpath"));
  auto result = edit_fixture("greet_long_runpath", runpath_request("$ORIGIN/../lib"));
  CHECK(result.layout == "in place");
  CHECK(result.bytes.size() == original.size());
  test::TempDir dir;
  auto ran = run(install(dir, result.bytes));
  CHECK(ran.status == 3);
  CHECK(ran.output == "greet ran\n");
  CHECK(elf::read_elf_info(dir / "prog").runpath == std::vector<std::string>{"$ORIGIN/../lib"});
}

TEST_CASE("DT_RPATH is replaced by DT_RUNPATH") {
  auto result = edit_fixture("greet_rpath", runpath_request("$ORIGIN/../lib/x86_64-linux-gnu:$ORIGIN/../lib"));
  test::TempDir dir;
  std::string prog = install(dir, result.bytes);
  CHECK(run(prog).status == 3);
  auto info = elf::read_elf_info(prog);
  CHECK(info.rpath.empty());
  CHECK(info.runpath == std::vector<std::string>{"$ORIGIN/../lib/x86_64-linux-gnu", "$ORIGIN/../lib"});
  CHECK(run("readelf -d " + prog + " | grep -q '(RPATH)'").status != 0);
}

TEST_CASE("an added DT_NEEDED is loaded before the program runs") {
  for (const char* name : {"greet_bfd_pie", "greet_lld", "greet_gold", "greet_musl"}) {
    CAPTURE(std::string(name));
    elf::EditRequest request = runpath_request("$ORIGIN/lib");
    request.add_needed = {"libfixture.so"};
    auto result = edit_fixture(name, request);
    test::TempDir dir;
    std::string prog = install(dir, result.bytes);
    auto ran = run(prog);
    CHECK(ran.status == 3);
    CHECK(ran.output == "fixture_lib loaded\ngreet ran\n");
    auto needed = elf::read_elf_info(prog).needed;
    CHECK(needed.back() == "libfixture.so");
  }
}

TEST_CASE("adding a library that is already needed changes nothing") {
  elf::EditRequest request;
  request.add_needed = {"libfixture.so"};
  auto result = edit_fixture("uses_lib_bfd", request);
  CHECK(result.layout == "unchanged");
  CHECK(result.bytes == test::read_bytes(fixture("uses_lib_bfd")));
}

TEST_CASE("musl-gcc output has no PT_NOTE: the program header table grows in place") {
  auto result = edit_fixture("greet_musl", runpath_request("$ORIGIN/../lib/x86_64-linux-gnu:$ORIGIN/../lib"));
  CHECK(result.layout == "new PT_LOAD (program header table grown in place)");
  test::TempDir dir;
  std::string prog = install(dir, result.bytes);
  auto ran = run(prog);
  CHECK(ran.status == 3);
  CHECK(ran.output == "greet ran\n");
  CHECK(run("readelf -lW " + prog + " | grep -q PHDR").status == 0);
}

TEST_CASE("reserved slots are patched later without parsing the file") {
  for (const char* name : {"uses_lib_bfd", "uses_lib_lld"}) {
    CAPTURE(std::string(name));
    elf::EditRequest request = runpath_request("/nowhere");
    request.runpath_slot = 256;
    request.interp = "/nowhere/ld.so";
    request.interp_slot = 256;
    auto result = edit_fixture(name, request);
    REQUIRE(result.runpath);
    REQUIRE(result.interp);
    CHECK(result.runpath->size == 256);
    CHECK(result.interp->size == 256);

    test::TempDir dir;
    std::string prog = install(dir, result.bytes);
    CHECK(run(prog).status != 0);  // neither the loader nor the library exists yet

    run("ln -s /lib64/ld-linux-x86-64.so.2 " + dir.path() + "/loader");
    elf::write_slot(result.bytes, *result.interp, dir / "loader");
    elf::write_slot(result.bytes, *result.runpath, dir / "lib");
    install(dir, result.bytes);
    auto ran = run(prog);
    CHECK(ran.status == 0);
    CHECK(ran.output.find("answer 42") != std::string::npos);
    CHECK(elf::read_elf_info(prog).interp == dir / "loader");
    CHECK_THROWS_AS(elf::write_slot(result.bytes, *result.interp, std::string(256, 'x')), elf::ElfError);
  }
}

TEST_CASE("edited files survive strip and readelf agrees with what was written") {
  const std::string runpath = "$ORIGIN/../lib/x86_64-linux-gnu:$ORIGIN/../lib";
  for (const char* name : {"greet_bfd_pie", "greet_bfd_nopie", "greet_gold", "greet_lld", "greet_lld_nopie",
                           "greet_musl", "greet_rpath", "greet_long_runpath"}) {
    CAPTURE(std::string(name));
    elf::EditRequest request = runpath_request(runpath);
    request.add_needed = {"libfixture.so"};
    auto result = edit_fixture(name, request);
    test::TempDir dir;
    std::string prog = install(dir, result.bytes);
    REQUIRE(run("strip " + prog).status == 0);
    run("mkdir -p " + dir.path() + "/../lib && cp " + fixture("libfixture.so") + " " + dir.path() + "/../lib/");
    auto ran = run(prog);
    run("rm -f " + dir.path() + "/../lib/libfixture.so");
    CHECK(ran.status == 3);
    CHECK(ran.output == "fixture_lib loaded\ngreet ran\n");
    CHECK(run("readelf -dW " + prog + " | grep -F 'Library runpath: [" + runpath + "]'").status == 0);
    CHECK(run("readelf -dW " + prog + " | grep -F 'Shared library: [libfixture.so]'").status == 0);
    CHECK(run("readelf -lW " + prog + " 2>&1 | grep -qi warning").status != 0);
  }
}

TEST_CASE("a file can be edited again after an edit") {
  auto first = edit_fixture("uses_lib_bfd", runpath_request("/first/long/runpath/entry/that/does/not/exist"));
  elf::EditRequest again = runpath_request("$ORIGIN/lib/../lib/../lib/../lib/../lib/../lib/../lib/../lib/../lib");
  auto second = elf::edit(elf::ElfImage("first", first.bytes), again);
  test::TempDir dir;
  auto ran = run(install(dir, second.bytes));
  CHECK(ran.status == 0);
  CHECK(ran.output.find("answer 42") != std::string::npos);
}

TEST_CASE("the loader, static and static-pie programs are refused with a reason") {
  CHECK_THROWS_WITH_AS(edit_fixture("greet_static", runpath_request("$ORIGIN")),
                       doctest::Contains("statically linked"), elf::ElfError);
  CHECK_THROWS_WITH_AS(edit_fixture("greet_static_pie", runpath_request("$ORIGIN")),
                       doctest::Contains("static-pie"), elf::ElfError);
  CHECK_THROWS_WITH_AS(elf::edit(elf::ElfImage::load("/lib64/ld-linux-x86-64.so.2"), runpath_request("$ORIGIN")),
                       doctest::Contains("dynamic loader"), elf::ElfError);
  elf::EditRequest interp;
  interp.interp = "/lib/ld.so";
  CHECK_THROWS_WITH_AS(edit_fixture("libfixture.so", interp), doctest::Contains("PT_INTERP"), elf::ElfError);
}

namespace {

// The descriptions of every note the program headers lead to, by owner.
std::multimap<std::string, std::string> notes_through_program_headers(const elf::ElfImage& image) {
  std::multimap<std::string, std::string> notes;
  for (const auto& ph : image.segments()) {
    if (ph.p_type != PT_NOTE) continue;
    for (uint64_t at = ph.p_offset; at + sizeof(Elf64_Nhdr) <= ph.p_offset + ph.p_filesz;) {
      Elf64_Nhdr note;
      std::memcpy(&note, image.bytes().data() + at, sizeof note);
      const char* name = reinterpret_cast<const char*>(image.bytes().data() + at + sizeof note);
      uint64_t desc = at + sizeof note + (note.n_namesz + 3) / 4 * 4;
      notes.emplace(std::string(name, note.n_namesz ? note.n_namesz - 1 : 0),
                    std::string(reinterpret_cast<const char*>(image.bytes().data() + desc), note.n_descsz));
      at = desc + (note.n_descsz + 3) / 4 * 4;
    }
  }
  return notes;
}

}  // namespace

TEST_CASE("a Qt plugin's metadata note stays a PT_NOTE: the header table grows instead") {
  auto before = notes_through_program_headers(elf::ElfImage::load(fixture("qt_plugin.so")));
  REQUIRE(before.count("qt-project!") == 1);  // one PT_NOTE holds the build ID and the metadata
  auto result = edit_fixture("qt_plugin.so", runpath_request("$ORIGIN/../../lib/x86_64-linux-gnu:$ORIGIN/../../lib"));
  CHECK(result.layout == "new PT_LOAD (program header table grown in place)");
  elf::ElfImage edited(fixture("qt_plugin.so"), result.bytes);
  CHECK(notes_through_program_headers(edited) == before);
  test::TempDir dir;
  test::write_executable(dir / "libqt_plugin.so", result.bytes);
  CHECK(run("readelf -nW " + dir.path() + "/libqt_plugin.so | grep -q 'qt-project!'").status == 0);
  CHECK(run("readelf -lW " + dir.path() + "/libqt_plugin.so 2>&1 | grep -qi warning").status != 0);
  auto loaded = run("python3 -c 'import ctypes, sys; print(ctypes.CDLL(sys.argv[1]).plugin_answer())' " + dir.path() +
                    "/libqt_plugin.so");
  CHECK(loaded.output == "42\n");
}

TEST_CASE("programs keep every note reachable through their program headers (ABI tag, properties)") {
  for (const char* name : {"uses_lib_bfd", "uses_lib_lld", "greet_gold", "greet_bfd_pie", "greet_bfd_nopie"}) {
    CAPTURE(std::string(name));
    auto before = notes_through_program_headers(elf::ElfImage::load(fixture(name)));
    REQUIRE(before.size() >= 2);
    elf::EditRequest request = runpath_request("$ORIGIN/../lib/x86_64-linux-gnu:$ORIGIN/../lib:/a/longer/one");
    request.interp = "/a/much/longer/path/to/the/loader/ld-linux-x86-64.so.2";
    auto result = edit_fixture(name, request);
    CAPTURE(result.layout);
    CHECK(notes_through_program_headers(elf::ElfImage(fixture(name), result.bytes)) == before);
    CHECK(result.layout != "new PT_LOAD (from a PT_NOTE)");
  }
}

TEST_CASE("a PT_NOTE of nothing but a build ID is taken for the new PT_LOAD") {
  auto result = edit_fixture("libfixture.so", runpath_request("$ORIGIN/../lib/x86_64-linux-gnu:$ORIGIN/../lib"));
  CHECK(result.layout == "new PT_LOAD (from a PT_NOTE)");
  CHECK(notes_through_program_headers(elf::ElfImage(fixture("libfixture.so"), result.bytes)).empty());
}
