// libFuzzer: arbitrary bytes as the data — both as a JSON file (native tools) and as the packed
// catalog the browser hands the core — must give problems or a usable matcher, never a crash.
#include <cstdint>
#include <string>

#include "core/catalog.hpp"
#include "core/matcher.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  kzprof::Matcher m;
  if (m.load(text).empty()) (void)m.search_json("a", 5);
  kzprof::Catalog c;
  if (kzprof::load_packed_catalog(text, c).empty()) {
    kzprof::Matcher p;
    p.load(std::move(c));
    (void)p.search_json("врач", 5);
  }
  return 0;
}
