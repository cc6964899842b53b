#include <doctest/doctest.h>

#include "pack/app_runpath.hpp"

using namespace onebin;

namespace {

pack::TreeEntry elf_entry(const std::string& path, const std::string& source, std::vector<std::string> rpath,
                          std::vector<std::string> runpath) {
  elf::ElfInfo info;
  info.rpath = std::move(rpath);
  info.runpath = std::move(runpath);
  pack::TreeEntry entry = pack::TreeEntry::file(path, source, 0755, pack::kPackTime);
  entry.elf = info;
  return entry;
}

// An app directory /app whose main program bin/main has the given search path.
pack::AppTree app_with_main(std::vector<std::string> rpath, std::vector<std::string> runpath) {
  pack::AppTree tree;
  tree.app_root = "/app";
  tree.libdir = "onebin-libs";
  tree.entries.push_back(elf_entry("bin/main", "/app/bin/main", std::move(rpath), std::move(runpath)));
  tree.main = 0;
  return tree;
}

}  // namespace

TEST_CASE("$ORIGIN entries are rebased from one directory of the tree to another") {
  CHECK(pack::rebase_origin("$ORIGIN/../lib", "bin", "lib") == "$ORIGIN");
  CHECK(pack::rebase_origin("${ORIGIN}/../lib/extra", "bin", "lib") == "$ORIGIN/extra");
  CHECK(pack::rebase_origin("$ORIGIN", "bin", "lib/plugins") == "$ORIGIN/../../bin");
  CHECK(pack::rebase_origin("$ORIGIN/", "bin", "lib") == "$ORIGIN/../bin");
  CHECK(pack::rebase_origin("$ORIGIN/../lib", "bin", "bin") == "$ORIGIN/../lib");
  CHECK(pack::rebase_origin("$ORIGIN/../$LIB", "bin", "lib") == "$ORIGIN/x86_64-linux-gnu");
  CHECK(pack::rebase_origin("$ORIGIN/lib", ".", "lib") == "$ORIGIN");
  CHECK(pack::rebase_origin("/opt/app/lib", "bin", "lib") == "/opt/app/lib");
  CHECK(pack::rebase_origin("$ORIGINAL/lib", "bin", "lib") == "$ORIGINAL/lib");
}

TEST_CASE("a single program's files find the library directory only") {
  pack::AppTree tree;
  tree.libdir = "lib";
  tree.entries.push_back(elf_entry("bin/tool", "/usr/bin/tool", {"/opt/tool/lib"}, {}));
  tree.entries.push_back(elf_entry("lib/libx.so", "/usr/lib/libx.so", {}, {}));
  CHECK(pack::runpath_for(tree, tree.entries[0]) == "$ORIGIN/../lib");
  CHECK(pack::runpath_for(tree, tree.entries[1]) == "$ORIGIN");
}

TEST_CASE("an app library without a RUNPATH keeps searching the main program's DT_RPATH") {
  pack::AppTree tree = app_with_main({"$ORIGIN/../lib", "/opt/shared"}, {});
  tree.entries.push_back(elf_entry("lib/libA.so", "/app/lib/libA.so", {}, {}));
  tree.entries.push_back(elf_entry("onebin-libs/libz.so.1", "/usr/lib/libz.so.1", {}, {}));
  CHECK(pack::runpath_for(tree, tree.entries[0]) == "$ORIGIN/../onebin-libs:$ORIGIN/../lib:/opt/shared");
  CHECK(pack::runpath_for(tree, tree.entries[1]) == "$ORIGIN/../onebin-libs:$ORIGIN:/opt/shared");
  CHECK(pack::runpath_for(tree, tree.entries[2]) == "$ORIGIN:$ORIGIN/../lib:/opt/shared");
}

TEST_CASE("an app library's own DT_RPATH comes before the main program's") {
  pack::AppTree tree = app_with_main({"$ORIGIN/../lib"}, {});
  tree.entries.push_back(elf_entry("lib/plugins/libp.so", "/app/lib/plugins/libp.so", {"$ORIGIN/private"}, {}));
  CHECK(pack::runpath_for(tree, tree.entries[1]) == "$ORIGIN/../../onebin-libs:$ORIGIN/private:$ORIGIN/..");
}

TEST_CASE("a DT_RUNPATH ends the inheritance, as in ld.so") {
  pack::AppTree own_runpath = app_with_main({"$ORIGIN/../lib"}, {});
  own_runpath.entries.push_back(elf_entry("lib/libA.so", "/app/lib/libA.so", {}, {"$ORIGIN/deps"}));
  CHECK(pack::runpath_for(own_runpath, own_runpath.entries[1]) == "$ORIGIN/../onebin-libs:$ORIGIN/deps");

  pack::AppTree main_runpath = app_with_main({}, {"$ORIGIN/../lib"});
  main_runpath.entries.push_back(elf_entry("lib/libA.so", "/app/lib/libA.so", {}, {}));
  CHECK(pack::runpath_for(main_runpath, main_runpath.entries[0]) == "$ORIGIN/../onebin-libs:$ORIGIN/../lib");
  CHECK(pack::runpath_for(main_runpath, main_runpath.entries[1]) == "$ORIGIN/../onebin-libs");
}
