#include "elf/elf_editor.hpp"

#include <algorithm>
#include <cstring>

#include "elf/dynstr_refs.hpp"
#include "elf/elf_kind.hpp"

namespace onebin::elf {

namespace {

constexpr uint64_t kPage = 4096;
// Left free in a moved .dynamic so later edits need no further move.
constexpr size_t kSpareDynamicSlots = 4;
// Planned string entries carry this marker (minus their index) in d_val until
// the final .dynstr layout is known. Real string offsets are never this large.
constexpr uint64_t kMarker = UINT64_MAX;

uint64_t align_up(uint64_t value, uint64_t alignment) { return (value + alignment - 1) / alignment * alignment; }

template <typename T>
void put(std::vector<uint8_t>& bytes, uint64_t offset, const T& value) {
  std::memcpy(bytes.data() + offset, &value, sizeof(T));
}

void put_padded(std::vector<uint8_t>& bytes, uint64_t offset, uint64_t size, std::string_view value) {
  std::memset(bytes.data() + offset, 0, size);
  std::memcpy(bytes.data() + offset, value.data(), value.size());
}

// A string the edit adds to .dynstr, with the bytes reserved for it.
struct PlannedString {
  std::string value;
  uint64_t reserve = 0;
  bool is_runpath = false;
  std::optional<uint64_t> index;  // into the final .dynstr, once placed
};

// A section found through one dynamic tag, moved into the new segment.
struct MovedSection {
  size_t index;     // in the section header table
  int64_t tag;      // the DT_ entry holding its address
  uint64_t at = 0;  // offset in the new segment
};

// Notes moved as one block (a whole PT_NOTE, or one note section outside any)
// to make room for a program header.
struct MovedNotes {
  uint64_t offset, size, alignment;  // where they were in the file
  uint64_t at = 0;                   // offset in the new segment
};

// Whether a PT_NOTE holds nothing but GNU build IDs, the one note nothing
// reads through the program headers at load or run time (debuggers find it
// through its section header, which stays). The kernel and ld.so read
// .note.gnu.property and .note.ABI-tag, Qt its plugin metadata (before it
// loads the plugin), Go tools its build notes: those must stay PT_NOTEs.
bool only_build_ids(const ElfImage& image, const Elf64_Phdr& ph) {
  const auto& bytes = image.bytes();
  if (ph.p_offset > bytes.size() || ph.p_filesz > bytes.size() - ph.p_offset) return false;
  uint64_t alignment = ph.p_align == 8 ? 8 : 4, end = ph.p_offset + ph.p_filesz;
  for (uint64_t at = ph.p_offset; at < end;) {
    if (end - at < sizeof(Elf64_Nhdr)) return false;
    Elf64_Nhdr note;
    std::memcpy(&note, bytes.data() + at, sizeof note);
    uint64_t name = at + sizeof note, desc = name + align_up(note.n_namesz, alignment);
    if (desc > end || note.n_descsz > end - desc) return false;
    bool build_id = note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(bytes.data() + name, "GNU", 4) == 0;
    if (!build_id) return false;
    at = std::min(end, desc + align_up(note.n_descsz, alignment));
  }
  return true;
}

// The extra PT_LOAD and what goes into it, as offsets from its start.
struct NewSegment {
  std::vector<uint8_t> bytes;
  bool holds_phdrs = false;
  bool grows_phdrs = false;
  std::optional<uint64_t> interp, dynstr, dynamic;
  uint64_t offset = 0, vaddr = 0;
};

class Editor {
 public:
  Editor(const ElfImage& image, const EditRequest& request)
      : in_(image), req_(request), ehdr_(image.header()), phdrs_(image.segments()),
        shdrs_(image.sections()), dyn_(image.dynamic_entries()), out_(image.bytes()) {}

  EditResult run();

 private:
  void refuse_unsupported() const;
  void plan_needed();
  void plan_runpath();
  void place_strings();
  bool fits_in_place(const PlannedString& planned) const;
  void plan_interp();
  bool plan_phdr_growth();
  bool move_for_room(size_t index);
  void move_notes(size_t index);
  void point_at_moved_notes();
  void build_segment();
  void lay_out_segment();
  void add_segment_header();
  void point_at_segment();
  void move_section(uint32_t type, uint64_t old_addr, uint64_t offset, uint64_t addr, uint64_t size);
  void write_dynamic();
  bool is_marker(uint64_t value) const { return !strings_.empty() && value >= kMarker - (strings_.size() - 1); }
  std::string interp_value() const {
    return req_.interp ? *req_.interp : in_.string_at(interp_->p_offset, interp_->p_offset + interp_->p_filesz);
  }
  uint64_t interp_size() const { return std::max<uint64_t>(interp_value().size() + 1, req_.interp_slot); }
  void write_headers();
  uint64_t dynstr_file_offset() const;
  uint64_t new_dynamic_bytes() const { return (dyn_.size() + 1 + kSpareDynamicSlots) * sizeof(Elf64_Dyn); }

  const ElfImage& in_;
  const EditRequest& req_;
  Elf64_Ehdr ehdr_;
  std::vector<Elf64_Phdr> phdrs_;
  std::vector<Elf64_Shdr> shdrs_;
  std::vector<Elf64_Dyn> dyn_;
  std::vector<uint8_t> out_;
  std::vector<PlannedString> strings_;
  std::vector<uint8_t> appended_strings_;  // go after the old .dynstr contents
  bool move_dynamic_ = false;
  bool move_interp_ = false;
  bool move_dynstr_ = false;
  std::vector<MovedSection> moved_sections_;  // moved to make room for a program header
  std::vector<MovedNotes> moved_notes_;       // likewise
  const Elf64_Phdr* interp_ = nullptr;
  std::optional<NewSegment> segment_;
  EditResult result_;
};

EditResult Editor::run() {
  result_.layout = "unchanged";
  if (req_.empty()) {
    result_.bytes = out_;
    return result_;
  }
  refuse_unsupported();
  interp_ = in_.find_segment(PT_INTERP);
  plan_needed();
  plan_runpath();
  if (strings_.empty() && !req_.interp) {  // every library asked for is already needed
    result_.bytes = out_;
    return result_;
  }
  place_strings();
  plan_interp();
  move_dynamic_ = dyn_.size() + 1 > in_.dynamic_capacity();
  if (!appended_strings_.empty() || move_dynamic_ || move_interp_) build_segment();
  else result_.layout = "in place";
  write_dynamic();
  write_headers();
  result_.bytes = std::move(out_);
  return result_;
}

void Editor::refuse_unsupported() const {
  switch (classify(in_)) {
    case ElfKind::Loader:
      in_.fail("is the dynamic loader; ld.so must keep its dynamic section as built (glibc asserts it has no DT_RUNPATH)");
    case ElfKind::StaticPie:
      in_.fail("is a static-pie program; it relocates itself and glibc asserts it has no DT_RUNPATH");
    case ElfKind::StaticExecutable:
      in_.fail("is statically linked; it has no dynamic section to edit");
    default:
      break;
  }
  if (!in_.find_segment(PT_DYNAMIC)) in_.fail("has no PT_DYNAMIC; nothing to edit");
  if (req_.interp && !in_.find_segment(PT_INTERP)) in_.fail("has no PT_INTERP (a shared library has no interpreter to set)");
}

void Editor::plan_needed() {
  for (const auto& name : req_.add_needed) {
    const auto& old = in_.dynamic_entries();
    bool present = std::any_of(old.begin(), old.end(), [&](const Elf64_Dyn& d) {
      return d.d_tag == DT_NEEDED && in_.dynstr(d.d_un.d_val) == name;
    }) || std::any_of(strings_.begin(), strings_.end(), [&](const PlannedString& p) { return p.value == name; });
    if (present) continue;
    // After the last DT_NEEDED: the order of DT_NEEDED is the search order.
    auto last = std::find_if(dyn_.rbegin(), dyn_.rend(), [](const Elf64_Dyn& d) { return d.d_tag == DT_NEEDED; });
    auto at = last == dyn_.rend() ? dyn_.begin() : last.base();
    Elf64_Dyn entry{};
    entry.d_tag = DT_NEEDED;
    entry.d_un.d_val = kMarker - strings_.size();
    dyn_.insert(at, entry);
    strings_.push_back({name, name.size() + 1, false, std::nullopt});
  }
}

void Editor::plan_runpath() {
  if (!req_.runpath) return;
  // Reuse one entry (a RUNPATH if there is one, else the RPATH) so the
  // in-place check can look at the string it pointed to; drop the others.
  auto is_path = [](const Elf64_Dyn& d) { return d.d_tag == DT_RUNPATH || d.d_tag == DT_RPATH; };
  auto keep = std::find_if(dyn_.begin(), dyn_.end(), [](const Elf64_Dyn& d) { return d.d_tag == DT_RUNPATH; });
  if (keep == dyn_.end()) keep = std::find_if(dyn_.begin(), dyn_.end(), is_path);
  PlannedString planned{*req_.runpath, std::max<uint64_t>(req_.runpath->size() + 1, req_.runpath_slot), true,
                        std::nullopt};
  if (keep == dyn_.end())
    keep = dyn_.insert(dyn_.end(), Elf64_Dyn{DT_RUNPATH, {0}});
  else
    planned.index = keep->d_un.d_val;  // where the old string is, for the in-place check
  keep->d_tag = DT_RUNPATH;
  keep->d_un.d_val = kMarker - strings_.size();
  strings_.push_back(planned);
  std::erase_if(dyn_, [&](const Elf64_Dyn& d) { return is_path(d) && !is_marker(d.d_un.d_val); });
}

// A RUNPATH goes where the old RPATH/RUNPATH string was when it fits and no
// other reference shares any of its bytes; every other string is appended.
void Editor::place_strings() {
  uint64_t next = in_.dynstr_size();
  for (auto& planned : strings_) {
    if (planned.is_runpath && planned.index && fits_in_place(planned)) {
      put_padded(out_, in_.dynstr_offset() + *planned.index, planned.reserve, planned.value);
      continue;
    }
    planned.index = next + appended_strings_.size();
    appended_strings_.resize(appended_strings_.size() + planned.reserve, 0);
    std::memcpy(appended_strings_.data() + (*planned.index - next), planned.value.data(), planned.value.size());
  }
}

bool Editor::fits_in_place(const PlannedString& planned) const {
  uint64_t start = *planned.index;
  uint64_t length = in_.dynstr(start).size();
  if (planned.reserve > length + 1) return false;
  auto refs = dynstr_references(in_);
  if (!refs) return false;
  int self = 0;  // the entry being replaced refers to `start` itself, once
  for (uint64_t ref : *refs) {
    if (ref == start && self++ == 0) continue;
    uint64_t end = ref + in_.dynstr(ref).size();
    if (ref <= start + length && end >= start) return false;
  }
  return true;
}

void Editor::plan_interp() {
  if (!req_.interp) return;
  if (interp_size() <= interp_->p_filesz) {
    put_padded(out_, interp_->p_offset, interp_->p_filesz, *req_.interp);
    result_.interp = Slot{interp_->p_offset, interp_->p_filesz};
  } else {
    move_interp_ = true;
  }
}

void Editor::build_segment() {
  segment_.emplace();
  auto note = std::find_if(phdrs_.begin(), phdrs_.end(),
                           [&](const Elf64_Phdr& ph) { return ph.p_type == PT_NOTE && only_build_ids(in_, ph); });
  if (note != phdrs_.end()) {
    phdrs_.erase(note);
    result_.layout = "new PT_LOAD (from a PT_NOTE)";
  } else if (plan_phdr_growth()) {
    segment_->grows_phdrs = true;
    result_.layout = "new PT_LOAD (program header table grown in place)";
  } else {
    segment_->holds_phdrs = true;
    result_.layout = "new PT_LOAD (program headers moved into it)";
  }
  lay_out_segment();
  add_segment_header();
  point_at_segment();
}

// Without a PT_NOTE to reuse, the table needs one entry more. The sections
// right after it (.interp, hash tables, .dynsym...) are found only through
// PT_INTERP and dynamic tags, so they can move into the new segment and free
// the room. This is preferred to moving the table itself because binutils'
// strip/objcopy mislays a moved table (it writes a broken file).
bool Editor::plan_phdr_growth() {
  uint64_t table_end = ehdr_.e_phoff + phdrs_.size() * sizeof(Elf64_Phdr);
  uint64_t needed_end = table_end + sizeof(Elf64_Phdr);
  const Elf64_Phdr* first = nullptr;
  for (const auto& ph : phdrs_)
    if (ph.p_type == PT_LOAD && !first) first = &ph;
  if (!first || first->p_offset > ehdr_.e_phoff || first->p_offset + first->p_filesz < needed_end) return false;
  for (size_t i = 0; i < shdrs_.size(); ++i) {
    const Elf64_Shdr& sh = shdrs_[i];
    bool in_file = (sh.sh_flags & SHF_ALLOC) && sh.sh_type != SHT_NOBITS && sh.sh_size > 0;
    if (!in_file || sh.sh_offset >= needed_end || sh.sh_offset + sh.sh_size <= table_end) continue;
    if (!move_for_room(i)) return false;
  }
  return true;
}

// Records that section `index` moves; false when nothing but its address
// (a dynamic tag or PT_INTERP) would point at it.
bool Editor::move_for_room(size_t index) {
  const Elf64_Shdr& sh = shdrs_[index];
  if (interp_ && sh.sh_addr == interp_->p_vaddr && sh.sh_type == SHT_PROGBITS) return move_interp_ = true;
  if (sh.sh_type == SHT_STRTAB && sh.sh_addr == in_.dynamic_value(DT_STRTAB)) return move_dynstr_ = true;
  if (sh.sh_type == SHT_NOTE) {
    move_notes(index);
    return true;
  }
  static const std::pair<uint32_t, int64_t> kMovable[] = {
      {SHT_HASH, DT_HASH},           {SHT_GNU_HASH, DT_GNU_HASH},         {SHT_DYNSYM, DT_SYMTAB},
      {SHT_GNU_versym, DT_VERSYM},   {SHT_GNU_verneed, DT_VERNEED},       {SHT_GNU_verdef, DT_VERDEF}};
  for (auto [type, tag] : kMovable) {
    if (sh.sh_type != type || sh.sh_addr != in_.dynamic_value(tag)) continue;
    moved_sections_.push_back({index, tag});
    return true;
  }
  return false;
}

// A note moves with the whole PT_NOTE holding it, so the PT_NOTE (and a
// PT_GNU_PROPERTY inside it) can point at the copy.
void Editor::move_notes(size_t index) {
  const Elf64_Shdr& sh = shdrs_[index];
  for (const auto& block : moved_notes_)
    if (sh.sh_offset >= block.offset && sh.sh_offset < block.offset + block.size) return;
  MovedNotes block{sh.sh_offset, sh.sh_size, std::max<uint64_t>(sh.sh_addralign, 1)};
  for (const auto& ph : phdrs_)
    if (ph.p_type == PT_NOTE && sh.sh_offset >= ph.p_offset && sh.sh_offset + sh.sh_size <= ph.p_offset + ph.p_filesz)
      block = {ph.p_offset, ph.p_filesz, std::max<uint64_t>(ph.p_align, 1)};
  moved_notes_.push_back(block);
}

void Editor::lay_out_segment() {
  NewSegment& seg = *segment_;
  auto reserve = [&](uint64_t size, uint64_t alignment) {
    uint64_t at = align_up(seg.bytes.size(), alignment);
    seg.bytes.resize(at + size, 0);
    return at;
  };
  if (seg.holds_phdrs) reserve((phdrs_.size() + 1) * sizeof(Elf64_Phdr), 8);
  if (move_interp_) {
    seg.interp = reserve(interp_size(), 1);
    std::string value = interp_value();
    std::memcpy(seg.bytes.data() + *seg.interp, value.data(), value.size());
  }
  for (auto& moved : moved_sections_) {
    const Elf64_Shdr& sh = shdrs_[moved.index];
    moved.at = reserve(sh.sh_size, std::max<uint64_t>(sh.sh_addralign, 1));
    std::memcpy(seg.bytes.data() + moved.at, in_.bytes().data() + sh.sh_offset, sh.sh_size);
  }
  for (auto& block : moved_notes_) {
    block.at = reserve(block.size, block.alignment);
    std::memcpy(seg.bytes.data() + block.at, in_.bytes().data() + block.offset, block.size);
  }
  if (!appended_strings_.empty() || move_dynstr_) {
    uint64_t old_size = in_.dynstr_size();
    seg.dynstr = reserve(old_size + appended_strings_.size(), 1);
    // From out_, not the input: an in-place RUNPATH is already written there.
    std::memcpy(seg.bytes.data() + *seg.dynstr, out_.data() + in_.dynstr_offset(), old_size);
    std::memcpy(seg.bytes.data() + *seg.dynstr + old_size, appended_strings_.data(), appended_strings_.size());
  }
  if (move_dynamic_) seg.dynamic = reserve(new_dynamic_bytes(), 8);
}

void Editor::add_segment_header() {
  NewSegment& seg = *segment_;
  uint64_t alignment = kPage, end = 0;
  const Elf64_Phdr* first = nullptr;
  for (const auto& ph : phdrs_) {
    if (ph.p_type != PT_LOAD) continue;
    if (!first) first = &ph;
    alignment = std::max(alignment, ph.p_align);
    end = std::max(end, ph.p_vaddr + ph.p_memsz);
  }
  if (!first) in_.fail("has no PT_LOAD");
  if (seg.holds_phdrs) {
    // Same vaddr - offset as the first PT_LOAD (see the technique above).
    uint64_t delta = first->p_vaddr - first->p_offset;
    if (delta % alignment) in_.fail("its PT_LOADs disagree on alignment; cannot add a segment safely");
    seg.vaddr = align_up(std::max(end, out_.size() + delta), alignment);
    seg.offset = seg.vaddr - delta;
  } else {
    seg.offset = align_up(out_.size(), 16);
    seg.vaddr = align_up(end, alignment) + seg.offset % alignment;
  }
  Elf64_Phdr load{};
  load.p_type = PT_LOAD;
  load.p_flags = PF_R | (seg.dynamic ? PF_W : 0);
  load.p_offset = seg.offset;
  load.p_vaddr = load.p_paddr = seg.vaddr;
  load.p_filesz = load.p_memsz = seg.bytes.size();
  load.p_align = alignment;
  auto last_load = std::find_if(phdrs_.rbegin(), phdrs_.rend(), [](const Elf64_Phdr& ph) { return ph.p_type == PT_LOAD; });
  phdrs_.insert(last_load.base(), load);
  out_.resize(seg.offset, 0);
  out_.insert(out_.end(), seg.bytes.begin(), seg.bytes.end());
}

void Editor::point_at_segment() {
  const NewSegment& seg = *segment_;
  if (seg.holds_phdrs || seg.grows_phdrs) {
    if (seg.holds_phdrs) ehdr_.e_phoff = seg.offset;
    ehdr_.e_phnum = phdrs_.size();
    for (auto& ph : phdrs_)
      if (ph.p_type == PT_PHDR) {
        if (seg.holds_phdrs) {
          ph.p_offset = seg.offset;
          ph.p_vaddr = ph.p_paddr = seg.vaddr;
        }
        ph.p_filesz = ph.p_memsz = phdrs_.size() * sizeof(Elf64_Phdr);
      }
  }
  for (const auto& moved : moved_sections_) {
    Elf64_Shdr& sh = shdrs_[moved.index];
    for (auto& d : dyn_)
      if (d.d_tag == moved.tag) d.d_un.d_ptr = seg.vaddr + moved.at;
    sh.sh_offset = seg.offset + moved.at;
    sh.sh_addr = seg.vaddr + moved.at;
  }
  point_at_moved_notes();
  for (auto& ph : phdrs_) {
    if (ph.p_type == PT_INTERP && seg.interp) {
      move_section(SHT_PROGBITS, ph.p_vaddr, seg.offset + *seg.interp, seg.vaddr + *seg.interp, interp_size());
      ph.p_offset = seg.offset + *seg.interp;
      ph.p_vaddr = ph.p_paddr = seg.vaddr + *seg.interp;
      ph.p_filesz = ph.p_memsz = interp_size();
      result_.interp = Slot{ph.p_offset, ph.p_filesz};
    }
    if (ph.p_type == PT_DYNAMIC && seg.dynamic) {
      move_section(SHT_DYNAMIC, ph.p_vaddr, seg.offset + *seg.dynamic, seg.vaddr + *seg.dynamic, new_dynamic_bytes());
      ph.p_offset = seg.offset + *seg.dynamic;
      ph.p_vaddr = ph.p_paddr = seg.vaddr + *seg.dynamic;
      ph.p_filesz = ph.p_memsz = new_dynamic_bytes();
    }
  }
  if (seg.dynstr) {
    uint64_t size = in_.dynstr_size() + appended_strings_.size();
    move_section(SHT_STRTAB, *in_.dynamic_value(DT_STRTAB), seg.offset + *seg.dynstr, seg.vaddr + *seg.dynstr, size);
    for (auto& d : dyn_) {
      if (d.d_tag == DT_STRTAB) d.d_un.d_ptr = seg.vaddr + *seg.dynstr;
      if (d.d_tag == DT_STRSZ) d.d_un.d_val = size;
    }
  }
}

// Program and section headers of moved notes point at their copies, at the
// same place inside the block.
void Editor::point_at_moved_notes() {
  const NewSegment& seg = *segment_;
  for (const auto& block : moved_notes_) {
    auto inside = [&](uint64_t offset) { return offset >= block.offset && offset < block.offset + block.size; };
    for (auto& ph : phdrs_)
      if ((ph.p_type == PT_NOTE || ph.p_type == PT_GNU_PROPERTY) && inside(ph.p_offset)) {
        uint64_t delta = ph.p_offset - block.offset;
        ph.p_offset = seg.offset + block.at + delta;
        ph.p_vaddr = ph.p_paddr = seg.vaddr + block.at + delta;
      }
    for (auto& sh : shdrs_)
      if ((sh.sh_flags & SHF_ALLOC) && sh.sh_type != SHT_NOBITS && sh.sh_size && inside(sh.sh_offset)) {
        uint64_t delta = sh.sh_offset - block.offset;
        sh.sh_offset = seg.offset + block.at + delta;
        sh.sh_addr = seg.vaddr + block.at + delta;
      }
  }
}

// Section headers follow the data they describe so strip/objcopy keep it.
void Editor::move_section(uint32_t type, uint64_t old_addr, uint64_t offset, uint64_t addr, uint64_t size) {
  for (auto& sh : shdrs_) {
    if (sh.sh_type != type || sh.sh_addr != old_addr || !(sh.sh_flags & SHF_ALLOC)) continue;
    sh.sh_offset = offset;
    sh.sh_addr = addr;
    sh.sh_size = size;
  }
}

uint64_t Editor::dynstr_file_offset() const {
  return segment_ && segment_->dynstr ? segment_->offset + *segment_->dynstr : in_.dynstr_offset();
}

void Editor::write_dynamic() {
  for (auto& d : dyn_) {
    if (!is_string_tag(d.d_tag) || !is_marker(d.d_un.d_val)) continue;
    const PlannedString& planned = strings_[kMarker - d.d_un.d_val];
    d.d_un.d_val = *planned.index;
    if (planned.is_runpath) result_.runpath = Slot{dynstr_file_offset() + *planned.index, planned.reserve};
  }
  const Elf64_Phdr* dynamic = nullptr;
  for (const auto& ph : phdrs_)
    if (ph.p_type == PT_DYNAMIC) dynamic = &ph;
  std::memset(out_.data() + dynamic->p_offset, 0, dynamic->p_filesz);
  for (size_t i = 0; i < dyn_.size(); ++i) put(out_, dynamic->p_offset + i * sizeof(Elf64_Dyn), dyn_[i]);
}

void Editor::write_headers() {
  put(out_, 0, ehdr_);
  for (size_t i = 0; i < phdrs_.size(); ++i) put(out_, ehdr_.e_phoff + i * sizeof(Elf64_Phdr), phdrs_[i]);
  for (size_t i = 0; i < shdrs_.size(); ++i) put(out_, ehdr_.e_shoff + i * sizeof(Elf64_Shdr), shdrs_[i]);
}

}  // namespace

EditResult edit(const ElfImage& image, const EditRequest& request) { return Editor(image, request).run(); }

void write_slot(std::vector<uint8_t>& bytes, Slot slot, std::string_view value) {
  if (value.size() + 1 > slot.size)
    throw ElfError("'" + std::string(value) + "' needs " + std::to_string(value.size() + 1) + " bytes; the slot has " +
                   std::to_string(slot.size));
  if (slot.offset > bytes.size() || slot.size > bytes.size() - slot.offset)
    throw ElfError("slot lies beyond the end of the file");
  put_padded(bytes, slot.offset, slot.size, value);
}

}  // namespace onebin::elf
