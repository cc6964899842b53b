#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "../../formats/container.h"
#include "../../formats/signature.h"
#include "../../formats/libraries.h"
#include "../../formats/writer.h"
#include "../../formats/xxh64.h"
#include "elf_test_support.hpp"

using namespace onebin;

TEST_CASE("XXH64 agrees with the xxhsum tool") {
  test::TempDir dir;
  for (size_t length : {0, 1, 3, 4, 7, 8, 31, 32, 33, 100, 1000, 4099}) {
    CAPTURE(length);
    std::vector<uint8_t> data(length);
    for (size_t i = 0; i < length; ++i) data[i] = static_cast<uint8_t>(i * 31 + 7);
    test::write_executable(dir / "data", data);
    // xxhsum prints the canonical (big-endian) hex form.
    // stderr dropped: xxhsum writes a progress line there.
    std::string out = test::run("sh -c 'xxhsum -H64 " + dir.path() + "/data 2>/dev/null'").output;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(onebin_xxh64(data.data(), length, 0)));
    CHECK(out.substr(0, 16) == hex);
  }
}

namespace {

struct Entry {
  std::string path;
  onebin_type type;
  std::string content;
  uint16_t flags = 0;
  uint8_t family = 0;
  uint32_t mode = 0644;
  uint64_t size = UINT64_MAX;  // the declared size, when not the content's
};

// A container with a 16-byte stand-in for the stub, written with the
// format's own writer (formats/writer.h) into a memfd and read back.
std::vector<uint8_t> make_container(const std::vector<Entry>& entries, uint32_t cache = ONEBIN_CACHE_AUTO,
                                    uint32_t packed = 0) {
  int fd = memfd_create("container", MFD_CLOEXEC);
  REQUIRE(fd >= 0);
  onebin_writer writer;
  std::vector<uint8_t> stub(16, 0xAA);
  REQUIRE(onebin_writer_start(&writer, fd, stub.data(), stub.size()) == 0);
  std::string strings;
  std::vector<onebin_entry> records;
  for (const auto& e : entries) {
    onebin_entry r{};
    r.type = e.type;
    r.flags = e.flags;
    r.family = e.family;
    r.mode = e.mode;
    r.path = static_cast<uint32_t>(strings.size());
    r.path_size = static_cast<uint32_t>(e.path.size());
    strings += e.path;
    r.size = e.size == UINT64_MAX ? e.content.size() : e.size;
    r.hash = onebin_xxh64(e.content.data(), e.content.size(), 0);
    r.data = writer.payload_size;
    if (!e.content.empty()) {
      std::vector<uint8_t> frame(ZSTD_compressBound(e.content.size()));
      frame.resize(ZSTD_compress(frame.data(), frame.size(), e.content.data(), e.content.size(), 3));
      REQUIRE(onebin_writer_add(&writer, frame.data(), frame.size(), &r.data) == 0);
      r.data_size = frame.size();
    }
    records.push_back(r);
  }
  onebin_index_header header{static_cast<uint32_t>(records.size()), static_cast<uint32_t>(strings.size()), 0, 0, 0, cache, packed};
  REQUIRE(onebin_writer_finish(&writer, header, records.data(), strings.data(), 3) == 0);
  std::vector<uint8_t> out(writer.written);
  REQUIRE(pread(fd, out.data(), out.size(), 0) == static_cast<ssize_t>(out.size()));
  close(fd);
  return out;
}

std::string open_error(const std::vector<uint8_t>& bytes) {
  onebin_archive archive;
  const char* error = onebin_open(bytes.data(), bytes.size(), &archive);
  if (!error) onebin_close(&archive);
  return error ? error : "";
}

const std::vector<Entry> kGood = {{"bin", ONEBIN_DIR, ""}, {"bin/app", ONEBIN_FILE, "program bytes"}, {"empty", ONEBIN_FILE, ""}};

}  // namespace

TEST_CASE("a well-formed container opens and every file reads back") {
  auto bytes = make_container(kGood);
  onebin_archive archive;
  REQUIRE(onebin_open(bytes.data(), bytes.size(), &archive) == nullptr);
  CHECK(archive.header.entry_count == 3);
  onebin_entry e;
  onebin_entry_at(&archive, 1, &e);
  std::string content(e.size, '\0');
  CHECK(onebin_read_entry(&archive, &e, content.data()) == nullptr);
  CHECK(content == "program bytes");
  onebin_close(&archive);
}

TEST_CASE("every truncation and every flipped trailer byte is refused") {
  auto bytes = make_container(kGood);
  for (size_t cut = 1; cut < bytes.size(); ++cut)
    CHECK_FALSE(open_error({bytes.begin(), bytes.end() - cut}).empty());
  for (size_t i = bytes.size() - ONEBIN_TRAILER_SIZE; i < bytes.size(); ++i) {
    auto damaged = bytes;
    damaged[i] ^= 0x40;
    CHECK_FALSE(open_error(damaged).empty());
  }
}

TEST_CASE("reasons name what is wrong") {
  auto bytes = make_container(kGood);
  CHECK(open_error({1, 2, 3}) == "not a onebin file (too small)");
  auto padded = bytes;
  padded.insert(padded.end(), 10, 0);
  CHECK(open_error(padded) == "not a onebin file (no trailer)");
  auto flipped = bytes;
  flipped[20] ^= 1;  // file data of bin/app
  onebin_archive archive;
  REQUIRE(onebin_open(flipped.data(), flipped.size(), &archive) == nullptr);
  onebin_entry e;
  onebin_entry_at(&archive, 1, &e);
  std::string content(e.size, '\0');
  CHECK(std::string(onebin_read_entry(&archive, &e, content.data())).find("corrupted file data") == 0);
  onebin_close(&archive);
}

TEST_CASE("a newer format version is refused as such") {
  auto bytes = make_container(kGood);
  uint8_t* trailer = bytes.data() + bytes.size() - ONEBIN_TRAILER_SIZE;
  onebin_trailer t{};
  REQUIRE(onebin_trailer_decode(trailer, bytes.size(), &t) == nullptr);
  t.version = ONEBIN_FORMAT_VERSION + 1;
  onebin_trailer_encode(&t, trailer);
  CHECK(open_error(bytes).find("unsupported format version") == 0);
}

TEST_CASE("a signed file's trailer counts the signature block, an unknown trailer flag is refused") {
  auto bytes = make_container(kGood);
  onebin_trailer t{};
  REQUIRE(onebin_trailer_decode(bytes.data() + bytes.size() - ONEBIN_TRAILER_SIZE, bytes.size(), &t) == nullptr);
  std::vector<uint8_t> signed_file(bytes.begin(), bytes.end() - ONEBIN_TRAILER_SIZE);
  signed_file.insert(signed_file.end(), ONEBIN_SIGNATURE_SIZE, 0);
  t.flags = ONEBIN_SIGNED;
  uint8_t trailer[ONEBIN_TRAILER_SIZE];
  onebin_trailer_encode(&t, trailer);
  signed_file.insert(signed_file.end(), trailer, trailer + sizeof trailer);
  onebin_trailer read{};
  CHECK(onebin_trailer_decode(trailer, signed_file.size(), &read) == nullptr);
  CHECK(onebin_signature_offset(&read) == bytes.size() - ONEBIN_TRAILER_SIZE);
  CHECK(open_error(signed_file).empty());
  CHECK(std::string(onebin_trailer_decode(trailer, bytes.size(), &read)).find("truncated or padded") == 0);
  t.flags = 2;
  onebin_trailer_encode(&t, trailer);
  CHECK(std::string(onebin_trailer_decode(trailer, signed_file.size(), &read)) == "unsupported format flags");
}

TEST_CASE("the file hash block covers every byte before it") {
  auto bytes = make_container(kGood);
  onebin_archive archive;
  REQUIRE(onebin_open(bytes.data(), bytes.size(), &archive) == nullptr);
  uint64_t hashed = 0, expected = 0;
  REQUIRE(onebin_file_hash(&archive, &hashed, &expected) == nullptr);
  CHECK(hashed == bytes.size() - ONEBIN_FILE_HASH_SIZE - ONEBIN_TRAILER_SIZE);
  CHECK(expected == onebin_xxh64(bytes.data(), hashed, 0));
  onebin_close(&archive);
  auto reserved = bytes;
  reserved[hashed + 8] = 1;
  REQUIRE(onebin_open(reserved.data(), reserved.size(), &archive) == nullptr);
  CHECK(std::string(onebin_file_hash(&archive, &hashed, &expected)) == "corrupted file hash block (reserved bytes set)");
  onebin_close(&archive);
}

TEST_CASE("a signature block reads back as written; damaged or unknown blocks are refused") {
  onebin_signature s{ONEBIN_SIGNATURE_ED25519PH, {}, {}};
  for (unsigned i = 0; i < ONEBIN_PUBLIC_KEY_SIZE; ++i) s.public_key[i] = static_cast<uint8_t>(i);
  for (unsigned i = 0; i < ONEBIN_SIGNATURE_BYTES; ++i) s.signature[i] = static_cast<uint8_t>(200 - i);
  uint8_t block[ONEBIN_SIGNATURE_SIZE];
  onebin_signature_encode(&s, block);
  onebin_signature read{};
  REQUIRE(onebin_signature_decode(block, &read) == nullptr);
  CHECK(std::memcmp(read.public_key, s.public_key, sizeof s.public_key) == 0);
  CHECK(std::memcmp(read.signature, s.signature, sizeof s.signature) == 0);
  auto damaged = [&](unsigned at) {
    uint8_t copy[ONEBIN_SIGNATURE_SIZE];
    std::memcpy(copy, block, sizeof copy);
    copy[at] ^= 1;
    const char* error = onebin_signature_decode(copy, &read);
    return std::string(error ? error : "");
  };
  CHECK(damaged(0) == "corrupted signature block (no magic)");
  CHECK(damaged(8) == "unsupported signature algorithm");
  CHECK(damaged(13) == "corrupted signature block (reserved bytes set)");
  CHECK(damaged(ONEBIN_SIGNATURE_SIZE - 1) == "corrupted signature block (reserved bytes set)");
}

TEST_CASE("unsafe or unordered trees are refused") {
  CHECK(open_error(make_container({{"../escape", ONEBIN_FILE, "x"}})) == "corrupted index (unsafe path)");
  CHECK(open_error(make_container({{"/abs", ONEBIN_FILE, "x"}})) == "corrupted index (unsafe path)");
  CHECK(open_error(make_container({{"a//b", ONEBIN_FILE, "x"}})) == "corrupted index (unsafe path)");
  CHECK(open_error(make_container({{"b", ONEBIN_FILE, "x"}, {"a", ONEBIN_FILE, "y"}})) ==
        "corrupted index (paths not sorted or not unique)");
  CHECK(open_error(make_container({{"a", ONEBIN_FILE, "x"}, {"a", ONEBIN_FILE, "y"}})) ==
        "corrupted index (paths not sorted or not unique)");
  // A file under a path that is not a directory entry (a symlink, say) could write outside the root.
  CHECK(open_error(make_container({{"link", ONEBIN_FILE, "x"}, {"link/file", ONEBIN_FILE, "y"}})) ==
        "corrupted index (parent is not a directory)");
}

TEST_CASE("version numbers compare like versions") {
  CHECK(onebin_version_parse("2.34") == (2u << 20 | 34u << 10));
  CHECK(onebin_version_parse("3.4.30") > onebin_version_parse("3.4.9"));
  CHECK(onebin_version_parse("2.41") > onebin_version_parse("2.9"));
  CHECK(onebin_version_parse("PRIVATE") == 0);
}

TEST_CASE("library versions are read from real file names") {
  CHECK(onebin_file_name_version("libz.so.1.2.13") == onebin_version_parse("1.2.13"));
  CHECK(onebin_file_name_version("libelf-0.188.so") == onebin_version_parse("0.188"));
  CHECK(onebin_file_name_version("libzstd.so.1.5.4") > onebin_file_name_version("libzstd.so.1.4.8"));
  CHECK(onebin_file_name_version("libfoo.so") == 0);
}

TEST_CASE("an entry's modification time survives encoding, before 1970 too") {
  for (int64_t ns : {int64_t{1700000000123456789}, int64_t{-1500000001}, int64_t{0}}) {
    onebin_entry e{};
    e.mtime_ns = ns;
    uint8_t bytes[ONEBIN_ENTRY_SIZE];
    onebin_entry_encode(&e, bytes);
    onebin_archive archive{};
    std::vector<uint8_t> index(ONEBIN_INDEX_HEADER_SIZE + ONEBIN_ENTRY_SIZE);
    std::copy(bytes, bytes + ONEBIN_ENTRY_SIZE, index.begin() + ONEBIN_INDEX_HEADER_SIZE);
    archive.index = index.data();
    onebin_entry back{};
    onebin_entry_at(&archive, 0, &back);
    CHECK(back.mtime_ns == ns);
    struct timespec times[2];
    onebin_entry_times(&back, times);
    CHECK(times[0].tv_nsec == UTIME_OMIT);
    CHECK(static_cast<int64_t>(times[1].tv_sec) * 1000000000 + times[1].tv_nsec == ns);
    CHECK(times[1].tv_nsec >= 0);
    CHECK(times[1].tv_nsec < 1000000000);
  }
}

TEST_CASE("flags and families this reader does not know are refused, as are misplaced templates and data directories") {
  auto with = [](uint16_t flags, uint8_t family, onebin_type type) {
    return make_container({{"bin", ONEBIN_DIR, ""}, {"bin/app", type, type == ONEBIN_FILE ? "bytes" : "", flags, family}});
  };
  CHECK(open_error(with(0, ONEBIN_FAMILY_HOST, ONEBIN_FILE)) == "");
  CHECK(open_error(with(ONEBIN_TEMPLATE | ONEBIN_ENVIRONMENT, 0, ONEBIN_FILE)) == "");
  CHECK(open_error(with(ONEBIN_KNOWN_FLAGS + 1, 0, ONEBIN_FILE)) == "corrupted index (unknown entry flags)");
  CHECK(open_error(with(ONEBIN_DATA_DIR, 0, ONEBIN_DIR)) == "");
  CHECK(open_error(with(ONEBIN_DATA_DIR, 0, ONEBIN_FILE)) == "corrupted index (data directory that is no directory)");
  CHECK(open_error(with(ONEBIN_HOST_LIBRARIES, 0, ONEBIN_FILE)) == "");
  CHECK(open_error(with(ONEBIN_HOST_LIBRARIES, 0, ONEBIN_SYMLINK)) == "corrupted index (a file onebin writes that is no plain file)");
  CHECK(open_error(with(0, ONEBIN_FAMILY_HOST + 1, ONEBIN_FILE)) == "corrupted index (unknown library family)");
  CHECK(open_error(with(ONEBIN_TEMPLATE, 0, ONEBIN_DIR)) == "corrupted index (a file onebin writes that is no plain file)");
}

TEST_CASE("a mode with bits beyond the permission bits is refused") {
  CHECK(open_error(make_container({{"bin", ONEBIN_DIR, "", 0, 0, 07777}})) == "");
  CHECK(open_error(make_container({{"bin", ONEBIN_DIR, "", 0, 0, 010000}})) == "corrupted index (bad mode)");
  CHECK(open_error(make_container({{"bin", ONEBIN_DIR, "", 0, 0, 0xFFFFFFFF}})) == "corrupted index (bad mode)");
}

TEST_CASE("a declared size the file's frames do not add up to is refused before anything is allocated") {
  for (uint64_t size : {uint64_t{1} << 62, uint64_t{6}, uint64_t{4}}) {
    auto bytes = make_container({{"bin", ONEBIN_DIR, ""}, {"bin/app", ONEBIN_FILE, "bytes", 0, 0, 0755, size}});
    onebin_archive archive;
    REQUIRE(onebin_open(bytes.data(), bytes.size(), &archive) == nullptr);
    onebin_entry e;
    onebin_entry_at(&archive, 1, &e);
    CHECK(e.size == size);
    CHECK(std::string(onebin_check_frames(&archive, &e)) == "corrupted index (size does not match the file's frames)");
    onebin_close(&archive);
  }
  auto good = make_container(kGood);
  onebin_archive archive;
  REQUIRE(onebin_open(good.data(), good.size(), &archive) == nullptr);
  for (uint32_t i = 0; i < archive.header.entry_count; ++i) {
    onebin_entry e;
    onebin_entry_at(&archive, i, &e);
    CHECK(onebin_check_frames(&archive, &e) == nullptr);
  }
  onebin_close(&archive);
}

TEST_CASE("a path longer than ONEBIN_PATH_MAX is refused") {
  std::string name(ONEBIN_PATH_MAX - 4, 'x');
  CHECK(open_error(make_container({{"bin", ONEBIN_DIR, ""}, {"bin/" + name, ONEBIN_FILE, "bytes"}})) == "");
  CHECK(open_error(make_container({{"bin", ONEBIN_DIR, ""}, {"bin/" + name + "y", ONEBIN_FILE, "bytes"}})) ==
        "corrupted index (path too long)");
}

TEST_CASE("XXH64 over pieces equals XXH64 of the whole") {
  std::vector<uint8_t> data(1000);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i * 131 + 7);
  for (size_t piece : {1, 3, 31, 32, 33, 100, 1000}) {
    for (size_t size : {0, 5, 31, 32, 64, 999, 1000}) {
      onebin_xxh64_state state;
      onebin_xxh64_init(&state, 0);
      for (size_t at = 0; at < size; at += piece) onebin_xxh64_update(&state, data.data() + at, std::min(piece, size - at));
      CHECK(onebin_xxh64_digest(&state) == onebin_xxh64(data.data(), size, 0));
    }
  }
}

TEST_CASE("a flag one entry at most may have is refused on a second entry") {
  CHECK(open_error(make_container({{"a", ONEBIN_DIR, "", ONEBIN_DATA_DIR}, {"b", ONEBIN_DIR, ""}})) == "");
  CHECK(open_error(make_container({{"a", ONEBIN_DIR, "", ONEBIN_DATA_DIR}, {"b", ONEBIN_DIR, "", ONEBIN_DATA_DIR}})) ==
        "corrupted index (a flag that one entry at most may have is on two)");
  CHECK(open_error(make_container({{"a", ONEBIN_FILE, "x", ONEBIN_HOST_LIBRARIES}, {"b", ONEBIN_FILE, "y", ONEBIN_HOST_LIBRARIES}})) ==
        "corrupted index (a flag that one entry at most may have is on two)");
}

TEST_CASE("the writer reports a full disk") {
  int fd = open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  onebin_writer writer;
  std::vector<uint8_t> stub(16, 0xAA);
  CHECK(onebin_writer_start(&writer, fd, stub.data(), stub.size()) == ENOSPC);
  uint64_t data = 0;
  CHECK(onebin_writer_add(&writer, stub.data(), stub.size(), &data) == ENOSPC);
  close(fd);
}

TEST_CASE("version numbers read the same in the packer and the stub") {
  char text[32];
  CHECK(std::string(onebin_version_text(onebin_version_parse("2.36"), text)) == "2.36");
  CHECK(std::string(onebin_version_text(onebin_version_parse("3.4.30"), text)) == "3.4.30");
  CHECK(std::string(onebin_version_text(0, text)) == "none");
}

TEST_CASE("every family the reader accepts has a name, and the next one is refused") {
  for (unsigned family = 0; family < ONEBIN_FAMILY_COUNT; ++family) REQUIRE(onebin_family_info(family) != nullptr);
  CHECK(std::string(onebin_family_info(ONEBIN_FAMILY_GLIBC)->version_prefix) == "GLIBC_");
  CHECK(onebin_family_info(ONEBIN_FAMILY_COUNT) == nullptr);
  CHECK(open_error(make_container({{"lib", ONEBIN_FILE, "x", 0, ONEBIN_FAMILY_COUNT}})) ==
        "corrupted index (unknown library family)");
}

TEST_CASE("the launch's cache mode is one the stub knows") {
  for (uint32_t mode : {ONEBIN_CACHE_AUTO, ONEBIN_CACHE_NEVER, ONEBIN_CACHE_ALWAYS}) {
    auto bytes = make_container(kGood, mode);
    onebin_archive archive;
    REQUIRE(onebin_open(bytes.data(), bytes.size(), &archive) == nullptr);
    CHECK(archive.header.cache == mode);
    onebin_close(&archive);
  }
  CHECK(open_error(make_container(kGood, ONEBIN_CACHE_ALWAYS + 1)) == "corrupted index (unknown cache mode)");
}

TEST_CASE("the pack time reads back as written, any value") {
  for (uint32_t packed : {0u, 1000000000u, UINT32_MAX}) {
    auto bytes = make_container(kGood, ONEBIN_CACHE_AUTO, packed);
    onebin_archive archive;
    REQUIRE(onebin_open(bytes.data(), bytes.size(), &archive) == nullptr);
    CHECK(archive.header.packed == packed);
    onebin_close(&archive);
  }
}

// onebin update has a new version's trailer and index frame before the file.
TEST_CASE("an index alone opens with the reader's checks, but the stub's hash") {
  auto bytes = make_container(kGood, ONEBIN_CACHE_AUTO, 1234);
  onebin_trailer trailer;
  REQUIRE(onebin_trailer_decode(bytes.data() + bytes.size() - ONEBIN_TRAILER_SIZE, bytes.size(), &trailer) == nullptr);
  bytes[0] ^= 1;  // the stub: not the index's to check
  onebin_archive archive;
  REQUIRE(onebin_open_index(&trailer, bytes.data() + trailer.index_offset, &archive) == nullptr);
  CHECK(archive.file == nullptr);
  CHECK(archive.header.entry_count == 3);
  CHECK(archive.header.packed == 1234);
  onebin_close(&archive);
  auto unsorted = make_container({{"b", ONEBIN_FILE, "x"}, {"a", ONEBIN_FILE, "y"}});
  REQUIRE(onebin_trailer_decode(unsorted.data() + unsorted.size() - ONEBIN_TRAILER_SIZE, unsorted.size(), &trailer) == nullptr);
  CHECK(std::string(onebin_open_index(&trailer, unsorted.data() + trailer.index_offset, &archive)) ==
        "corrupted index (paths not sorted or not unique)");
}
