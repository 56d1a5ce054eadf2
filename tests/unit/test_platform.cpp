// Issue 14.2: wasm32 has a 32-bit long and size_t; the native, sanitizer and fuzz builds a 64-bit one, so
// a wrap-around that only the browser has (positions parsed into long: 4294967299 loaded as 3) was
// invisible to every test. This file runs in both: the wasm preset compiles all of tests/unit to wasm32
// and runs it under Node (ctest unit_tests_wasm). The first case says which one is running.
#include <doctest/doctest.h>

#include <climits>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/answer_json.hpp"
#include "core/catalog.hpp"
#include "core/catalog_json.hpp"

using namespace kzprof;

TEST_CASE("the platform under test: wasm32 under Node, or the native 64-bit build") {
#ifdef __EMSCRIPTEN__
  CHECK(sizeof(long) == 4);
  CHECK(sizeof(size_t) == 4);
  CHECK(sizeof(void*) == 4);
  MESSAGE("wasm32: sizeof(long) = 4, sizeof(size_t) = 4");
#else
  CHECK(sizeof(size_t) >= 4);
#endif
}

// Values that wrap in a 32-bit long or size_t: each is refused with its own value in the message, never
// loaded as a small number, on every platform.
TEST_CASE("32-bit boundaries: positions near 2^31, 2^32 and 2^53 are out of range everywhere") {
  Catalog c;
  c.groups.push_back(Group{"g", {"a"}, {"b"}, "c"});
  c.professions.push_back(Profession{1, "1111-1-111", "g", "k", "r", "e", {}, {}, {}});
  REQUIRE(check_catalog(c).empty());
  const std::pair<double, const char*> cases[] = {
      {2147483647.0, "2147483647"}, {2147483648.0, "2147483648"}, {2147483651.0, "2147483651"},
      {4294967295.0, "4294967295"}, {4294967296.0, "4294967296"}, {4294967299.0, "4294967299"},
      {-4294967295.0, "-4294967295"}, {9007199254740993.0, "9007199254740992"}, {1e300, nullptr}};
  for (const auto& [v, shown] : cases) {
    c.professions[0].position = v;
    const auto errs = check_catalog(c);
    REQUIRE(errs.size() == 1);
    CHECK(errs[0].find("field 'position': out of range") != std::string::npos);
    if (shown) CHECK_MESSAGE(errs[0].find(shown) != std::string::npos, errs[0]);
  }
}

// Limits near the 32-bit range: a limit of INT_MAX (or any negative) answers like a limit of "all" (or 0);
// no size computation wraps.
TEST_CASE("32-bit boundaries: search limits at the ends of int") {
  Matcher m;
  std::string text;
  {
    FILE* f = std::fopen(KZPROF_TEST_DIR "/fixtures/mini.json", "rb");
    REQUIRE(f);
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
  }
  REQUIRE(load_json(m, text).empty());
  const size_t n = m.catalog().professions.size();
  for (const char* q : {"", "врач", "2512", "инженер"}) {
    const Answer all = m.search(q, INT_MAX);
    CHECK(all.results.size() <= n);
    CHECK(m.search(q, 1000).results.size() == all.results.size());
    for (int lim : {-1, INT_MIN, 0}) CHECK(m.search(q, lim).results.empty());
    CHECK(m.search(q, 1).results.size() == std::min<size_t>(1, all.results.size()));
  }
  CHECK(m.search("", INT_MAX).results.size() == n);
}

// Highlights are UTF-16 offsets (uint32); a query at MAX_QUERY_UTF16 of 4-byte characters (2 units each)
// is cut at a character boundary and says so, on both platforms.
TEST_CASE("32-bit boundaries: a long astral query is cut, flagged, and answered") {
  Matcher m;
  std::string q;
  for (int i = 0; i < 300; ++i) q += "\xF0\x9F\x98\x80";  // U+1F600, 2 UTF-16 units
  const Answer a = m.search(q, 5);
  CHECK(a.truncated);
  CHECK(a.results.empty());
}
