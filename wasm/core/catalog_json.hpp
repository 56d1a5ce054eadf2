// The data JSON into a Catalog, for the native tools (validator, CLI, tests, fuzzers): nlohmann parses,
// this file checks the shape (types, missing and unknown fields, duplicate keys) with the messages
// web/kzprof.mjs gives in the browser, then check_catalog() checks the values. The wasm never links it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "matcher.hpp"

namespace kzprof {

// Problems of the data (empty: `out` is complete and checked). A UTF-8 byte order mark is skipped.
std::vector<std::string> load_catalog_json(std::string_view json_text, Catalog& out);

// load_catalog_json, then m.load(); on problems the matcher is left empty (but usable).
std::vector<std::string> load_json(Matcher& m, std::string_view json_text);

}  // namespace kzprof
