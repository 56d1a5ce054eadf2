// The official list as the core sees it: groups and professions loaded from data/professions.json.
// Loading never throws and never aborts: every problem comes back as a message naming the entry
// (its code, or its index when the code itself is broken) and the field.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kzprof {

// Strings are views into Catalog::text (the packed catalog the loader read): a 100k-entry list loads
// without a million string copies.
using Str = std::string_view;
using Strs = std::vector<std::string_view>;

struct Group {
  Str id;
  Strs kk, ru;  // official headings; two headings may share one group
  Str en;       // unofficial translation
};

struct Profession {
  int position = 0;  // 1-based row in the official table
  Str code;          // "2512-1-007" or the short "2166-1"
  Str group;         // Group::id
  Str kk, ru;        // official names, verbatim
  Str en;            // unofficial translation
  Strs aliases_ru, aliases_kk, aliases_en;  // unofficial search aids
};

// Move-only: the views point into `text`, which moves with it.
struct Catalog {
  std::vector<Group> groups;
  std::vector<Profession> professions;  // in official order
  std::unique_ptr<char[]> text;         // what the views point into
  const Group* group(std::string_view id) const;
  const Profession* by_code(std::string_view code) const;
};

// "####-#-###" or "####-#".
bool is_valid_code(std::string_view code);

// Parses the data JSON (nlohmann; native tools only): checks the JSON types, packs the catalog as
// web/kzprof.mjs does in the browser (type problems become messages in the stream), and loads it with
// load_packed_catalog — one value check for both paths, so both give the same messages. Returns the list
// of problems; empty means `out` is complete.
std::vector<std::string> load_catalog(std::string_view json_text, Catalog& out);

// Parses the packed catalog that web/kzprof.mjs builds from JSON.parse output (the wasm has no JSON
// parser). JavaScript checks the JSON types and writes those messages into the stream; the values are
// checked here by CatalogCheck, in document order. The catalog keeps a copy of `packed` (`text`).
// Format: one string of fields separated by U+001F. A record starts with a tag field: "\x1eG" group,
// "\x1eP" profession; "\x1eg" / "\x1ep" a group / profession that is not an object (its message follows);
// "\x1ex" a field the schema does not have (its message follows).
//   group:      tag, id, list kk, list ru, en
//   profession: tag, code, position, group, kk, ru, en, list aliases.ru, list aliases.kk, list aliases.en
//   list:       count ("3"; "3!" = item 3 is not a string; "3^" = item 3 holds a control character), items
// A field "\x1d<message>" is missing or of the wrong type: the message (if any) is reported there.
std::vector<std::string> load_packed_catalog(std::string_view packed, Catalog& out);

// Separators of the packed format; data strings must not contain U+001C..U+001F.
bool has_control_separator(std::string_view s);
inline constexpr const char* CONTROL_MESSAGE = "contains a control character (U+001C..U+001F)";

// Collects errors with a common prefix ("2512-1-007: ") so every message names its entry.
struct CatalogErrors {
  std::vector<std::string>& out;
  const char* list;   // "groups" / "professions": the entry is named "list[index]" until `where` is set
  size_t index;
  std::string where;  // the entry's name once its id or code is known
  void add(const std::string& field, const std::string& what) {
    out.push_back((where.empty() ? list + ("[" + std::to_string(index) + "]") : where) + ": field '" + field + "': " + what);
  }
};

// A set of strings for the duplicate checks (open addressing, FNV-1a; a std::set was ~8 % of a
// 100k-entry load). Holds views: the strings must outlive the set.
class StringSet {
 public:
  bool insert(std::string_view s);  // false when already present; `s` must outlive the set
  bool contains(std::string_view s) const;
 private:
  std::vector<std::string_view> items_;
  std::vector<uint32_t> hashes_;  // of items_ (probes and regrowth compare hashes before text)
  std::vector<uint32_t> slots_;   // 0 = empty, else item index + 1; at most half full
  static uint32_t hash(std::string_view s);
  size_t slot(std::string_view s, uint32_t h) const;  // the slot holding s, or the empty slot where it goes
};

// The value checks both loaders share (called per field, in document order, after the type check).
class CatalogCheck {
 public:
  explicit CatalogCheck(std::vector<std::string>& out) : out_(out) {}
  // A required string: not blank. False (with a message) when not usable.
  bool text(CatalogErrors& err, const char* key, Str v);
  // A list of strings: the items read before the first item that is not a string (stop = type) or
  // holds a control character (stop = control); that item is at index items.size().
  enum class ListStop { none, type, control };
  bool list(CatalogErrors& err, const char* key, const Strs& items, bool allow_empty, ListStop stop);
  void group_id(CatalogErrors& err, Str id);       // names the entry after its id
  void group_duplicate(CatalogErrors& err, Str id);
  void code(CatalogErrors& err, Str code);         // format, duplicates; names the entry
  void group_ref(CatalogErrors& err, Str group);   // a known group id
  void positions(const Catalog& c);                               // 1..n in official order
 private:
  std::vector<std::string>& out_;
  StringSet group_ids_, codes_;
};

}  // namespace kzprof
