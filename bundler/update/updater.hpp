// `onebin update FILE`: the next version of a packed file from the URL it
// names (pack --update-url), downloading with HTTP range requests only the
// frames this version lacks, checked, then put in FILE's place atomically.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace onebin::update {

struct UpdateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Updated {
  uint64_t size = 0;        // bytes of the new version
  uint64_t downloaded = 0;  // bytes of it downloaded (the rest came from FILE)
  bool current = false;     // FILE is that version already: nothing changed
};

struct Options {
  // An unsigned file's update over plain http: anyone on the network path
  // can hand over another program. Refused unless this is set.
  bool insecure_http = false;
};

// FILE may be a symbolic link: its target is updated, the link stays.
Updated update_file(const std::string& path, const Options& options = {});

}  // namespace onebin::update
