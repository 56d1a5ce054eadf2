// The only file that knows about emscripten: exposes the core to JavaScript through embind.
// Strings cross as UTF-8 std::string; results cross as JSON text (parsed once in web/kzprof.mjs).
#include <emscripten/bind.h>

#include "core/matcher.hpp"

namespace {

// Returns "" when the data loaded, otherwise the problems, one per line.
std::string load(kzprof::Matcher& m, const std::string& json_text) {
  std::string joined;
  for (const auto& e : m.load(json_text)) joined += e + "\n";
  return joined;
}

std::string search(const kzprof::Matcher& m, const std::string& query, int limit) {
  return m.search_json(query, limit);
}

}  // namespace

EMSCRIPTEN_BINDINGS(kzprof) {
  emscripten::class_<kzprof::Matcher>("Matcher")
      .constructor<>()
      .function("load", &load)
      .function("search", &search);
}
