// Candidates: which words of the titles one query word may mean, and how sure we are (candidates.cpp).
// Rules, in order: the same word; a prefix (the word being typed); the same stem; a typo within the budget;
// inside a compound; the Cyrillic spelling of a Latin word; for transliterations, the same skeleton.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "index.hpp"
#include "text.hpp"

namespace kzprof {

struct Cand {
  uint32_t word;  // Index::words
  int16_t q;      // quality 0..100 (scoring.hpp)
  uint8_t kind;   // Kind (scoring.hpp)
  bool conf;      // confident: can make a result "listed"
  uint8_t a, b;   // the letters [a, b) of the word it covers (highlights)
};

// Candidates of recent query words, per (word, last, skeleton): typing repeats the earlier words of a
// query on every keystroke. Direct-mapped; one per Matcher, emptied when the index is rebuilt.
class CandidateCache {
 public:
  void clear();
  // The candidates of `key`: from the cache, or found and kept.
  const std::vector<Cand>& get(const Index& ix, const U32& key, bool last, bool skeleton);

 private:
  struct Slot { U32 key; bool last = false, skeleton = false, used = false; std::vector<Cand> cands; };
  static constexpr size_t N = 64;
  Slot slot_[N];
};

// Every candidate of one query word, best per index word. `last`: the word being typed (prefixes count);
// `skeleton`: the word comes from a transliteration, compared by skeleton.
void find_candidates(const Index& ix, const U32& key, bool last, bool skeleton, std::vector<Cand>& out);

// An upper bound of the best candidate of one query word, by the same rules as find_candidates but from
// lookups only (no trigram scans): what an alternative reading could reach at best.
struct CandidateBound { int q = 0; bool conf = false; bool exact = false; };
CandidateBound bound_candidates(const Index& ix, const U32& key, bool last, bool skeleton);

// Where a fused query word splits into two title words ("врачпедиатр"), or 0.
size_t split_point(const Index& ix, const U32& w, bool skeleton);

}  // namespace kzprof
