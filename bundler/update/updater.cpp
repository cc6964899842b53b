#include "update/updater.hpp"

#include <curl/curl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "../../formats/signature.h"
#include "../../formats/xxh64.h"
#include "io/atomic_write.hpp"
#include "pack/packed_file.hpp"
#include "sign/signing.hpp"

namespace onebin::update {

namespace {

// One URL read in byte ranges; each answer must be the range asked (206).
class Http {
 public:
  explicit Http(std::string url) : url_(std::move(url)), curl_(curl_easy_init()) {
    if (!curl_) throw UpdateError("libcurl cannot start");
  }
  ~Http() { curl_easy_cleanup(curl_); }
  Http(const Http&) = delete;
  Http& operator=(const Http&) = delete;

  // The last `n` bytes; `total` set to the file's size.
  std::vector<uint8_t> tail(uint64_t n, uint64_t& total) { return get("-" + std::to_string(n), &total); }
  std::vector<uint8_t> range(uint64_t first, uint64_t size) {
    return get(std::to_string(first) + "-" + std::to_string(first + size - 1), nullptr);
  }
  uint64_t downloaded() const { return downloaded_; }

 private:
  static size_t on_body(char* data, size_t, size_t n, void* out) {
    static_cast<std::vector<uint8_t>*>(out)->insert(static_cast<std::vector<uint8_t>*>(out)->end(), data, data + n);
    return n;
  }
  static size_t on_header(char* data, size_t, size_t n, void* out) {
    std::string line(data, n);
    if (line.size() > 14 && strncasecmp(line.c_str(), "Content-Range:", 14) == 0 && line.find('/') != std::string::npos)
      *static_cast<std::string*>(out) = line.substr(line.find('/') + 1);
    return n;
  }

  std::vector<uint8_t> get(const std::string& range, uint64_t* total) {
    std::vector<uint8_t> body;
    std::string whole;
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl_, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl_, CURLOPT_RANGE, range.c_str());
    curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl_, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &whole);
    CURLcode code = curl_easy_perform(curl_);
    downloaded_ += body.size();
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK) throw UpdateError(url_ + ": " + (error[0] ? error : curl_easy_strerror(code)));
    if (status != 206) throw UpdateError(url_ + ": the server does not answer byte ranges (HTTP " + std::to_string(status) + ")");
    if (total) *total = std::strtoull(whole.c_str(), nullptr, 10);
    return body;
  }

  std::string url_;
  CURL* curl_;
  uint64_t downloaded_ = 0;
};

// A frame's identity, as far as the index says: its compressed size and the
// files in it (hash, size, place in the frame); the same in two versions means
// the same content, checked by the hashes after the new file is put together.
using FrameKey = std::string;

struct Frame {
  uint64_t data = 0, size = 0;  // relative to payload_offset
  FrameKey key;
};

std::vector<Frame> frames_of(const onebin_archive& a) {
  std::map<uint64_t, Frame> by_offset;
  for (uint32_t i = 0; i < a.header.entry_count; ++i) {
    onebin_entry e{};
    onebin_entry_at(&a, i, &e);
    if (e.type != ONEBIN_FILE || e.data_size == 0) continue;
    Frame& f = by_offset[e.data];
    f.data = e.data, f.size = e.data_size;
    if (f.key.empty()) f.key = std::to_string(e.data_size);
    f.key += ":" + std::to_string(e.hash) + "," + std::to_string(e.size) + "," + std::to_string(e.frame_offset) + "," +
             std::to_string(e.flags & ONEBIN_SHARED_FRAME);
  }
  std::vector<Frame> frames;
  for (auto& [offset, frame] : by_offset) frames.push_back(std::move(frame));
  return frames;
}

std::string read_url(const pack::PackedFile& file, const std::string& path) {
  const onebin_archive& a = file.archive();
  if (a.update_url == ONEBIN_NO_ENTRY) throw UpdateError(path + ": names no URL to update from (onebin pack --update-url)");
  std::string url;
  file.read_content(file.entry(a.update_url), [&](const uint8_t* d, size_t n) { url.append(reinterpret_cast<const char*>(d), n); });
  while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
  return url;
}

// The new version's index, decoded as the reader would (its hash checked).
struct NewIndex {
  onebin_trailer trailer{};
  std::vector<uint8_t> end, trailer_bytes, index_frame, index;  // end: the file's last bytes (the blocks, the trailer)
  onebin_archive view{};  // only `index` and `header.entry_count` set: enough for onebin_entry_at
};

NewIndex fetch_index(Http& http, const std::string& url, uint64_t& total) {
  NewIndex n;
  n.end = http.tail(ONEBIN_FILE_HASH_SIZE + ONEBIN_SIGNATURE_SIZE + ONEBIN_TRAILER_SIZE, total);
  if (n.end.size() < ONEBIN_TRAILER_SIZE) throw UpdateError(url + ": not a onebin file (too small)");
  n.trailer_bytes.assign(n.end.end() - ONEBIN_TRAILER_SIZE, n.end.end());
  if (const char* error = onebin_trailer_decode(n.trailer_bytes.data(), total, &n.trailer)) throw UpdateError(url + ": " + error);
  n.index_frame = http.range(n.trailer.index_offset, n.trailer.index_compressed_size);
  n.index.resize(n.trailer.index_size);
  size_t size = ZSTD_decompress(n.index.data(), n.index.size(), n.index_frame.data(), n.index_frame.size());
  if (ZSTD_isError(size) || size != n.index.size() || onebin_xxh64(n.index.data(), size, 0) != n.trailer.index_hash)
    throw UpdateError(url + ": corrupted index");
  n.view.index = n.index.data();
  std::memcpy(&n.view.header.entry_count, n.index.data(), 4);
  std::memcpy(&n.view.header.stub_hash, n.index.data() + 16, 8);
  if (ONEBIN_INDEX_HEADER_SIZE + uint64_t{n.view.header.entry_count} * ONEBIN_ENTRY_SIZE > n.index.size())
    throw UpdateError(url + ": corrupted index");
  return n;
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
// else downloaded, adjacent ones in one request.
void fill_frames(Http& http, int out, const onebin_archive& old, const NewIndex& n) {
  std::map<FrameKey, uint64_t> have;
  for (const Frame& f : frames_of(old)) have.emplace(f.key, f.data);
  std::vector<Frame> missing;
  for (const Frame& f : frames_of(n.view)) {
    auto found = have.find(f.key);
    if (found != have.end()) put(out, n.trailer.payload_offset + f.data, old.file + old.trailer.payload_offset + found->second, f.size);
    else missing.push_back(f);
  }
  for (size_t i = 0; i < missing.size();) {
    size_t j = i + 1;
    while (j < missing.size() && missing[j].data == missing[j - 1].data + missing[j - 1].size) ++j;
    uint64_t first = missing[i].data, size = missing[j - 1].data + missing[j - 1].size - first;
    std::vector<uint8_t> bytes = http.range(n.trailer.payload_offset + first, size);
    if (bytes.size() != size) throw UpdateError("short answer for bytes " + std::to_string(first) + "-");
    put(out, n.trailer.payload_offset + first, bytes.data(), bytes.size());
    i = j;
  }
}

}  // namespace

Updated update_file(const std::string& path) {
  pack::PackedFile old(path);
  std::string url = read_url(old, path);
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) throw UpdateError(path + ": " + std::strerror(errno));
  std::optional<sign::PublicKey> old_key = sign::signer_key(path);
  Http http(url);
  Updated result;
  NewIndex n = fetch_index(http, url, result.size);
  const onebin_archive& a = old.archive();
  if (result.size == a.file_size && !std::memcmp(n.trailer_bytes.data(), a.file + a.file_size - ONEBIN_TRAILER_SIZE, ONEBIN_TRAILER_SIZE)) {
    result.downloaded = http.downloaded();
    result.current = true;
    return result;
  }
  // Beside FILE, renamed over it only once read back whole: a failure or a
  // signal removes it and FILE stays as it was.
  auto produce = [&](int out) {
    if (ftruncate(out, static_cast<off_t>(result.size)) != 0)
      throw UpdateError(path + ": no room for the new version: " + std::strerror(errno));
    if (a.header.stub_hash == n.view.header.stub_hash && a.trailer.payload_offset == n.trailer.payload_offset)
      put(out, 0, a.file, a.trailer.payload_offset);
    else
      put(out, 0, http.range(0, n.trailer.payload_offset).data(), n.trailer.payload_offset);
    fill_frames(http, out, a, n);
    put(out, n.trailer.index_offset, n.index_frame.data(), n.index_frame.size());
    put(out, result.size - n.end.size(), n.end.data(), n.end.size());  // the file hash, signature block if any, trailer
  };
  auto check = [&](const std::string& temp) {
    try {
      pack::PackedFile(temp).check_every_file();
      if (old_key) sign::check_signature_by(temp, *old_key, "the key that signed " + path);
    } catch (const std::exception& e) {
      throw UpdateError(std::string("the new version from ") + url + " is refused, " + path + " stays as it was: " + e.what());
    }
  };
  io::write_descriptor_atomically(path, produce, st.st_mode & 07777, check);
  result.downloaded = http.downloaded();
  return result;
}

}  // namespace onebin::update
