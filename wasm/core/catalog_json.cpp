#include "catalog_json.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace kzprof {
namespace {

using nlohmann::json;

// One pass of nlohmann's SAX parser over the text: where it stops being JSON (the DOM parser does not
// say), and the first key that appears twice in one object (the DOM keeps the last one silently).
struct JsonProblems : nlohmann::json_sax<json> {
  size_t error_at = 0;
  std::string error_token, duplicate;
  struct Level { bool object; size_t index; std::string key; std::set<std::string> keys; };
  std::vector<Level> path;

  std::string where() const {  // "professions[3]" for the entry the parser is in
    std::string w;
    for (size_t i = 0; i + 1 < path.size(); ++i)
      w += path[i].object ? (w.empty() ? "" : ".") + path[i].key : "[" + std::to_string(path[i].index) + "]";
    return w.empty() ? "data" : w;
  }
  bool value() {
    if (!path.empty() && !path.back().object) ++path.back().index;
    return true;
  }
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { path.push_back({true, 0, {}, {}}); return true; }
  bool start_array(std::size_t) override { path.push_back({false, 0, {}, {}}); return true; }
  bool end_object() override { path.pop_back(); return value(); }
  bool end_array() override { path.pop_back(); return value(); }
  bool key(string_t& k) override {
    path.back().key = k;
    if (!path.back().keys.insert(k).second && duplicate.empty()) {
      path.back().index = path.size() > 1 && !path[path.size() - 2].object ? path[path.size() - 2].index : 0;
      duplicate = where() + ": duplicate key '" + k + "' (JSON parsers keep only one of the two values)";
    }
    return true;
  }
  bool parse_error(std::size_t pos, const std::string& last, const nlohmann::detail::exception&) override {
    error_at = pos;
    U32 cps = text::decode(last.substr(0, 20));  // shown in a message: invalid UTF-8 as U+FFFD, controls as '?'
    for (char32_t& c : cps)
      if (c < 0x20 || c == 0x7F) c = '?';
    error_token = text::to_utf8(cps);
    return false;
  }
};

std::string position_text(std::string_view text, size_t at) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i + 1 < at && i < text.size(); ++i) {
    if (text[i] == '\n') line = line + 1, col = 1;
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

// The shape of the document, checked field by field as web/kzprof.mjs checks it (same messages).
class Shape {
 public:
  explicit Shape(std::vector<std::string>& out) : out_(out) {}
  void bad(const std::string& where, const std::string& key, const std::string& what) {
    out_.push_back(where + ": field '" + key + "': " + what);
  }
  bool str(const json& obj, const char* key, const std::string& where, std::string& dst) {
    auto it = obj.find(key);
    if (it == obj.end()) return bad(where, key, "missing"), false;
    if (!it->is_string()) return bad(where, key, std::string("expected a string, got ") + it->type_name()), false;
    dst = it->get<std::string>();
    return true;
  }
  void list(const json& obj, const char* key, const std::string& where, std::vector<std::string>& dst) {
    auto it = obj.find(key);
    if (it == obj.end()) return bad(where, key, "missing");
    if (!it->is_array()) return bad(where, key, std::string("expected an array of strings, got ") + it->type_name());
    for (size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string())
        return bad(where, std::string(key) + "[" + std::to_string(i) + "]", "expected a non-empty string");
      dst.push_back((*it)[i].get<std::string>());
    }
  }
  const json* object(const json& obj, const char* key, const std::string& where, const char* shown) {
    auto it = obj.find(key);
    if (it != obj.end() && it->is_object()) return &*it;
    bad(where, shown, "missing or not an object");
    return nullptr;
  }
  void unknown(const json& obj, std::initializer_list<const char*> keys, const std::string& where,
               const std::string& prefix = "") {
    for (const auto& item : obj.items())
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return item.key() == k; }))
        bad(where, prefix + item.key(), "unknown field");
  }

 private:
  std::vector<std::string>& out_;
};

// An entry is named by its id or code once that is a usable string (as check_catalog names it).
std::string entry_name(const json& obj, const char* key, std::string fallback, const char* prefix) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string() || text::is_blank(it->get_ref<const std::string&>())) return fallback;
  return prefix[0] ? prefix + it->get<std::string>() + "'" : it->get<std::string>();
}

// `meta`: what the widget shows about the act (its verdict view) must be present and typed; other
// fields of meta are free-form. The rules and messages of web/kzprof.mjs checkMeta().
bool is_date(const std::string& v) {  // YYYY-MM-DD, month 01..12, day 01..31
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (v[i] < '0' || v[i] > '9') return false;
  const int month = (v[5] - '0') * 10 + (v[6] - '0'), day = (v[8] - '0') * 10 + (v[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

void check_meta(const json& doc, std::vector<std::string>& out) {
  auto it = doc.find("meta");
  if (it == doc.end() || !it->is_object()) return out.push_back("data: field 'meta': missing or not an object");
  enum Kind { TEXT, DATE, URL };
  struct Field { const char* path; Kind kind; };
  static const Field fields[] = {
      {"act.number", TEXT},      {"act.date", DATE},   {"act.issuer.kk", TEXT}, {"act.issuer.ru", TEXT},
      {"act.issuer.en", TEXT},   {"act.annex", TEXT},  {"wording.number", TEXT}, {"wording.date", DATE},
      {"as_of", DATE},           {"data_version", TEXT}, {"source_urls.kk", URL}, {"source_urls.ru", URL}};
  std::set<std::string> reported;  // a missing object is named once, not once per field under it
  for (const Field& f : fields) {
    const json* v = &*it;
    const std::string path = f.path;
    bool ok = true;
    for (size_t from = 0; ok;) {
      const size_t dot = path.find('.', from);
      const std::string key = path.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
      if (dot == std::string::npos) {
        auto k = v->find(key);
        v = k == v->end() ? nullptr : &*k;
        break;
      }
      auto k = v->find(key);
      if (k == v->end() || !k->is_object()) {
        if (reported.insert(path.substr(0, dot)).second)
          out.push_back("meta: field '" + path.substr(0, dot) + "': missing or not an object");
        ok = false;
      } else {
        v = &*k;
        from = dot + 1;
      }
    }
    if (!ok) continue;
    const std::string head = "meta: field '" + path + "': ";
    if (!v) { out.push_back(head + "missing"); continue; }
    if (!v->is_string()) { out.push_back(head + "expected a string, got " + v->type_name()); continue; }
    const std::string& s = v->get_ref<const std::string&>();
    if (text::is_blank(s)) out.push_back(head + "empty");
    else if (s.size() > MAX_TEXT_BYTES)
      out.push_back(head + std::to_string(s.size()) + " bytes, longer than the limit of " +
                    std::to_string(MAX_TEXT_BYTES));
    else if (f.kind == DATE && !is_date(s)) out.push_back(head + "expected a date YYYY-MM-DD");
    else if (f.kind == URL && s.compare(0, 8, "https://") != 0) out.push_back(head + "expected an https:// address");
  }
}

}  // namespace

std::vector<std::string> load_catalog_json(std::string_view text, Catalog& out) {
  out = Catalog{};
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.size() > MAX_DATA_BYTES)
    return {"data: " + std::to_string(text.size()) + " bytes, more than the limit of " +
            std::to_string(MAX_DATA_BYTES)};
  JsonProblems sax;
  if (!json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, /*strict=*/true))
    return {"data: not valid JSON at " + position_text(text, sax.error_at) +
            (sax.error_token.empty() ? std::string(" (unexpected end)") : " near '" + sax.error_token + "'") +
            " (check commas, quotes and brackets)"};
  if (!sax.duplicate.empty()) return {sax.duplicate};
  const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return {std::string("data: expected a JSON object at the top level, got ") + doc.type_name()};
  std::vector<std::string> errors;
  Shape shape(errors);
  auto groups = doc.find("groups"), profs = doc.find("professions");
  if (groups == doc.end() || !groups->is_array()) errors.push_back("data: field 'groups': missing or not an array");
  if (profs == doc.end() || !profs->is_array()) errors.push_back("data: field 'professions': missing or not an array");
  shape.unknown(doc, {"meta", "groups", "professions"}, "data");
  if (!errors.empty()) return errors;
  check_meta(doc, errors);

  for (size_t i = 0; i < groups->size(); ++i) {
    const json& g = (*groups)[i];
    std::string where = "groups[" + std::to_string(i) + "]";
    if (!g.is_object()) { shape.bad(where, "", std::string("expected an object, got ") + g.type_name()); continue; }
    Group& dst = out.groups.emplace_back();
    shape.str(g, "id", where, dst.id);
    where = entry_name(g, "id", where, "group '");
    shape.list(g, "kk", where, dst.kk);
    shape.list(g, "ru", where, dst.ru);
    if (const json* un = shape.object(g, "unofficial", where, "unofficial")) {
      shape.str(*un, "en", where, dst.en);
      shape.unknown(*un, {"en"}, where, "unofficial.");
    }
    shape.unknown(g, {"id", "kk", "ru", "unofficial"}, where);
  }
  for (size_t i = 0; i < profs->size(); ++i) {
    const json& p = (*profs)[i];
    std::string where = "professions[" + std::to_string(i) + "]";
    if (!p.is_object()) { shape.bad(where, "", std::string("expected an object, got ") + p.type_name()); continue; }
    Profession& dst = out.professions.emplace_back();
    shape.str(p, "code", where, dst.code);
    where = entry_name(p, "code", where, "");
    auto pos = p.find("position");
    if (pos == p.end()) shape.bad(where, "position", "missing");
    else if (!pos->is_number())
      shape.bad(where, "position", std::string("expected an integer, got ") + pos->type_name());
    else dst.position = pos->get<double>();
    shape.str(p, "group", where, dst.group);
    shape.str(p, "kk", where, dst.kk);
    shape.str(p, "ru", where, dst.ru);
    if (const json* un = shape.object(p, "unofficial", where, "unofficial")) {
      shape.str(*un, "en", where, dst.en);
      if (const json* al = shape.object(*un, "aliases", where, "unofficial.aliases")) {
        shape.list(*al, "ru", where, dst.aliases_ru);
        shape.list(*al, "kk", where, dst.aliases_kk);
        shape.list(*al, "en", where, dst.aliases_en);
        shape.unknown(*al, {"ru", "kk", "en"}, where, "unofficial.aliases.");
      }
      shape.unknown(*un, {"en", "aliases"}, where, "unofficial.");
    }
    shape.unknown(p, {"code", "position", "group", "kk", "ru", "unofficial"}, where);
  }
  if (errors.empty()) errors = check_catalog(out);
  if (!errors.empty()) out = Catalog{};
  return errors;
}

std::vector<std::string> load_json(Matcher& m, std::string_view json_text) {
  Catalog c;
  auto errors = load_catalog_json(json_text, c);
  m.load(std::move(c));
  return errors;
}

}  // namespace kzprof
