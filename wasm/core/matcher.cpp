#include "matcher.hpp"

#include <nlohmann/json.hpp>

namespace kzprof {

std::vector<std::string> Matcher::load(std::string_view json_text) { return load_catalog(json_text, catalog_); }

std::string Matcher::search_json(std::string_view query, int limit) const {
  nlohmann::json out = {{"verdict", "browse"}, {"rewrite", nullptr}, {"results", nlohmann::json::array()}};
  (void)query;
  for (const auto& p : catalog_.professions) {
    if (limit-- <= 0) break;
    out["results"].push_back({{"code", p.code}, {"score", 0}, {"match", "browse"}, {"highlights", nlohmann::json::object()}});
  }
  return out.dump();
}

}  // namespace kzprof
