// Matcher::load from the data JSON: the native tools' entry point (nlohmann through load_catalog).
// The wasm never links this: web/kzprof.mjs parses the JSON and the bindings use load_packed_catalog.
#include "matcher.hpp"

namespace kzprof {

std::vector<std::string> Matcher::load(std::string_view json_text) {
  Catalog c;
  auto errors = load_catalog(json_text, c);
  if (!errors.empty()) c = Catalog{};
  load(std::move(c));
  return errors;
}

}  // namespace kzprof
