#include "cli/archive_commands.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "../../formats/extract_target.h"
#include "../../formats/libraries.h"
#include "io/atomic_write.hpp"
#include "pack/desktop_files.hpp"
#include "pack/packed_file.hpp"
#include "sign/signing.hpp"

namespace onebin::cli {

namespace {

const char* type_name(uint8_t type) {
  return type == ONEBIN_DIR ? "dir" : type == ONEBIN_SYMLINK ? "symlink" : "file";
}

std::string version_text(uint32_t version) {
  char text[32];
  return onebin_version_text(version, text);
}

// The reader refused families it does not know.
const char* family_name(uint8_t family) { return onebin_family_info(family)->name; }

// The length of the well-formed UTF-8 sequence at text[at] (RFC 3629: no
// overlong forms, surrogates or code points past U+10FFFF), 0 if none, and
// its code point.
size_t utf8_at(const std::string& text, size_t at, uint32_t& code) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (!length || at + length > text.size()) return 0;
  code = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    code = code << 6 | (byte(at + i) & 0x3F);
  }
  bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  return overlong || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF ? 0 : length;
}

bool is_control(uint32_t code) { return code < 0x20 || (code >= 0x7F && code <= 0x9F); }

// A name as `inspect` prints it: control characters (C0, DEL, C1), backslashes
// and bytes that are no UTF-8 as \xNN, so that a crafted name can neither
// forge listing lines nor send the terminal escape sequences.
std::string printable(const std::string& text) {
  std::string out;
  for (size_t at = 0; at < text.size();) {
    uint32_t code = 0;
    size_t length = utf8_at(text, at, code);
    if (length && !is_control(code) && code != '\\') {
      out.append(text, at, length), at += length;
      continue;
    }
    for (size_t end = at + (length ? length : 1); at < end; ++at) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(text[at]));
      out += hex;
    }
  }
  return out;
}

// A JSON string (RFC 8259) of a name: bytes that are no UTF-8 become U+FFFD,
// so the output is valid JSON whatever the packed file holds.
std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (size_t at = 0; at < text.size();) {
    uint32_t code = 0;
    size_t length = utf8_at(text, at, code);
    if (!length) {
      out += "\\ufffd", ++at;
    } else if (code == '"' || code == '\\') {
      out += '\\', out += static_cast<char>(code), ++at;
    } else if (is_control(code)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\u%04x", code);
      out += hex, at += length;
    } else {
      out.append(text, at, length), at += length;
    }
  }
  return out + "\"";
}

// What the menu shows of the app: keys of its packed desktop entry (ONEBIN_DESKTOP).
constexpr const char* kDesktopKeys[] = {"Name", "Comment", "Icon", "Categories", "MimeType", "Exec"};

std::string desktop_entry_text(const pack::PackedFile& file) {
  for (uint32_t i = 0; i < file.size(); ++i) {
    onebin_entry e = file.entry(i);
    if (!(e.flags & ONEBIN_DESKTOP) || !file.path(e).ends_with(".desktop")) continue;
    std::string text;
    file.read_content(e, [&](const uint8_t* data, size_t size) { text.append(reinterpret_cast<const char*>(data), size); });
    return text;
  }
  return "";
}

void inspect_text(const pack::PackedFile& file) {
  const auto& header = file.archive().header;
  std::cout << "format: onebin " << file.archive().trailer.version << "\n"
            << "main: " << printable(file.path(file.entry(header.main_entry))) << "\n"
            << "glibc needed: " << version_text(header.glibc_needed) << "\n"
            << "cache: " << onebin_cache_name(header.cache) << "\n"
            << "packed: " << pack::packed_time_text(header.packed) << " (" << header.packed << ")\n";
  std::string desktop = desktop_entry_text(file);
  for (const char* key : kDesktopKeys)
    if (std::string value = pack::desktop_entry_value(desktop, key); !value.empty())
      std::cout << "desktop " << key << ": " << printable(value) << "\n";
  for (uint32_t i = 0; i < file.size(); ++i) {
    onebin_entry e = file.entry(i);
    std::printf("%-7s %04o %10llu %-9s %s%s%s\n", type_name(e.type), e.mode, static_cast<unsigned long long>(e.size),
                family_name(e.family), printable(file.path(e)).c_str(), e.type == ONEBIN_SYMLINK ? " -> " : "",
                printable(file.link(e)).c_str());
  }
}

void inspect_json(const pack::PackedFile& file) {
  const auto& header = file.archive().header;
  const auto& trailer = file.archive().trailer;
  std::cout << "{\"format\": " << trailer.version << ", \"payload_offset\": " << trailer.payload_offset
            << ", \"index_offset\": " << trailer.index_offset << ", \"main\": "
            << json_string(file.path(file.entry(header.main_entry))) << ", \"glibc_needed\": \""
            << version_text(header.glibc_needed) << "\", \"cache\": \"" << onebin_cache_name(header.cache)
            << "\", \"packed\": " << header.packed << ", \"desktop\": {";
  std::string desktop = desktop_entry_text(file);
  const char* comma = "";
  for (const char* key : kDesktopKeys)
    if (std::string value = pack::desktop_entry_value(desktop, key); !value.empty())
      std::cout << comma << "\"" << key << "\": " << json_string(value), comma = ", ";
  std::cout << "}, \"entries\": [";
  for (uint32_t i = 0; i < file.size(); ++i) {
    onebin_entry e = file.entry(i);
    std::cout << (i ? ", " : "") << "{\"path\": " << json_string(file.path(e)) << ", \"type\": \"" << type_name(e.type)
              << "\", \"mode\": " << e.mode << ", \"mtime_ns\": " << e.mtime_ns << ", \"size\": " << e.size
              << ", \"data\": " << e.data << ", \"compressed\": " << e.data_size
              << ", \"shared_frame\": " << ((e.flags & ONEBIN_SHARED_FRAME) ? "true" : "false")
              << ", \"family\": \"" << family_name(e.family) << "\"";
    if (e.type == ONEBIN_SYMLINK) std::cout << ", \"link\": " << json_string(file.link(e));
    std::cout << "}";
  }
  std::cout << "]}\n";
}

// The signature first (a file someone changed need not be decompressed),
// then every file's content.
void verify(const std::string& path, const std::string& public_key) {
  std::string signature;
  if (!public_key.empty()) {
    sign::check_signature(path, public_key);
    signature = ", good signature by " + public_key;
  } else if (std::optional<std::string> id = sign::signer(path)) {
    signature = ", signed by key " + *id + " but not checked (give --key PUBLIC)";
  } else {
    signature = ", not signed";
  }
  pack::PackedFile file(path);
  uint64_t bytes = file.check_every_file();
  std::cout << path << ": ok (" << file.size() << " entries, " << bytes << " bytes of content)" << signature << "\n";
}

// Modes as extracted (formats/container.h), unless --keep-modes.
uint32_t extracted_mode(uint32_t mode, bool keep) { return keep ? mode : mode & ONEBIN_WRITTEN_MODE_BITS; }

// A directory on the way from DIR to an entry that is a link (or no
// directory): in a DIR with files from before (--into-existing), a link one
// of them planted would lead the entry out of DIR. Nobody else may write DIR
// (onebin_extract_target), so what is checked here stays as it is.
void refuse_link_on_the_way(const std::string& dir, const std::string& rel) {
  for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
    std::string on_the_way = dir + "/" + rel.substr(0, slash);
    struct stat st;
    if (lstat(on_the_way.c_str(), &st) != 0) return;  // made by an earlier entry, or reported when the entry is made
    if (!S_ISDIR(st.st_mode))
      throw pack::PackError(on_the_way + ": " + (S_ISLNK(st.st_mode) ? "a link" : "not a directory") +
                            " that was there before; extraction does not follow it (remove it, or extract elsewhere)");
  }
}

void extract(const std::string& path, const std::string& dir, bool keep_modes, bool into_existing) {
  pack::PackedFile file(path);
  if (const char* unfit = onebin_extract_target(dir.c_str(), into_existing))
    throw pack::PackError(dir + ": " + unfit + "; extract into a new or empty directory of your own" +
                          (into_existing ? "" : " (or give --into-existing)"));
  for (uint32_t i = 0; i < file.size(); ++i) {
    onebin_entry e = file.entry(i);
    std::string target = dir + "/" + file.path(e);
    refuse_link_on_the_way(dir, file.path(e));
    if (e.type == ONEBIN_DIR) {
      if (mkdir(target.c_str(), extracted_mode(e.mode, keep_modes) | 0700) != 0 && errno != EEXIST) throw pack::PackError(target + ": cannot create: " + std::strerror(errno));
    } else if (e.type == ONEBIN_SYMLINK) {
      if (symlink(file.link(e).c_str(), target.c_str()) != 0) throw pack::PackError(target + ": cannot link: " + std::strerror(errno));
    } else {
      io::write_file_atomically(
          target, [&](const io::Pieces& write) { file.read_content(e, write); }, extracted_mode(e.mode, keep_modes));
    }
  }
  // Packed times, deepest first: creating an entry changes its directory's time.
  for (uint32_t i = file.size(); i-- > 0;) {
    onebin_entry e = file.entry(i);
    struct timespec times[2];
    onebin_entry_times(&e, times);
    std::string target = dir + "/" + file.path(e);
    if (utimensat(AT_FDCWD, target.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0)
      throw pack::PackError(target + ": cannot set its time: " + std::strerror(errno));
  }
  std::cout << "extracted " << file.size() << " entries into " << dir << "\n";
}

}  // namespace

void add_archive_commands(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* inspect = app.add_subcommand("inspect", "List what a packed file holds");
  inspect->add_option("FILE", *file, "A file made by onebin pack")->required();
  inspect->add_flag("--json", *json, "Print JSON instead of text");
  inspect->callback([file, json] {
    pack::PackedFile packed(*file);
    *json ? inspect_json(packed) : inspect_text(packed);
  });
  CLI::App* check = app.add_subcommand("verify",
                                        "Check a packed file's trailer, index, stub and every file's hash, and with "
                                        "--key its signature. The hashes catch accidents (a cut download, a bad disk), "
                                        "not tampering: whoever changes the file can change them too; only a good "
                                        "signature by a key you trust says who made it");
  check->add_option("FILE", *file, "A file made by onebin pack")->required();
  auto key = std::make_shared<std::string>();
  check->add_option("--key", *key, "A public key (onebin keygen's KEY.pub): the file must be signed by it (onebin sign)");
  check->callback([file, key] { verify(*file, *key); });
  CLI::App* out = app.add_subcommand("extract", "Write the files of a packed file into a directory");
  out->add_option("FILE", *file, "A file made by onebin pack")->required();
  out->add_option("DIR", *dir, "Where to write them (created if missing)")->required();
  auto keep_modes = std::make_shared<bool>(false);
  out->add_flag("--keep-modes", *keep_modes,
                "Keep setuid, setgid and sticky bits and others' write permission (left out by default)");
  auto into_existing = std::make_shared<bool>(false);
  out->add_flag("--into-existing", *into_existing,
                "Write into a DIR that has files already (refused by default: a link in it could lead files elsewhere)");
  out->callback([file, dir, keep_modes, into_existing] { extract(*file, *dir, *keep_modes, *into_existing); });
}

}  // namespace onebin::cli
