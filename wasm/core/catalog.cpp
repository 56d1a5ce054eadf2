#include "catalog.hpp"

#include <nlohmann/json.hpp>

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

using Errors = CatalogErrors;
using ListStop = CatalogCheck::ListStop;

// Type checks here; value checks (blank, control characters) by CatalogCheck.
bool get_string(const json& obj, const char* key, std::string& dst, Errors& err) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    err.add(key, "missing");
    return false;
  }
  if (!it->is_string()) {
    err.add(key, std::string("expected a string, got ") + type_name(*it));
    return false;
  }
  dst = it->get<std::string>();
  return true;
}

void get_string_list(const json& obj, const char* key, std::vector<std::string>& dst, Errors& err, CatalogCheck& check,
                     bool allow_empty) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    err.add(key, "missing");
    return;
  }
  if (!it->is_array()) {
    err.add(key, std::string("expected an array of strings, got ") + type_name(*it));
    return;
  }
  ListStop stop = ListStop::none;
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_string()) { stop = ListStop::type; break; }
    if (has_control_separator(v.get_ref<const std::string&>())) { stop = ListStop::control; break; }
    dst.push_back(v.get<std::string>());
  }
  check.list(err, key, dst, allow_empty, stop);
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
  if (!errors.empty()) return errors;

  CatalogCheck check(errors);
  for (size_t i = 0; i < groups->size(); ++i) {
    const json& g = (*groups)[i];
    Errors err{errors, "groups[" + std::to_string(i) + "]"};
    if (!g.is_object()) {
      err.add("", std::string("expected an object, got ") + type_name(g));
      continue;
    }
    Group group;
    if (get_string(g, "id", group.id, err)) check.group_id(err, group.id);
    get_string_list(g, "kk", group.kk, err, check, false);
    get_string_list(g, "ru", group.ru, err, check, false);
    auto un = g.find("unofficial");
    if (un != g.end() && un->is_object()) {
      if (get_string(*un, "en", group.en, err)) check.text(err, "en", group.en);
    } else {
      err.add("unofficial", "missing or not an object");
    }
    check.group_duplicate(err, group.id);
    out.groups.push_back(std::move(group));
  }

  for (size_t i = 0; i < profs->size(); ++i) {
    const json& p = (*profs)[i];
    Errors err{errors, "professions[" + std::to_string(i) + "]"};
    if (!p.is_object()) {
      err.add("", std::string("expected an object, got ") + type_name(p));
      continue;
    }
    Profession prof;
    if (get_string(p, "code", prof.code, err)) check.code(err, prof.code);
    auto pos = p.find("position");
    if (pos == p.end()) err.add("position", "missing");
    else if (!pos->is_number_integer()) err.add("position", std::string("expected an integer, got ") + type_name(*pos));
    else prof.position = pos->get<int>();
    if (get_string(p, "group", prof.group, err)) check.group_ref(err, prof.group);
    if (get_string(p, "kk", prof.kk, err)) check.text(err, "kk", prof.kk);
    if (get_string(p, "ru", prof.ru, err)) check.text(err, "ru", prof.ru);
    auto un = p.find("unofficial");
    if (un == p.end() || !un->is_object()) {
      err.add("unofficial", "missing or not an object");
    } else {
      if (get_string(*un, "en", prof.en, err)) check.text(err, "en", prof.en);
      auto al = un->find("aliases");
      if (al == un->end() || !al->is_object()) {
        err.add("unofficial.aliases", "missing or not an object");
      } else {
        get_string_list(*al, "ru", prof.aliases_ru, err, check, true);
        get_string_list(*al, "kk", prof.aliases_kk, err, check, true);
        get_string_list(*al, "en", prof.aliases_en, err, check, true);
      }
    }
    out.professions.push_back(std::move(prof));
  }
  check.positions(out);
  return errors;
}

}  // namespace kzprof
