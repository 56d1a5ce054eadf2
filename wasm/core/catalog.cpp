#include "catalog.hpp"

#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "hash.hpp"
#include "text.hpp"

namespace kzprof {

bool is_valid_code(std::string_view c) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (c[i] < '0' || c[i] > '9') return false;
    return true;
  };
  if (c.size() == 6) return digits(0, 4) && c[4] == '-' && digits(5, 1);
  if (c.size() == 10) return digits(0, 4) && c[4] == '-' && digits(5, 1) && c[6] == '-' && digits(7, 3);
  return false;
}

const Group* Catalog::group(std::string_view id) const {
  for (const auto& g : groups)
    if (g.id == id) return &g;
  return nullptr;
}

const Profession* Catalog::by_code(std::string_view code) const {
  for (const auto& p : professions)
    if (p.code == code) return &p;
  return nullptr;
}

namespace {

struct Fnv {
  size_t operator()(std::string_view s) const { return fnv1a(s); }
};
using StringSet = std::unordered_set<std::string_view, Fnv>;

// A JSON number as the message shows it: integers in full, anything else in the shortest exact form.
std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fabs(v) < 1e21 && std::floor(v) == v ? "%.0f" : "%.17g", v);
  return buf;
}

// Collects the messages of one entry: "<entry>: field '<field>': <what>". The entry is "groups[3]" until
// its id (or code) is known to be usable, then the id ("group 'health'") or the code.
class EntryErrors {
 public:
  EntryErrors(std::vector<std::string>& out, const char* list, size_t index)
      : out_(out), where_(std::string(list) + "[" + std::to_string(index) + "]") {}
  void name(std::string where) { where_ = std::move(where); }
  void add(const std::string& field, const std::string& what) {
    out_.push_back(where_ + ": field '" + field + "': " + what);
  }
  // A required text: not blank, not over the limit. False (with a message) when not usable.
  bool text(const char* key, const std::string& v) {
    if (text::is_blank(v)) return add(key, "empty"), false;
    if (v.size() > MAX_TEXT_BYTES) return add(key, too_long(v)), false;
    return true;
  }
  void list(const char* key, const std::vector<std::string>& items, bool allow_empty) {
    if (!allow_empty && items.empty()) return add(key, "empty array");
    if (items.size() > MAX_LIST_ITEMS)
      return add(key,
                 std::to_string(items.size()) + " items, more than the limit of " + std::to_string(MAX_LIST_ITEMS));
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string field = std::string(key) + "[" + std::to_string(i) + "]";
      if (items[i].empty()) return add(field, "expected a non-empty string");
      if (items[i].size() > MAX_TEXT_BYTES) return add(field, too_long(items[i]));
    }
  }

 private:
  std::vector<std::string>& out_;
  std::string where_;
  static std::string too_long(const std::string& v) {
    return std::to_string(v.size()) + " bytes, longer than the limit of " + std::to_string(MAX_TEXT_BYTES);
  }
};

}  // namespace

std::vector<std::string> check_catalog(const Catalog& c) {
  std::vector<std::string> out;
  if (c.professions.size() > MAX_PROFESSIONS)
    return {"data: field 'professions': " + std::to_string(c.professions.size()) + " entries, more than the limit of " +
            std::to_string(MAX_PROFESSIONS)};
  if (c.groups.size() > MAX_GROUPS)
    return {"data: field 'groups': " + std::to_string(c.groups.size()) + " entries, more than the limit of " +
            std::to_string(MAX_GROUPS)};
  StringSet group_ids, codes;
  for (size_t i = 0; i < c.groups.size(); ++i) {
    const Group& g = c.groups[i];
    EntryErrors err(out, "groups", i);
    const bool id_ok = err.text("id", g.id);
    if (id_ok) err.name("group '" + g.id + "'");
    err.list("kk", g.kk, false);
    err.list("ru", g.ru, false);
    err.text("en", g.en);
    if (id_ok && !group_ids.insert(g.id).second) err.add("id", "duplicate group id");
  }
  for (size_t i = 0; i < c.professions.size(); ++i) {
    const Profession& p = c.professions[i];
    EntryErrors err(out, "professions", i);
    if (err.text("code", p.code)) {
      err.name(p.code);
      if (!is_valid_code(p.code)) err.add("code", "malformed code '" + p.code + "', expected ####-#-### or ####-#");
      else if (!codes.insert(p.code).second) err.add("code", "duplicate code");
    }
    if (std::floor(p.position) != p.position) err.add("position", "expected an integer, got number");
    else if (std::fabs(p.position) > 1e9) err.add("position", "out of range: " + number_text(p.position));
    if (err.text("group", p.group) && !group_ids.count(p.group)) err.add("group", "unknown group '" + p.group + "'");
    err.text("kk", p.kk);
    err.text("ru", p.ru);
    err.text("en", p.en);
    err.list("ru", p.aliases_ru, true);
    err.list("kk", p.aliases_kk, true);
    err.list("en", p.aliases_en, true);
  }
  if (c.professions.empty() && out.empty()) out.push_back("data: field 'professions': empty list");
  for (size_t i = 0; i < c.professions.size() && out.empty(); ++i)
    if (c.professions[i].position != double(i + 1))
      out.push_back(c.professions[i].code + ": field 'position': expected " + std::to_string(i + 1) +
                    " (entries must be in official order), got " + number_text(c.professions[i].position));
  return out;
}

}  // namespace kzprof
