#include "answer_json.hpp"

namespace kzprof {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json spans_json(const Spans& spans) {
  ordered_json out = ordered_json::array();
  for (const Span& s : spans) out.push_back({s.begin, s.end});
  return out;
}

}  // namespace

ordered_json to_json(const Answer& a) {
  ordered_json out;
  out["verdict"] = a.verdict;
  out["rewrite"] = a.rewrite
                       ? ordered_json{{"kind", a.rewrite->kind}, {"from", a.rewrite->from}, {"text", a.rewrite->text}}
                       : ordered_json(nullptr);
  out["truncated"] = a.truncated;
  ordered_json results = ordered_json::array();
  for (const Result& r : a.results) {
    ordered_json x;
    x["code"] = r.code;
    x["score"] = r.score;
    x["match"] = r.match;
    x["highlights"] = {{"kk", spans_json(r.kk)}, {"ru", spans_json(r.ru)}, {"en", spans_json(r.en)}};
    x["alias"] = r.alias ? ordered_json{{"lang", r.alias->lang}, {"text", r.alias->text},
                                        {"highlights", spans_json(r.alias->highlights)}}
                         : ordered_json(nullptr);
    results.push_back(std::move(x));
  }
  out["results"] = std::move(results);
  return out;
}

std::string search_json(const Matcher& m, std::string_view query, int limit) {
  // Names and aliases are valid UTF-8 (the loader checked); the rewrite echoes the query, which may not be.
  return to_json(m.search(query, limit)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace kzprof
