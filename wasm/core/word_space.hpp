// A word space: the words of the titles in one form (folded keys, stems, skeletons), sorted for exact and
// prefix lookups by binary search, with an optional trigram index over the keys (the candidates for typos
// and infixes); and the bounded Damerau–Levenshtein distance (optimal string alignment) that verifies them.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "text.hpp"

namespace kzprof {

// Damerau–Levenshtein distance (optimal string alignment) of a and b; returns max+1 when above max.
// With `prefix`, also *prefix = min over prefixes p of b of osa_distance(a, p) ("a is a prefix of b
// with typos"; max+1 when above max), from the same table.
int osa_distance(const U32& a, const U32& b, int max, int* prefix = nullptr);

// keys (unique, sorted) -> values; values of key i are vals[off[i] .. off[i+1]).
class WordSpace {
 public:
  // items: (key, value) pairs in any order; duplicates allowed. `grams`: build the trigram index.
  void build(std::vector<std::pair<U32, uint32_t>> items, bool grams);
  size_t size() const { return keys_.size(); }
  const U32& key(size_t i) const { return keys_[i]; }
  const uint32_t* vals_begin(size_t i) const { return vals_.data() + off_[i]; }
  const uint32_t* vals_end(size_t i) const { return vals_.data() + off_[i + 1]; }
  long find(const U32& k) const;                               // key index or -1
  std::pair<size_t, size_t> prefix_range(const U32& p) const;  // keys starting with p

  // Gram statistics of q against every key sharing a trigram ("^" marks the word start):
  // f(key index, shared grams incl. the start gram, shared inner grams, stats of q) where the stats
  // are the numbers of unique grams of q (all, inner).
  struct GramStats { int all = 0, inner = 0; };
  template <class F>
  GramStats scan_grams(const U32& q, F&& f) const;

 private:
  std::vector<U32> keys_;
  std::vector<uint32_t> off_, vals_;
  std::vector<uint64_t> gram_keys_;  // sorted unique grams
  std::vector<uint32_t> gram_off_, gram_ids_;
  void gram_lookup(uint64_t g, const uint32_t*& b, const uint32_t*& e) const;

 public:
  static void grams_of(const U32& w, std::vector<uint64_t>& out);  // "^"-padded trigrams, unique sorted
  static uint64_t gram(char32_t a, char32_t b, char32_t c) {
    return (uint64_t(a) << 42) | (uint64_t(b) << 21) | uint64_t(c);
  }
};

template <class F>
WordSpace::GramStats WordSpace::scan_grams(const U32& q, F&& f) const {
  GramStats st;
  if (gram_keys_.empty() || q.size() < 2) return st;
  // Scratch reused across calls (all/inner are zero again after every call). Not reentrant: f must
  // not call scan_grams.
  static thread_local std::vector<uint64_t> gs;
  static thread_local std::vector<uint8_t> all, inner;
  static thread_local std::vector<uint32_t> touched;
  grams_of(q, gs);
  const uint64_t start_mark = 1;  // '^' is encoded as code point 1
  if (all.size() < keys_.size()) all.resize(keys_.size()), inner.resize(keys_.size());
  touched.clear();
  for (uint64_t g : gs) {
    bool is_start = (g >> 42) == start_mark;
    ++st.all;
    if (!is_start) ++st.inner;
    const uint32_t *b, *e;
    gram_lookup(g, b, e);
    for (; b != e; ++b) {
      if (!all[*b]) touched.push_back(*b);
      if (all[*b] < 255) ++all[*b];
      if (!is_start && inner[*b] < 255) ++inner[*b];
    }
  }
  for (uint32_t k : touched) {
    const int a = all[k], i = inner[k];
    all[k] = inner[k] = 0;
    f(size_t(k), a, i, st);
  }
  return st;
}

}  // namespace kzprof
