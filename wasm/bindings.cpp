// The only file that knows about emscripten: exposes the core to JavaScript through embind.
// Strings cross as UTF-8 std::string; results cross as JSON text (parsed once in web/kzprof.mjs).
// The data crosses as the packed catalog (format: wasm/core/catalog.hpp), built by web/kzprof.mjs from
// JSON.parse output, so the wasm carries no JSON parser.
#include <emscripten/bind.h>

#include "core/matcher.hpp"

namespace {

// Returns "" when the data loaded, otherwise the problems, one per line.
std::string load(kzprof::Matcher& m, const std::string& packed) {
  kzprof::Catalog c;
  std::string joined;
  for (const auto& e : kzprof::load_packed_catalog(packed, c)) joined += e + "\n";
  if (!joined.empty()) c = kzprof::Catalog{};
  m.load(std::move(c));
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
