#include "update/updater.hpp"

#include <curl/curl.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "io/atomic_write.hpp"
#include "pack/packed_file.hpp"
#include "sign/signing.hpp"
#include "update/reply.hpp"

namespace onebin::update {

namespace {

// One URL read in byte ranges; each answer must be exactly the range asked
// (check_range_reply), and every answer must give the file the same size.
class Http {
 public:
  // `protocols`: curl's list of those the URL and its redirects may use;
  // `path`, the file being updated, named in every failure.
  Http(const std::string& path, std::string url, const char* protocols)
      : url_(std::move(url)), failed_(path + ": not updated: " + url_ + ": "), curl_(curl_easy_init()) {
    if (!curl_) throw UpdateError("libcurl cannot start");
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, protocols);
    curl_easy_setopt(curl_, CURLOPT_REDIR_PROTOCOLS_STR, protocols);
  }
  ~Http() { curl_easy_cleanup(curl_); }
  Http(const Http&) = delete;
  Http& operator=(const Http&) = delete;

  // The last `n` bytes (fewer if the file is smaller).
  std::vector<uint8_t> tail(uint64_t n) { return get({0, n, true}); }
  std::vector<uint8_t> range(uint64_t first, uint64_t size) { return get({first, size, false}); }
  uint64_t total() const { return total_; }  // the file's size, once a range is read
  uint64_t downloaded() const { return downloaded_; }

 private:
  static size_t on_body(char* data, size_t, size_t n, void* out) {
    static_cast<std::vector<uint8_t>*>(out)->insert(static_cast<std::vector<uint8_t>*>(out)->end(), data, data + n);
    return n;
  }
  static size_t on_header(char* data, size_t, size_t n, void* out) {
    std::string_view line(data, n);
    if (line.size() > 14 && strncasecmp(line.data(), "Content-Range:", 14) == 0)
      *static_cast<std::string*>(out) = line.substr(14);
    return n;
  }

  std::vector<uint8_t> get(const Asked& asked) {
    if (asked.size == 0) return {};
    std::string range = asked.tail ? "-" + std::to_string(asked.size)
                                   : std::to_string(asked.first) + "-" + std::to_string(asked.first + asked.size - 1);
    std::vector<uint8_t> body;
    std::string content_range;
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl_, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl_, CURLOPT_RANGE, range.c_str());
    curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl_, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &content_range);
    CURLcode code = curl_easy_perform(curl_);
    downloaded_ += body.size();
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK) throw UpdateError(failed_ + (error[0] ? error : curl_easy_strerror(code)));
    if (status != 206) throw UpdateError(failed_ + "the server does not answer byte ranges (HTTP " + std::to_string(status) + ")");
    try {
      uint64_t total = check_range_reply(asked, content_range, body.size());
      if (total_ && total != total_)
        throw ReplyError("the file's size changed from " + std::to_string(total_) + " to " + std::to_string(total) +
                         " bytes during the update");
      total_ = total;
    } catch (const ReplyError& e) {
      throw UpdateError(failed_ + e.what());
    }
    return body;
  }

  std::string url_, failed_;
  CURL* curl_;
  uint64_t total_ = 0, downloaded_ = 0;
};

std::string read_url(const pack::PackedFile& file, const std::string& path) {
  const onebin_archive& a = file.archive();
  if (a.update_url == ONEBIN_NO_ENTRY) throw UpdateError(path + ": names no URL to update from (onebin pack --update-url)");
  std::string url;
  file.read_content(file.entry(a.update_url), [&](const uint8_t* d, size_t n) { url.append(reinterpret_cast<const char*>(d), n); });
  while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
  return url;
}

// The new version as far as its last bytes and its index frame tell it,
// checked as the reader would (all but what needs the rest of the file).
struct NewVersion {
  uint64_t size = 0;
  Tail tail;
  std::vector<uint8_t> index_frame;
  std::unique_ptr<Index> index;
  const onebin_trailer& trailer() const { return tail.trailer; }
  const onebin_archive& archive() const { return index->archive(); }
};

NewVersion fetch_index(Http& http, const std::string& path, const std::string& url) {
  NewVersion n;
  try {
    std::vector<uint8_t> end = http.tail(ONEBIN_FILE_HASH_SIZE + ONEBIN_SIGNATURE_SIZE + ONEBIN_TRAILER_SIZE);
    n.size = http.total();
    n.tail = decode_tail(end, n.size);
    n.index_frame = http.range(n.trailer().index_offset, n.trailer().index_compressed_size);
    n.index = std::make_unique<Index>(n.trailer(), n.index_frame);
  } catch (const ReplyError& e) {
    throw UpdateError(path + ": not updated: " + url + ": " + e.what());
  }
  return n;
}

// Who can hand over the new version: over https the server the URL names,
// over plain http anyone on the network path. A signed file takes only its
// key's versions whatever the transport; an unsigned one needs https, or
// the user's word that the risk is taken. Returns curl's protocol list.
const char* allowed_protocols(const std::string& path, const std::string& url, bool signed_file, bool insecure_http) {
  std::string scheme = url.substr(0, url.find("://"));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
  if (url.find("://") == std::string::npos || (scheme != "http" && scheme != "https"))
    throw UpdateError(path + ": its update URL " + url + " is not http or https");
  if (signed_file || insecure_http) return "http,https";
  if (scheme == "http")
    throw UpdateError(path + ": refused: its update URL " + url +
                      " is plain http and the file is not signed, so anyone on the network path could replace the "
                      "app; use an https URL or sign the file, or take that risk with --insecure-http");
  return "https";
}

// No rollback: a version packed at the same time or earlier than FILE is an
// old one (a server, or someone on the way, serving it again), signed or not.
void check_packed_later(const std::string& path, const std::string& url, const onebin_archive& old,
                        const onebin_archive& next) {
  if (next.header.packed > old.header.packed) return;
  throw UpdateError(path + ": refused: the version at " + url + " was packed at " +
                    pack::packed_time_text(next.header.packed) + ", not after this file's " +
                    pack::packed_time_text(old.header.packed) + " (an older version, or this one again)");
}

// Writes `size` bytes at `at` of the new version's descriptor.
void put(int fd, uint64_t at, const uint8_t* data, size_t size) {
  for (size_t done = 0; done < size;) {
    ssize_t n = pwrite(fd, data + done, size - done, static_cast<off_t>(at + done));
    if (n <= 0) throw UpdateError(std::string("cannot write the new version: ") + std::strerror(errno));
    done += static_cast<size_t>(n);
  }
}

// The new version's frames: from the old file where it has the same frame,
// else downloaded, adjacent ones in one request (its size checked by Http).
void fill_frames(Http& http, int out, const onebin_archive& old, const NewVersion& n) {
  std::map<FrameKey, uint64_t> have;
  for (const Frame& f : frames_of(old)) have.emplace(f.key, f.data);
  std::vector<Frame> missing;
  uint64_t payload = n.trailer().payload_offset;
  for (const Frame& f : frames_of(n.archive())) {
    auto found = have.find(f.key);
    if (found != have.end()) put(out, payload + f.data, old.file + old.trailer.payload_offset + found->second, f.size);
    else missing.push_back(f);
  }
  for (size_t i = 0; i < missing.size();) {
    size_t j = i + 1;
    while (j < missing.size() && missing[j].data == missing[j - 1].data + missing[j - 1].size) ++j;
    uint64_t first = missing[i].data, size = missing[j - 1].data + missing[j - 1].size - first;
    std::vector<uint8_t> bytes = http.range(payload + first, size);
    put(out, payload + first, bytes.data(), bytes.size());
    i = j;
  }
}

}  // namespace

Updated update_file(const std::string& path, const Options& options) {
  std::string target = io::in_place_target(path);  // a link stays, its target is updated
  pack::PackedFile old(target);
  std::string url = read_url(old, path);
  struct stat st {};
  if (stat(target.c_str(), &st) != 0) throw UpdateError(path + ": " + std::strerror(errno));
  std::optional<sign::PublicKey> old_key = sign::signer_key(target);
  Http http(path, url, allowed_protocols(path, url, old_key.has_value(), options.insecure_http));
  Updated result;
  NewVersion n = fetch_index(http, path, url);
  result.size = n.size;
  const onebin_archive& a = old.archive();
  if (n.size == a.file_size && !std::memcmp(n.tail.blocks.data() + n.tail.blocks.size() - ONEBIN_TRAILER_SIZE,
                                            a.file + a.file_size - ONEBIN_TRAILER_SIZE, ONEBIN_TRAILER_SIZE)) {
    result.downloaded = http.downloaded();
    result.current = true;
    return result;
  }
  check_packed_later(path, url, a, n.archive());
  // Beside the file, renamed over it only once read back whole: a failure or
  // a signal removes it and the file stays as it was.
  auto produce = [&](int out) {
    if (ftruncate(out, static_cast<off_t>(n.size)) != 0)
      throw UpdateError(path + ": no room for the new version: " + std::strerror(errno));
    uint64_t stub_size = n.trailer().payload_offset;
    if (a.header.stub_hash == n.archive().header.stub_hash && a.trailer.payload_offset == stub_size)
      put(out, 0, a.file, stub_size);
    else
      put(out, 0, http.range(0, stub_size).data(), stub_size);
    fill_frames(http, out, a, n);
    put(out, n.trailer().index_offset, n.index_frame.data(), n.index_frame.size());
    put(out, n.size - n.tail.blocks.size(), n.tail.blocks.data(), n.tail.blocks.size());
  };
  auto check = [&](const std::string& temp) {
    try {
      pack::PackedFile(temp).check_every_file();
      if (old_key) sign::check_signature_by(temp, *old_key, "the key that signed " + path);
    } catch (const std::exception& e) {
      throw UpdateError(std::string("the new version from ") + url + " is refused, " + path + " stays as it was: " + e.what());
    }
  };
  io::write_descriptor_atomically(target, produce, st.st_mode & 07777, check);
  result.downloaded = http.downloaded();
  return result;
}

}  // namespace onebin::update
