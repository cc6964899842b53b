#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pack/compiled_paths.hpp"

using namespace onebin;
using namespace std::string_literals;
using Paths = std::vector<std::string>;

TEST_CASE("absolute paths are cut from strings at what ends a path in a message or a format") {
  CHECK(pack::absolute_paths_in("\0/usr/lib/vlc/plugins\0"s) == Paths{"/usr/lib/vlc/plugins"});
  CHECK(pack::absolute_paths_in("cannot open /etc/app.conf: %s\0/usr/share/app/%s.ui\0"s) ==
        Paths{"/usr/share/app", "/etc/app.conf"});
  CHECK(pack::absolute_paths_in("PATH=/opt/app/bin:/var/lib/app/.\0"s) == Paths{"/opt/app/bin", "/var/lib/app"});
}

TEST_CASE("paths inside other paths, and the running system's, are not the app's") {
  CHECK(pack::absolute_paths_in("/usr/local/etc/x\0/proc/self/exe\0/tmp/x\0/home/u/usr/y"s) == Paths{"/usr/local/etc/x"});
  CHECK(pack::absolute_paths_in("/usr/share/../x\0"s).empty());
}
