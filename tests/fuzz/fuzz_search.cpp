// libFuzzer: arbitrary bytes as a query (invalid UTF-8, huge, control characters) over the real list.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "core/answer_json.hpp"
#include "core/catalog_json.hpp"

static const kzprof::Matcher& matcher() {
  static kzprof::Matcher m = [] {
    kzprof::Matcher mm;
    const char* path = std::getenv("KZPROF_DATA");
    std::ifstream f(path ? path : "data/professions.json");
    std::ostringstream ss;
    ss << f.rdbuf();
    if (!kzprof::load_json(mm, ss.str()).empty()) std::abort();  // the fuzzer needs the real list
    return mm;
  }();
  return m;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)kzprof::search_json(matcher(), std::string(reinterpret_cast<const char*>(data), size), 10);
  return 0;
}
