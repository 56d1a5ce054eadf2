// The answer as JSON, for the native tools (CLI, tests, fuzzers); the same shape as the JavaScript object
// wasm/bindings.cpp makes. The wasm never links it.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "answer.hpp"
#include "matcher.hpp"

namespace kzprof {

nlohmann::ordered_json to_json(const Answer& a);
// m.search(query, limit) as JSON text.
std::string search_json(const Matcher& m, std::string_view query, int limit);

}  // namespace kzprof
