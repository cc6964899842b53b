#include "elf/elf_reader.hpp"

#include <LIEF/ELF.hpp>
#include <LIEF/logging.hpp>

#include "elf/elf_image.hpp"
#include "elf/elf_kind.hpp"

namespace onebin::elf {

namespace {

std::vector<std::string> split_path_list(const std::string& list) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(':', start);
    if (end == std::string::npos) end = list.size();
    parts.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::string machine_name(uint16_t machine) {
  switch (machine) {
    case EM_X86_64: return "x86-64";
    case EM_AARCH64: return "aarch64";
    default: return "machine " + std::to_string(machine);
  }
}

void read_dynamic(const LIEF::ELF::Binary& binary, ElfInfo& info) {
  using namespace LIEF::ELF;
  for (const DynamicEntry& entry : binary.dynamic_entries()) {
    if (const auto* lib = dynamic_cast<const DynamicEntryLibrary*>(&entry))
      info.needed.push_back(lib->name());
    else if (const auto* so = dynamic_cast<const DynamicSharedObject*>(&entry))
      info.soname = so->name();
    else if (const auto* rp = dynamic_cast<const DynamicEntryRpath*>(&entry))
      info.rpath = split_path_list(rp->name());
    else if (const auto* rup = dynamic_cast<const DynamicEntryRunPath*>(&entry))
      info.runpath = split_path_list(rup->name());
  }
}

void read_versions(const LIEF::ELF::Binary& binary, ElfInfo& info) {
  for (const auto& need : binary.symbols_version_requirement()) {
    auto& versions = info.version_needs[need.name()];
    for (const auto& aux : need.auxiliary_symbols()) versions.push_back(aux.name());
  }
  for (const auto& def : binary.symbols_version_definition()) {
    // VER_FLG_BASE names the file itself (its soname), not a version.
    if (def.flags() & VER_FLG_BASE) continue;
    auto aux = def.symbols_aux();
    if (aux.size() > 0) info.version_defs.push_back(aux[0].name());
  }
}

}  // namespace

const char* to_string(ElfKind kind) {
  switch (kind) {
    case ElfKind::Executable: return "executable";
    case ElfKind::PieExecutable: return "pie executable";
    case ElfKind::StaticExecutable: return "static executable";
    case ElfKind::StaticPie: return "static-pie executable";
    case ElfKind::SharedLibrary: return "shared library";
    case ElfKind::Loader: return "dynamic loader";
  }
  return "unknown";
}

bool ElfInfo::can_carry_runpath() const {
  return kind == ElfKind::Executable || kind == ElfKind::PieExecutable || kind == ElfKind::SharedLibrary;
}

namespace {

std::unique_ptr<LIEF::ELF::Binary> parse(const ElfImage& image, const std::string& path) {
  LIEF::Logger::disable();
  std::unique_ptr<LIEF::ELF::Binary> binary;
  try {
    binary = LIEF::ELF::Parser::parse(image.bytes(), path);
  } catch (const std::exception& e) {
    image.fail(std::string("LIEF cannot parse it: ") + e.what());
  }
  if (!binary) image.fail("LIEF cannot parse it");
  return binary;
}

// The version a symbol names (versym 0 and 1 are local and global: none).
std::string version_of(const LIEF::ELF::Symbol& symbol) {
  if (!symbol.has_version()) return "";
  const auto& version = symbol.symbol_version();
  if (version.value() <= 1 || !version.has_auxiliary_version()) return "";
  return version.symbol_version_auxiliary().name();
}

}  // namespace

std::set<std::string> read_exports(const std::string& path) {
  ElfImage image = ElfImage::load(path);
  auto binary = parse(image, path);
  std::set<std::string> exports;
  for (const LIEF::ELF::Symbol& symbol : binary->dynamic_symbols()) {
    if (symbol.name().empty() || symbol.shndx() == 0) continue;
    exports.insert(symbol.name());
    if (std::string version = version_of(symbol); !version.empty()) exports.insert(symbol.name() + "@" + version);
  }
  return exports;
}

ElfInfo read_elf_info(const std::string& path) {
  ElfImage image = ElfImage::load(path);
  ElfInfo info;
  info.path = path;
  info.machine = machine_name(image.header().e_machine);
  info.kind = classify(image);
  auto binary = parse(image, path);
  if (binary->has_interpreter()) info.interp = binary->interpreter();
  read_dynamic(*binary, info);
  read_versions(*binary, info);
  for (const LIEF::ELF::Symbol& symbol : binary->dynamic_symbols()) {
    if (symbol.name().empty() || symbol.shndx() != 0) continue;
    std::string version = version_of(symbol);
    info.imports.insert(version.empty() ? symbol.name() : symbol.name() + "@" + version);
  }
  return info;
}

}  // namespace onebin::elf
