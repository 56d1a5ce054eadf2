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
