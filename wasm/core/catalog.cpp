#include "catalog.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace kzprof {
namespace {

using nlohmann::json;

const char* type_name(const json& v) { return v.type_name(); }

// Finds where a document stops being JSON, for the error message (nlohmann reports it to SAX only).
struct FirstError : nlohmann::json_sax<json> {
  size_t position = 0;
  std::string token;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string& last, const nlohmann::detail::exception&) override {
    position = pos;
    token = last.substr(0, 20);
    // Shown in a message: invalid UTF-8 becomes U+FFFD, control characters "?".
    U32 cps = text::decode(token);
    for (char32_t& c : cps)
      if (c < 0x20 || c == 0x7F) c = '?';
    token = text::to_utf8(cps);
    return false;
  }
};

std::string json_error_message(std::string_view text) {
  FirstError sax;
  json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, /*strict=*/true);
  size_t line = 1, col = 1;
  for (size_t i = 0; i + 1 < sax.position && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; col = 1; }
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  return "data: not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(col) +
         (sax.token.empty() ? std::string(" (unexpected end)") : " near '" + sax.token + "'") +
         " (check commas, quotes and brackets)";
}

// The packed catalog (format: catalog.hpp), built as web/kzprof.mjs builds it: a string field is its value or
// "\x1d" + the type message; load_packed_catalog reports those in document order and checks the values.
struct Packer {
  std::string out;
  void put(std::string_view f) {
    if (!out.empty()) out += '\x1f';
    out += f;
  }
  void bad(const std::string& where, const char* key, const std::string& what) {
    put("\x1d" + where + ": field '" + key + "': " + what);
  }
  void str(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end()) bad(where, key, "missing");
    else if (!it->is_string()) bad(where, key, std::string("expected a string, got ") + type_name(*it));
    else if (has_control_separator(it->get_ref<const std::string&>())) bad(where, key, CONTROL_MESSAGE);
    else put(it->get_ref<const std::string&>());
  }
  void list(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end()) return bad(where, key, "missing");
    if (!it->is_array()) return bad(where, key, std::string("expected an array of strings, got ") + type_name(*it));
    size_t n = 0;
    const char* stop = "";
    for (; n < it->size(); ++n) {
      const json& v = (*it)[n];
      if (!v.is_string()) { stop = "!"; break; }
      if (has_control_separator(v.get_ref<const std::string&>())) { stop = "^"; break; }
    }
    put(std::to_string(n) + stop);
    for (size_t k = 0; k < n; ++k) put((*it)[k].get_ref<const std::string&>());
  }
  // A field the schema does not have: its own record (keys in sorted order, as kzprof.mjs sorts them).
  void unknown(const json& obj, std::initializer_list<const char*> keys, const std::string& where, const char* prefix = "") {
    for (const auto& item : obj.items())
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return item.key() == k; })) {
        put("\x1ex");
        put(where + ": field '" + prefix + item.key() + "': unknown field");
      }
  }
};

// A usable id or code names its entry in the messages that follow (as CatalogCheck does).
bool usable(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return false;
  const std::string& v = it->get_ref<const std::string&>();
  return v.find_first_not_of(" \t\r\n") != std::string::npos && !has_control_separator(v);
}

}  // namespace

std::vector<std::string> load_catalog(std::string_view text, Catalog& out) {
  std::vector<std::string> errors;
  out = Catalog{};
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    errors.push_back(json_error_message(text));
    return errors;
  }
  if (!doc.is_object()) {
    errors.push_back(std::string("data: expected a JSON object at the top level, got ") + type_name(doc));
    return errors;
  }
  auto groups = doc.find("groups");
  auto profs = doc.find("professions");
  if (groups == doc.end() || !groups->is_array()) errors.push_back("data: field 'groups': missing or not an array");
  if (profs == doc.end() || !profs->is_array()) errors.push_back("data: field 'professions': missing or not an array");
  for (const auto& item : doc.items())  // meta: free-form information, passed through
    if (item.key() != "meta" && item.key() != "groups" && item.key() != "professions")
      errors.push_back("data: field '" + item.key() + "': unknown field");
  if (!errors.empty()) return errors;

  Packer pk;
  for (size_t i = 0; i < groups->size(); ++i) {
    const json& g = (*groups)[i];
    std::string where = "groups[" + std::to_string(i) + "]";
    if (!g.is_object()) {
      pk.put("\x1eg");
      pk.put(where + ": field '': expected an object, got " + type_name(g));
      continue;
    }
    pk.put("\x1eG");
    pk.str(g, "id", where);
    if (usable(g, "id")) where = "group '" + g["id"].get<std::string>() + "'";
    pk.list(g, "kk", where);
    pk.list(g, "ru", where);
    auto un = g.find("unofficial");
    if (un != g.end() && un->is_object()) pk.str(*un, "en", where);
    else pk.bad(where, "unofficial", "missing or not an object");
    pk.unknown(g, {"id", "kk", "ru", "unofficial"}, where);
    if (un != g.end() && un->is_object()) pk.unknown(*un, {"en"}, where, "unofficial.");
  }
  for (size_t i = 0; i < profs->size(); ++i) {
    const json& p = (*profs)[i];
    std::string where = "professions[" + std::to_string(i) + "]";
    if (!p.is_object()) {
      pk.put("\x1ep");
      pk.put(where + ": field '': expected an object, got " + type_name(p));
      continue;
    }
    pk.put("\x1eP");
    pk.str(p, "code", where);
    if (usable(p, "code")) where = p["code"].get<std::string>();
    auto pos = p.find("position");
    if (pos == p.end()) pk.bad(where, "position", "missing");
    else if (!pos->is_number_integer()) pk.bad(where, "position", std::string("expected an integer, got ") + type_name(*pos));
    else pk.put(pos->is_number_unsigned() ? std::to_string(pos->get<uint64_t>()) : std::to_string(pos->get<int64_t>()));
    pk.str(p, "group", where);
    pk.str(p, "kk", where);
    pk.str(p, "ru", where);
    auto un = p.find("unofficial");
    const bool has_un = un != p.end() && un->is_object();
    auto al = has_un ? un->find("aliases") : p.end();
    const bool has_al = has_un && al != un->end() && al->is_object();
    if (!has_un) {
      pk.bad(where, "unofficial", "missing or not an object");
      pk.put("\x1d"), pk.put("\x1d"), pk.put("\x1d");
    } else {
      pk.str(*un, "en", where);
      if (!has_al) {
        pk.bad(where, "unofficial.aliases", "missing or not an object");
        pk.put("\x1d"), pk.put("\x1d");
      } else {
        pk.list(*al, "ru", where);
        pk.list(*al, "kk", where);
        pk.list(*al, "en", where);
      }
    }
    pk.unknown(p, {"code", "position", "group", "kk", "ru", "unofficial"}, where);
    if (has_un) pk.unknown(*un, {"en", "aliases"}, where, "unofficial.");
    if (has_al) pk.unknown(*al, {"ru", "kk", "en"}, where, "unofficial.aliases.");
  }
  return load_packed_catalog(pk.out, out);
}

}  // namespace kzprof
