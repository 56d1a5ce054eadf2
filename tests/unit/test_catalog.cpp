// Loading the data file: schema errors come back as messages naming the entry and the field.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/catalog.hpp"
#include "core/catalog_json.hpp"
#include "files.hpp"
#include "core/source_check.hpp"

using namespace kzprof;

// The meta every document needs (what the widget shows about the act).
#define META "{\"act\":{\"number\":\"1\",\"date\":\"2000-01-01\"," \
  "\"issuer\":{\"kk\":\"k\",\"ru\":\"r\",\"en\":\"e\"},\"annex\":\"1\"}," \
  "\"wording\":{\"number\":\"1\",\"date\":\"2000-01-01\"},\"as_of\":\"2000-01-01\",\"data_version\":\"t\"," \
  "\"source_urls\":{\"kk\":\"https://example.org/kk\",\"ru\":\"https://example.org/ru\"}}"

static bool has(const std::vector<std::string>& errs, const std::string& needle) {
  for (const auto& e : errs)
    if (e.find(needle) != std::string::npos) return true;
  return false;
}

TEST_CASE("the fixture list loads") {
  Catalog c;
  auto errs = load_catalog_json(read_file(KZPROF_TEST_DIR "/fixtures/mini.json"), c);
  CHECK(errs.empty());
  REQUIRE(c.professions.size() >= 5);
  CHECK(c.by_code(c.professions[0].code) == &c.professions[0]);
  CHECK(c.group(c.professions[0].group) != nullptr);
}

TEST_CASE("codes: long and short forms only") {
  CHECK(is_valid_code("2512-1-007"));
  CHECK(is_valid_code("2166-1"));
  CHECK_FALSE(is_valid_code("2512-1-07"));
  CHECK_FALSE(is_valid_code("25121007"));
  CHECK_FALSE(is_valid_code("2512-1-0077"));
  CHECK_FALSE(is_valid_code("abcd-1-007"));
  CHECK_FALSE(is_valid_code(""));
}

TEST_CASE("bad documents give messages, never abort") {
  Catalog c;
  CHECK(has(load_catalog_json("{", c), "not valid JSON"));
  CHECK(has(load_catalog_json("[]", c), "expected a JSON object"));
  CHECK(has(load_catalog_json("{}", c), "'groups'"));
  CHECK(has(load_catalog_json("", c), "not valid JSON"));
  const char* wrong_type = R"({"meta":)" META R"(,"groups":[{"id":"g","kk":["a"],"ru":["b"],"unofficial":{"en":"c"}}],
    "professions":[{"position":1,"code":"1111-1-111","group":"g","kk":5,"ru":"x",
                    "unofficial":{"en":"y","aliases":{"ru":[],"kk":[],"en":[]}}}]})";
  CHECK(has(load_catalog_json(wrong_type, c), "1111-1-111: field 'kk': expected a string, got number"));
}

TEST_CASE("whitespace-insensitive comparison keeps letters and punctuation") {
  CHECK(strip_whitespace("И н ж е н е р  п о\n") == "Инженерпо");
  CHECK(strip_whitespace("a\xC2\xA0"
                         "b\tc") == "abc");
  CHECK(strip_whitespace("Врач-онколог") == "Врач-онколог");
}

// The one value check (check_catalog) over a catalog as the browser hands it over (typed records).
static Catalog one_entry() {
  Catalog c;
  c.groups.push_back(Group{"g", {"a"}, {"b"}, "c"});
  c.professions.push_back(Profession{1, "1111-1-111", "g", "k", "r", "e", {"x", "y"}, {}, {}});
  return c;
}

TEST_CASE("value check: a good catalog passes; each problem is named by entry and field") {
  CHECK(check_catalog(one_entry()).empty());
  Catalog c = one_entry();
  c.groups[0].kk.clear();
  c.professions[0].code = "1111-1-11";
  c.professions[0].group = "zz";
  c.professions[0].kk = " \u00a0";  // blank in any script
  c.professions[0].aliases_ru = {""};
  auto errs = check_catalog(c);
  CHECK(has(errs, "group 'g': field 'kk': empty array"));
  CHECK(has(errs, "1111-1-11: field 'code': malformed code"));
  CHECK(has(errs, "1111-1-11: field 'group': unknown group 'zz'"));
  CHECK(has(errs, "1111-1-11: field 'kk': empty"));
  CHECK(has(errs, "1111-1-11: field 'ru[0]': expected a non-empty string"));
}

// The JSON loader checks the types and hands the values to the same check: same messages for the same data.
TEST_CASE("value check: the JSON loader gives the messages of check_catalog") {
  const char* json = R"({"meta":)" META R"(,"groups":[{"id":"g","kk":[],"ru":["b"],"unofficial":{"en":"c"}}],
    "professions":[{"position":1,"code":"1111-1-11","group":"zz","kk":" ","ru":"r",
                    "unofficial":{"en":"e","aliases":{"ru":[""],"kk":[],"en":[]}}}]})";
  Catalog c;
  const auto from_json = load_catalog_json(json, c);
  Catalog typed = one_entry();
  typed.groups[0].kk.clear();
  typed.professions[0] = Profession{1, "1111-1-11", "zz", " ", "r", "e", {""}, {}, {}};
  CHECK(from_json == check_catalog(typed));
  CHECK(from_json.size() == 5);
}

// Positions: one rule in every loader. A JSON number whose value is an integer (3, 3.0, 3e0) is that
// integer; anything else is refused, and no value wraps around (wasm32 has a 32-bit long).
TEST_CASE("value check: positions are integers 1..n in official order, never wrapped") {
  for (double ok : {1.0}) {
    Catalog c = one_entry();
    c.professions[0].position = ok;
    CHECK(check_catalog(c).empty());
  }
  Catalog c = one_entry();
  c.professions[0].position = 4294967299.0;
  CHECK(has(check_catalog(c), "1111-1-111: field 'position': out of range: 4294967299"));
  c.professions[0].position = 2147483651.0;
  CHECK(has(check_catalog(c), "out of range: 2147483651"));
  c.professions[0].position = 1.5;
  CHECK(has(check_catalog(c), "field 'position': expected an integer, got number"));
  c.professions[0].position = 2;
  CHECK(has(check_catalog(c), "field 'position': expected 1 (entries must be in official order), got 2"));
  Catalog j;
  const std::string doc = R"({"meta":)" META R"(,"groups":[{"id":"g","kk":["a"],"ru":["b"],"unofficial":{"en":"c"}}],
    "professions":[{"position":POS,"code":"1111-1-111","group":"g","kk":"k","ru":"r",
                    "unofficial":{"en":"e","aliases":{"ru":[],"kk":[],"en":[]}}}]})";
  for (const char* same : {"1", "1.0", "1e0", "0.1e1"}) {
    std::string d = doc;
    d.replace(d.find("POS"), 3, same);
    CHECK_MESSAGE(load_catalog_json(d, j).empty(), same);
  }
  std::string big = doc;
  big.replace(big.find("POS"), 3, "4294967299");
  CHECK(has(load_catalog_json(big, j), "out of range: 4294967299"));
}

TEST_CASE("JSON loader: duplicate keys, a byte order mark, lone surrogates") {
  Catalog c;
  const std::string good = read_file(KZPROF_TEST_DIR "/fixtures/mini.json");
  CHECK(load_catalog_json("\xEF\xBB\xBF" + good, c).empty());  // a BOM is skipped, as the browser loaders do
  std::string dup = good;
  dup.replace(dup.find("\"code\""), 6, "\"code\":\"9999-9-999\",\"code\"");
  auto errs = load_catalog_json(dup, c);
  REQUIRE(errs.size() == 1);
  CHECK(has(errs, "professions[0]: duplicate key 'code'"));
  std::string top = good;
  top.replace(top.rfind('}'), 1, ",\"professions\":[]}");
  CHECK(has(load_catalog_json(top, c), "data: duplicate key 'professions'"));
}

TEST_CASE("limits: absurd sizes are refused with the limit named") {
  Catalog c = one_entry();
  c.professions[0].ru = std::string(MAX_TEXT_BYTES + 1, 'a');
  CHECK(has(check_catalog(c), "field 'ru': 1001 bytes, longer than the limit of 1000"));
  c = one_entry();
  c.professions[0].aliases_en.assign(MAX_LIST_ITEMS + 1, "x");
  CHECK(has(check_catalog(c), "field 'en': 101 items, more than the limit of 100"));
  Catalog j;
  CHECK(has(load_catalog_json(std::string(MAX_DATA_BYTES + 1, ' '), j), "more than the limit of"));
}

// Issue 14.1: `meta` was free-form, but the widget's verdict view reads meta.act.*, meta.wording.*, as_of and
// source_urls; a file with "meta": {} passed the validator and killed the widget. What the widget shows is
// now required and typed, in the validator and both loaders (web/kzprof.mjs checkMeta: same messages).
TEST_CASE("meta: what the widget shows is present and typed") {
  const std::string good = read_file(KZPROF_TEST_DIR "/fixtures/mini.json");
  auto with_meta = [&](const std::string& meta) {
    const size_t from = good.find("\"meta\"");
    const size_t to = good.find("\"groups\"");
    return good.substr(0, from) + "\"meta\": " + meta + ",\n " + good.substr(to);
  };
  Catalog c;
  REQUIRE(load_catalog_json(good, c).empty());
  for (const char* bad : {"{}", "null", "\"x\"", "[]"}) {
    auto errs = load_catalog_json(with_meta(bad), c);
    if (std::string(bad) == "{}") {
      CHECK(has(errs, "meta: field 'act': missing or not an object"));
      CHECK(has(errs, "meta: field 'wording': missing or not an object"));
      CHECK(has(errs, "meta: field 'as_of': missing"));
      CHECK(has(errs, "meta: field 'source_urls': missing or not an object"));
    } else {
      CHECK(errs == std::vector<std::string>{"data: field 'meta': missing or not an object"});
    }
    CHECK(c.professions.empty());
  }
  std::string no_meta = good;
  no_meta.erase(no_meta.find("\"meta\""), no_meta.find("\"groups\"") - no_meta.find("\"meta\""));
  CHECK(load_catalog_json(no_meta, c) == std::vector<std::string>{"data: field 'meta': missing or not an object"});
  const std::string m = R"J({"act":{"number":"1","date":"2000-13-01","issuer":{"kk":"k","ru":5},"annex":" "},
    "wording":{"number":"1","date":"2000-01-01"},"as_of":"01.01.2000","data_version":"t",
    "source_urls":{"kk":"javascript:alert(1)","ru":"http://example.org"},"free":{"any":1}})J";
  CHECK(load_catalog_json(with_meta(m), c) == std::vector<std::string>{
    "meta: field 'act.date': expected a date YYYY-MM-DD",
    "meta: field 'act.issuer.ru': expected a string, got number",
    "meta: field 'act.issuer.en': missing",
    "meta: field 'act.annex': empty",
    "meta: field 'as_of': expected a date YYYY-MM-DD",
    "meta: field 'source_urls.kk': expected an https:// address",
    "meta: field 'source_urls.ru': expected an https:// address"});
  const std::string long_issuer =
      std::string(R"({"act":{"number":"1","date":"2000-01-01","issuer":{"kk":"k","ru":"r","en":")") +
      std::string(1001, 'e') + R"("},"annex":"1"},"wording":{"number":"1","date":"2000-01-01"},"as_of":"2000-01-01",
      "data_version":"t","source_urls":{"kk":"https://a","ru":"https://b"}})";
  CHECK(load_catalog_json(with_meta(long_issuer), c) ==
        std::vector<std::string>{"meta: field 'act.issuer.en': 1001 bytes, longer than the limit of 1000"});
}
