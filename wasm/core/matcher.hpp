// The matching core: finds which official professions a free-text query means.
// PLACEHOLDER interface; the real engine replaces the implementation (issue 3).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"

namespace kzprof {

class Matcher {
 public:
  // Loads the data JSON; returns problems (empty = ready).
  std::vector<std::string> load(std::string_view json_text);
  // Search result as a JSON document: {"verdict","rewrite","results":[{code,score,match,highlights}]}.
  std::string search_json(std::string_view query, int limit) const;
  const Catalog& catalog() const { return catalog_; }

 private:
  Catalog catalog_;
};

}  // namespace kzprof
