// Loading the data file: schema errors come back as messages naming the entry and the field.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/catalog.hpp"
#include "core/source_check.hpp"

using namespace kzprof;

static std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

static bool has(const std::vector<std::string>& errs, const std::string& needle) {
  for (const auto& e : errs)
    if (e.find(needle) != std::string::npos) return true;
  return false;
}

TEST_CASE("the fixture list loads") {
  Catalog c;
  auto errs = load_catalog(read(KZPROF_TEST_DIR "/fixtures/mini.json"), c);
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
  CHECK(has(load_catalog("{", c), "not valid JSON"));
  CHECK(has(load_catalog("[]", c), "expected a JSON object"));
  CHECK(has(load_catalog("{}", c), "'groups'"));
  CHECK(has(load_catalog("", c), "not valid JSON"));
  const char* wrong_type = R"({"groups":[{"id":"g","kk":["a"],"ru":["b"],"unofficial":{"en":"c"}}],
    "professions":[{"position":1,"code":"1111-1-111","group":"g","kk":5,"ru":"x",
                    "unofficial":{"en":"y","aliases":{"ru":[],"kk":[],"en":[]}}}]})";
  CHECK(has(load_catalog(wrong_type, c), "1111-1-111: field 'kk': expected a string, got number"));
}

TEST_CASE("whitespace-insensitive comparison keeps letters and punctuation") {
  CHECK(strip_whitespace("И н ж е н е р  п о\n") == "Инженерпо");
  CHECK(strip_whitespace("a\xC2\xA0" "b\tc") == "abc");
  CHECK(strip_whitespace("Врач-онколог") == "Врач-онколог");
}

// The packed catalog (web/kzprof.mjs -> wasm): same catalog, same value messages as the JSON loader.
TEST_CASE("packed catalog: loads, and reports value problems like load_catalog") {
  const std::string S = "\x1f";
  std::string ok = std::string("\x1eG") + S + "g" + S + "1" + S + "a" + S + "1" + S + "b" + S + "c" + S +
                   "\x1eP" + S + "1111-1-111" + S + "1" + S + "g" + S + "k" + S + "r" + S + "e" + S + "2" + S + "x" + S +
                   "y" + S + "0" + S + "0";
  Catalog c;
  CHECK(load_packed_catalog(ok, c).empty());
  REQUIRE(c.professions.size() == 1);
  CHECK(c.professions[0].aliases_ru == Strs{"x", "y"});
  CHECK(c.groups[0].kk == Strs{"a"});
  CHECK(c.groups[0].en == "c");

  std::string bad = std::string("\x1eG") + S + "g" + S + "0" + S + "1" + S + "b" + S + "c" + S +
                    "\x1eP" + S + "1111-1-11" + S + "1" + S + "zz" + S + " " + S +
                    "\x1d" "1111-1-11: field 'ru': missing" + S + "e" + S + "0!" + S + "0" + S + "1" + S + "";
  auto errs = load_packed_catalog(bad, c);
  CHECK(has(errs, "group 'g': field 'kk': empty array"));
  CHECK(has(errs, "1111-1-11: field 'code': malformed code"));
  CHECK(has(errs, "1111-1-11: field 'group': unknown group 'zz'"));
  CHECK(has(errs, "1111-1-11: field 'kk': empty"));
  CHECK(has(errs, "1111-1-11: field 'ru': missing"));
  CHECK(has(errs, "1111-1-11: field 'ru[0]': expected a non-empty string"));
  CHECK(has(errs, "1111-1-11: field 'en[0]': expected a non-empty string"));

  // The JSON loader gives the same messages for the same problems.
  const char* json = R"({"groups":[{"id":"g","kk":[],"ru":["b"],"unofficial":{"en":"c"}}],
    "professions":[{"position":1,"code":"1111-1-11","group":"zz","kk":" ",
                    "unofficial":{"en":"e","aliases":{"ru":[1],"kk":[],"en":[""]}}}]})";
  CHECK(load_catalog(json, c) == errs);
}

TEST_CASE("packed catalog: arbitrary input gives messages, never a crash") {
  const char alphabet[] = {'\x1e', '\x1f', '\x1d', 'G', 'P', 'g', 'p', '1', '9', '!', '^', '-', 'a'};
  uint32_t x = 12345;
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    int len = n % 60;
    for (int i = 0; i < len; ++i) {
      x = x * 1664525u + 1013904223u;
      s.push_back(alphabet[(x >> 24) % sizeof(alphabet)]);
    }
    Catalog c;
    (void)load_packed_catalog(s, c);
  }
  Catalog c;
  CHECK(!load_packed_catalog("\x1eZ", c).empty());
  CHECK(!load_packed_catalog(std::string("\x1eG\x1fg\x1f") + "99999999999", c).empty());
}

TEST_CASE("packed catalog: a truncated record is refused with messages, never an empty one") {
  for (const char* bad : {"\x1eg", "\x1ep", "\x1ex", "\x1eP", "\x1eG\x1f"}) {
    Catalog c;
    auto errs = load_packed_catalog(bad, c);
    CHECK(!errs.empty());
    for (const auto& e : errs) CHECK(!e.empty());
  }
}
