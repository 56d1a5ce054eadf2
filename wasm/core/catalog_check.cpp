// The value checks of the data (shared by both loaders) and the packed loader the wasm uses.
// No JSON parser here: the browser parses JSON itself (web/kzprof.mjs), the native tools use catalog.cpp.
#include <algorithm>
#include <cctype>
#include <cstring>

#include "catalog.hpp"

namespace kzprof {

bool is_valid_code(std::string_view c) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(c[i]))) return false;
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

bool has_control_separator(std::string_view s) {
  for (char c : s)
    if (c >= 0x1C && c <= 0x1F) return true;
  return false;
}

uint32_t StringSet::hash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

size_t StringSet::slot(std::string_view s, uint32_t h) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask)
    if (!slots_[i] || (hashes_[slots_[i] - 1] == h && items_[slots_[i] - 1] == s)) return i;
}

bool StringSet::contains(std::string_view s) const { return !slots_.empty() && slots_[slot(s, hash(s))]; }

bool StringSet::insert(std::string_view s) {
  if (2 * (items_.size() + 1) > slots_.size()) {
    slots_.assign(std::max<size_t>(16, 2 * slots_.size()), 0);
    for (uint32_t k = 0; k < items_.size(); ++k) slots_[slot(items_[k], hashes_[k])] = k + 1;
  }
  const uint32_t h = hash(s);
  const size_t i = slot(s, h);
  if (slots_[i]) return false;
  items_.push_back(s);
  hashes_.push_back(h);
  slots_[i] = uint32_t(items_.size());
  return true;
}

using ListStop = CatalogCheck::ListStop;

// ---- value checks

bool CatalogCheck::text(CatalogErrors& err, const char* key, Str v) {
  // Control characters: the packer (kzprof.mjs, catalog.cpp) sees whole values and reports them.
  if (v.find_first_not_of(" \t\r\n") != Str::npos) return true;
  err.add(key, "empty");
  return false;
}

bool CatalogCheck::list(CatalogErrors& err, const char* key, const Strs& items, bool allow_empty, ListStop stop) {
  if (!allow_empty && items.empty() && stop == ListStop::none) {
    err.add(key, "empty array");
    return false;
  }
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i].empty()) {
      err.add(std::string(key) + "[" + std::to_string(i) + "]", "expected a non-empty string");
      return false;
    }
  if (stop == ListStop::none) return true;
  err.add(std::string(key) + "[" + std::to_string(items.size()) + "]",
          stop == ListStop::type ? "expected a non-empty string" : CONTROL_MESSAGE);
  return false;
}

void CatalogCheck::group_id(CatalogErrors& err, Str id) {
  if (text(err, "id", id)) err.where = "group '" + std::string(id) + "'";
}

void CatalogCheck::group_duplicate(CatalogErrors& err, Str id) {
  if (!id.empty() && !group_ids_.insert(id)) err.add("id", "duplicate group id");
}

void CatalogCheck::code(CatalogErrors& err, Str code) {
  if (!text(err, "code", code)) return;
  err.where = code;
  if (!is_valid_code(code)) err.add("code", "malformed code '" + err.where + "', expected ####-#-### or ####-#");
  else if (!codes_.insert(code)) err.add("code", "duplicate code");
}

void CatalogCheck::group_ref(CatalogErrors& err, Str group) {
  if (text(err, "group", group) && !group_ids_.contains(group)) err.add("group", "unknown group '" + std::string(group) + "'");
}

void CatalogCheck::positions(const Catalog& c) {
  for (size_t i = 0; i < c.professions.size() && out_.empty(); ++i)
    if (c.professions[i].position != static_cast<int>(i + 1))
      out_.push_back(std::string(c.professions[i].code) + ": field 'position': expected " + std::to_string(i + 1) +
                     " (entries must be in official order), got " + std::to_string(c.professions[i].position));
}

// ---- the packed loader

namespace {

struct Reader {
  std::string_view s;
  size_t at = 0;
  bool bad = false;
  bool done() const { return at >= s.size(); }
  std::string_view next() {
    if (at > s.size()) { bad = true; return {}; }
    size_t e = s.find('\x1f', at);
    if (e == std::string_view::npos) e = s.size();
    std::string_view f = s.substr(at, e - at);
    at = e + 1;
    return f;
  }
};

// A field: its value, or (after "\x1d") the message JavaScript found, reported here in document order.
bool field(Reader& r, std::vector<std::string>& errors, Str& dst) {
  Str f = r.next();
  if (!f.empty() && f[0] == '\x1d') {
    if (f.size() > 1) errors.emplace_back(f.substr(1));
    return false;
  }
  dst = f;
  return true;
}

void list(Reader& r, std::vector<std::string>& errors, CatalogCheck& check, CatalogErrors& err, const char* key,
          Strs& dst, bool allow_empty) {
  Str count;
  if (!field(r, errors, count)) return;
  size_t n = 0, i = 0;
  while (i < count.size() && count[i] >= '0' && count[i] <= '9' && n < (size_t(1) << 24)) n = n * 10 + size_t(count[i++] - '0');
  const ListStop stop = i < count.size() && count[i] == '!'   ? ListStop::type
                        : i < count.size() && count[i] == '^' ? ListStop::control
                                                              : ListStop::none;
  dst.reserve(std::min(n, r.s.size() - std::min(r.at, r.s.size())));
  for (size_t k = 0; k < n && !r.bad; ++k) dst.push_back(r.next());
  check.list(err, key, dst, allow_empty, stop);
}

}  // namespace

std::vector<std::string> load_packed_catalog(std::string_view packed, Catalog& out) {
  std::vector<std::string> errors;
  out = Catalog{};
  out.text.reset(new char[packed.size() + 1]);
  std::memcpy(out.text.get(), packed.data(), packed.size());  // memcpy: a bulk copy in the wasm (std::copy: a byte loop)
  CatalogCheck check(errors);
  Reader r{Str(out.text.get(), packed.size())};
  size_t gi = 0, pi = 0;
  while (!r.done() && !r.bad) {
    Str tag = r.next();
    if (tag.size() != 2 || tag[0] != '\x1e') { r.bad = true; break; }
    if (tag[1] == 'g' || tag[1] == 'p' || tag[1] == 'x') {  // an entry that is not an object, an unknown field: its message
      if (tag[1] != 'x') ++(tag[1] == 'g' ? gi : pi);
      Str m = r.next();
      if (!r.bad) errors.emplace_back(m);
      continue;
    }
    if (tag[1] == 'G') {
      CatalogErrors err{errors, "groups", gi++, {}};
      Group& g = out.groups.emplace_back();
      if (field(r, errors, g.id)) check.group_id(err, g.id);
      list(r, errors, check, err, "kk", g.kk, false);
      list(r, errors, check, err, "ru", g.ru, false);
      if (field(r, errors, g.en)) check.text(err, "en", g.en);
      check.group_duplicate(err, g.id);
    } else if (tag[1] == 'P') {
      CatalogErrors err{errors, "professions", pi++, {}};
      Profession& p = out.professions.emplace_back();
      if (field(r, errors, p.code)) check.code(err, p.code);
      Str pos;
      if (field(r, errors, pos) && !pos.empty()) {
        long v = 0;
        size_t i = pos[0] == '-' ? 1 : 0;
        for (; i < pos.size() && pos[i] >= '0' && pos[i] <= '9'; ++i) v = v > 1000000000 ? v : v * 10 + (pos[i] - '0');
        p.position = int(pos[0] == '-' ? -v : v);
        if (v > 1000000000) err.add("position", "out of range: " + std::string(pos));
      }
      if (field(r, errors, p.group)) check.group_ref(err, p.group);
      if (field(r, errors, p.kk)) check.text(err, "kk", p.kk);
      if (field(r, errors, p.ru)) check.text(err, "ru", p.ru);
      if (field(r, errors, p.en)) check.text(err, "en", p.en);
      list(r, errors, check, err, "ru", p.aliases_ru, true);
      list(r, errors, check, err, "kk", p.aliases_kk, true);
      list(r, errors, check, err, "en", p.aliases_en, true);
    } else {
      r.bad = true;
    }
  }
  if (r.bad) {
    errors.push_back("data: the packed catalog is malformed (internal error of kzprof.mjs)");
    return errors;
  }
  if (out.professions.empty() && errors.empty()) errors.push_back("data: field 'professions': empty list");
  check.positions(out);
  return errors;
}

}  // namespace kzprof
