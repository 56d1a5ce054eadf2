// libFuzzer: arbitrary bytes as the data file must give errors or a catalog, never a crash.
#include <cstdint>
#include <string>

#include "core/matcher.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kzprof::Matcher m;
  if (m.load(std::string(reinterpret_cast<const char*>(data), size)).empty()) (void)m.search_json("a", 5);
  return 0;
}
