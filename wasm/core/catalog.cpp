#include "catalog.hpp"

#include <cmath>
#include <algorithm>

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

bool usable(const std::string& v) { return !text::is_blank(v) && v.size() <= MAX_TEXT_BYTES; }

// The usable keys (ids, codes) of a list, for the duplicate checks and lookups: (FNV-1a hash << 32 | position),
// sorted, so equal keys sit together in document order (no hash table).
template <class Entry, class Get>
std::vector<uint64_t> sorted_keys(const std::vector<Entry>& entries, Get key) {
  std::vector<uint64_t> out;
  for (uint32_t i = 0; i < entries.size(); ++i)
    if (!key(entries[i]).empty()) out.push_back(uint64_t(fnv1a(key(entries[i]))) << 32 | i);
  std::sort(out.begin(), out.end());
  return out;
}
// Entries whose key repeats an earlier entry's (the first of equal keys, in document order, does not).
template <class Entry, class Get>
std::vector<bool> repeats(const std::vector<Entry>& entries, const std::vector<uint64_t>& keys, Get key) {
  std::vector<bool> out(entries.size());
  for (size_t k = 0; k < keys.size(); ++k)
    for (size_t j = k; j-- > 0 && keys[j] >> 32 == keys[k] >> 32;)  // the same hash: compare the text
      if (key(entries[uint32_t(keys[j])]) == key(entries[uint32_t(keys[k])])) out[uint32_t(keys[k])] = true;
  return out;
}

// An integral JSON number as a message shows it (only integral values are shown: a fraction is refused first).
std::string number_text(double v) {
  if (std::fabs(v) >= 9.2e18) return v < 0 ? "-9.2e18 or less" : "9.2e18 or more";
  return std::to_string(static_cast<long long>(v));
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
  auto id = [](const Group& g) { return usable(g.id) ? std::string_view(g.id) : ""; };
  auto code = [](const Profession& p) {
    return usable(p.code) && is_valid_code(p.code) ? std::string_view(p.code) : "";
  };
  const std::vector<uint64_t> ids = sorted_keys(c.groups, id), codes = sorted_keys(c.professions, code);
  const std::vector<bool> id_repeats = repeats(c.groups, ids, id), code_repeats = repeats(c.professions, codes, code);
  auto known_group = [&](std::string_view group) {
    const uint64_t h = uint64_t(fnv1a(group)) << 32;
    for (auto it = std::lower_bound(ids.begin(), ids.end(), h); it != ids.end() && (*it >> 32) == (h >> 32); ++it)
      if (c.groups[uint32_t(*it)].id == group) return true;
    return false;
  };
  for (size_t i = 0; i < c.groups.size(); ++i) {
    const Group& g = c.groups[i];
    EntryErrors err(out, "groups", i);
    const bool id_ok = err.text("id", g.id);
    if (id_ok) err.name("group '" + g.id + "'");
    err.list("kk", g.kk, false);
    err.list("ru", g.ru, false);
    err.text("en", g.en);
    if (id_repeats[i]) err.add("id", "duplicate group id");
  }
  for (size_t i = 0; i < c.professions.size(); ++i) {
    const Profession& p = c.professions[i];
    EntryErrors err(out, "professions", i);
    if (err.text("code", p.code)) {
      err.name(p.code);
      if (!is_valid_code(p.code)) err.add("code", "malformed code '" + p.code + "', expected ####-#-### or ####-#");
      else if (code_repeats[i]) err.add("code", "duplicate code");
    }
    if (std::floor(p.position) != p.position) err.add("position", "expected an integer, got number");
    else if (std::fabs(p.position) > 1e9) err.add("position", "out of range: " + number_text(p.position));
    if (err.text("group", p.group) && !known_group(p.group))
      err.add("group", "unknown group '" + p.group + "'");
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
