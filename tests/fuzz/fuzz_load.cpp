// libFuzzer: arbitrary bytes as the data JSON must give problems or a usable matcher, never a crash, and
// never a partial load: with problems the matcher is empty; without, every entry has a valid code and its
// official position, and every group it names exists.
#include <cstdint>
#include <string>

#include "core/answer_json.hpp"
#include "core/catalog.hpp"
#include "core/catalog_json.hpp"

#include "require.hpp"

static void check_loaded(const kzprof::Catalog& c) {
  for (size_t i = 0; i < c.professions.size(); ++i) {
    const kzprof::Profession& p = c.professions[i];
    REQUIRE(kzprof::is_valid_code(p.code));
    REQUIRE(p.position == double(i + 1));
    REQUIRE(c.group(p.group) != nullptr);
    REQUIRE(c.by_code(p.code) == &p);
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  kzprof::Matcher m;
  const auto problems = kzprof::load_json(m, text);
  for (const auto& e : problems) REQUIRE(!e.empty());
  if (problems.empty()) {
    check_loaded(m.catalog());
    (void)kzprof::search_json(m, "a", 5);
  } else {
    REQUIRE(m.catalog().professions.empty() && m.catalog().groups.empty());
    REQUIRE(kzprof::search_json(m, "врач", 5).find("\"results\":[]") != std::string::npos);
  }
  return 0;
}
