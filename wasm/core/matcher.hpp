// The matching core: finds which official professions a free-text query means. One look at the parts:
//   text.hpp        normalization: decoding, folding, character classes, tokens
//   stem.hpp        morphology: Russian, Kazakh and English stems, stop words
//   readings.hpp    the other ways a query may be read: keyboard layouts, transliterations
//   index.hpp       the index over the catalog, built once per list
//   candidates.hpp  which title words one query word may mean
//   scoring.hpp     the weights, and one reading scored into results
//   verdict.cpp     search(): which reading wins, the verdict, the answer with its highlights
#pragma once
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "answer.hpp"
#include "catalog.hpp"
#include "index.hpp"
#include "scoring.hpp"

namespace kzprof {

// Longest query looked at, in UTF-16 code units (longer input is cut; Answer::truncated).
constexpr size_t MAX_QUERY_UTF16 = 256;

// Not thread-safe: one Matcher answers one query at a time (its buffers are reused from query to query).
class Matcher {
 public:
  // Builds the index over a catalog that check_catalog() accepted. An empty catalog gives an empty matcher.
  void load(Catalog&& c);
  // The answer to `query`: a blank query lists every entry in official order (verdict "browse").
  // At most `limit` results (a negative limit counts as 0).
  Answer search(std::string_view query, int limit) const;
  const Catalog& catalog() const { return catalog_; }

 private:
  Catalog catalog_;
  Index index_;
  mutable Scratch scratch_;

  // Highlight maps of the fields rendered so far (tokenizing the titles was most of an answer's cost):
  // per field 1 + the index of its header (token count) in hl_tok_, then per token (first letter in hl_be_,
  // letters); per letter its UTF-16 [b, e) in the source. Emptied when it holds more than HL_CACHE_LETTERS.
  static constexpr size_t HL_CACHE_LETTERS = size_t(1) << 18;
  mutable std::vector<uint32_t> hl_first_;
  mutable std::vector<std::pair<uint32_t, uint32_t>> hl_tok_, hl_be_;

  using Marks = std::vector<std::pair<uint16_t, std::pair<uint8_t, uint8_t>>>;  // (token, letters [a, b))
  Spans spans(uint32_t field, std::string_view text, const Marks& marks) const;
  const Marks& marks_of(const Eval& ev, uint32_t field, Marks& m) const;
  Answer answer(const Eval& ev, int limit, const std::string& from, bool truncated, const char* verdict) const;
};

}  // namespace kzprof
