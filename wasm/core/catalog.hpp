// The official list as the core sees it: groups and professions loaded from data/professions.json.
// Loading never throws and never aborts: every problem comes back as a message naming the entry
// (its code, or its index when the code itself is broken) and the field.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kzprof {

struct Group {
  std::string id;
  std::vector<std::string> kk, ru;  // official headings; two headings may share one group
  std::string en;                   // unofficial translation
};

struct Profession {
  int position = 0;   // 1-based row in the official table
  std::string code;   // "2512-1-007" or the short "2166-1"
  std::string group;  // Group::id
  std::string kk, ru; // official names, verbatim
  std::string en;     // unofficial translation
  std::vector<std::string> aliases_ru, aliases_kk, aliases_en;  // unofficial search aids
};

struct Catalog {
  std::vector<Group> groups;
  std::vector<Profession> professions;  // in official order
  const Group* group(std::string_view id) const;
  const Profession* by_code(std::string_view code) const;
};

// "####-#-###" or "####-#".
bool is_valid_code(std::string_view code);

// Parses the data JSON (nlohmann; native tools only). Returns the list of problems; empty means
// `out` is complete. Type problems are found here, value problems by CatalogCheck.
std::vector<std::string> load_catalog(std::string_view json_text, Catalog& out);

// Parses the packed catalog that web/kzprof.mjs builds from JSON.parse output (the wasm has no JSON
// parser). JavaScript checks the JSON types and writes those messages into the stream; the values are
// checked here by CatalogCheck, in the same order as load_catalog, so both paths give the same messages.
// Format: one string of fields separated by U+001F. A record starts with a tag field: "\x1eG" group,
// "\x1eP" profession; "\x1eg" / "\x1ep" a group / profession that is not an object (its message follows).
//   group:      tag, id, list kk, list ru, en
//   profession: tag, code, position, group, kk, ru, en, list aliases.ru, list aliases.kk, list aliases.en
//   list:       count ("3"; "3!" = item 3 is not a string; "3^" = item 3 holds a control character), items
// A field "\x1d<message>" is missing or of the wrong type: the message (if any) is reported there.
std::vector<std::string> load_packed_catalog(std::string_view packed, Catalog& out);

// Separators of the packed format; data strings must not contain U+001C..U+001F.
bool has_control_separator(std::string_view s);

// Collects errors with a common prefix ("2512-1-007: ") so every message names its entry.
struct CatalogErrors {
  std::vector<std::string>& out;
  std::string where;
  void add(const std::string& field, const std::string& what) { out.push_back(where + ": field '" + field + "': " + what); }
};

// A set of strings for the duplicate checks (open addressing, FNV-1a; a std::set was ~8 % of a
// 100k-entry load).
class StringSet {
 public:
  bool insert(const std::string& s);  // false when already present
  bool contains(std::string_view s) const;
 private:
  std::vector<std::string> items_;
  std::vector<uint32_t> slots_;  // 0 = empty, else item index + 1; at most half full
  size_t slot(std::string_view s) const;  // the slot holding s, or the empty slot where it goes
};

// The value checks both loaders share (called per field, in document order, after the type check).
class CatalogCheck {
 public:
  explicit CatalogCheck(std::vector<std::string>& out) : out_(out) {}
  // A required string: not blank, no U+001C..U+001F. False (with a message) when not usable.
  bool text(CatalogErrors& err, const char* key, const std::string& v);
  // A list of strings: the items read before the first item that is not a string (stop = type) or
  // holds a control character (stop = control); that item is at index items.size().
  enum class ListStop { none, type, control };
  bool list(CatalogErrors& err, const char* key, const std::vector<std::string>& items, bool allow_empty,
            ListStop stop);
  void group_id(CatalogErrors& err, const std::string& id);       // names the entry after its id
  void group_duplicate(CatalogErrors& err, const std::string& id);
  void code(CatalogErrors& err, const std::string& code);         // format, duplicates; names the entry
  void group_ref(CatalogErrors& err, const std::string& group);   // a known group id
  void positions(const Catalog& c);                               // 1..n in official order
 private:
  std::vector<std::string>& out_;
  StringSet group_ids_, codes_;
};

}  // namespace kzprof
