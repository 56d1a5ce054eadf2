// The official list as the core sees it: groups and professions loaded from data/professions.json.
// Loading never throws and never aborts: every problem comes back as a message naming the entry
// (its code, or its index when the code itself is broken) and the field.
#pragma once
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

// Parses the data JSON. Returns the list of problems; empty means `out` is complete.
std::vector<std::string> load_catalog(std::string_view json_text, Catalog& out);

}  // namespace kzprof
