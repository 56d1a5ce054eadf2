// The official list as the core sees it: groups and professions, typed. The native tools fill it from
// the data JSON (catalog_json.hpp, nlohmann); the browser from JSON.parse output through embind records
// (wasm/bindings.cpp). Either way check_catalog() is the one value check, so both give the same messages.
#pragma once
#include <cstddef>
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
  double position = 0;  // 1-based row in the official table; a JSON number as given (check_catalog checks it)
  std::string code;     // "2512-1-007" or the short "2166-1"
  std::string group;    // Group::id
  std::string kk, ru;   // official names, verbatim
  std::string en;       // unofficial translation
  std::vector<std::string> aliases_ru, aliases_kk, aliases_en;  // unofficial search aids
};

struct Catalog {
  std::vector<Group> groups;
  std::vector<Profession> professions;  // in official order
  const Group* group(std::string_view id) const;
  const Profession* by_code(std::string_view code) const;
};

// Limits of the data schema: absurd input is refused with a message naming the limit, before it can
// exhaust the memory of a phone (and of the wasm, whose allocation failure is not a message).
constexpr size_t MAX_PROFESSIONS = 200000;
constexpr size_t MAX_GROUPS = 1000;
constexpr size_t MAX_TEXT_BYTES = 1000;  // one name, heading or alias, in UTF-8 (the longest official name: 219)
constexpr size_t MAX_LIST_ITEMS = 100;   // headings of a group, aliases of one language
constexpr size_t MAX_DATA_BYTES = size_t(64) << 20;  // the whole data file (the 100k-entry benchmark list: 39 MB)

// "####-#-###" or "####-#".
bool is_valid_code(std::string_view code);

// The value checks of the data: non-blank names, code format, unique codes and group ids, known groups,
// positions 1..n in official order, the limits above. Messages name the entry (its code or group id, or
// "professions[i]" when those are unusable) and the field, in document order. Empty: the catalog is usable.
std::vector<std::string> check_catalog(const Catalog& c);

}  // namespace kzprof
