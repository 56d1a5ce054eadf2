#include "word_space.hpp"

#include <algorithm>

namespace kzprof {

namespace {
const size_t DP_MAX = 48;  // longer words are compared exactly only (never happens in titles)
}

// Only the band |i - j| <= max of the table is computed: a cell outside it is at least |i - j| > max, so
// it is taken as max + 1 (a sentinel on each side of the band). Cells whose true value is <= max only
// depend on such cells, so they, the early exit and the result are those of the full table.
// The early exit: once a whole row i > max (so d[i][0] > max too) is above max, every later row is (each cell comes
// from the row above plus 0 or 1, or from its left neighbour or the cell two up-left plus 1, and that one is itself >=
// the up-left neighbour in the previous row minus 0). The prefix distance min_j d[n][j] reads the last row of the same
// table over the first min(|b|, |a| + max) letters of b, which are all the columns the whole-word distance needs
// whenever that one is within max.
int osa_distance(const U32& a, const U32& b, int max, int* prefix) {
  const size_t n = a.size(), m = std::min(b.size(), n + size_t(max));
  const int inf = max + 1;
  if (prefix) *prefix = inf;
  const bool whole = (n > b.size() ? n - b.size() : b.size() - n) <= size_t(max);
  if (!whole && !prefix) return inf;
  if (n > DP_MAX || m > DP_MAX) return a == b ? 0 : inf;
  const size_t w = size_t(max);
  int d[DP_MAX + 2][DP_MAX + 2];
  for (size_t i = 0; i <= n; ++i) d[i][0] = int(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = int(j);
  for (size_t i = 1; i <= n; ++i) {
    const size_t lo = i > w + 1 ? i - w : 1, hi = std::min(m, i + w);
    if (lo > 1) d[i][lo - 1] = inf;
    if (hi < m) d[i][hi + 1] = inf;
    int row_min = inf;
    for (size_t j = lo; j <= hi; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > max && i > w) return inf;
  }
  if (prefix)
    for (size_t j = n > w ? n - w : 0; j <= m; ++j) *prefix = std::min(*prefix, d[n][j]);
  return whole ? std::min(d[n][m], inf) : inf;
}

void WordSpace::grams_of(const U32& w, std::vector<uint64_t>& out) {
  out.clear();
  if (w.size() < 2) return;
  out.push_back(gram(1, w[0], w[1]));
  for (size_t i = 0; i + 2 < w.size(); ++i) out.push_back(gram(w[i], w[i + 1], w[i + 2]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

long WordSpace::find(const U32& k) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), k);
  return (it != keys_.end() && *it == k) ? long(it - keys_.begin()) : -1;
}

std::pair<size_t, size_t> WordSpace::prefix_range(const U32& p) const {
  auto lo = std::lower_bound(keys_.begin(), keys_.end(), p);
  // keys from lo on that start with p are one run (sorted); it ends at the first that does not
  auto hi = std::partition_point(lo, keys_.end(), [&](const U32& k) { return k.compare(0, p.size(), p) == 0; });
  return {size_t(lo - keys_.begin()), size_t(hi - keys_.begin())};
}

void WordSpace::gram_lookup(uint64_t g, const uint32_t*& b, const uint32_t*& e) const {
  auto it = std::lower_bound(gram_keys_.begin(), gram_keys_.end(), g);
  if (it == gram_keys_.end() || *it != g) { b = e = nullptr; return; }
  size_t i = size_t(it - gram_keys_.begin());
  b = gram_ids_.data() + gram_off_[i];
  e = gram_ids_.data() + gram_off_[i + 1];
}

namespace {
// Sorted (key, value) pairs as unique keys and their values: the values of keys[i] are vals[off[i] .. off[i+1]).
template <class K>
void group_sorted(const std::vector<std::pair<K, uint32_t>>& items, std::vector<K>& keys, std::vector<uint32_t>& off,
                  std::vector<uint32_t>& vals) {
  keys.clear(), off.clear(), vals.clear();
  for (const auto& it : items) {
    if (keys.empty() || keys.back() != it.first) keys.push_back(it.first), off.push_back(uint32_t(vals.size()));
    vals.push_back(it.second);
  }
  off.push_back(uint32_t(vals.size()));
}
}  // namespace

void WordSpace::build(std::vector<std::pair<U32, uint32_t>> items, bool grams) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  group_sorted(items, keys_, off_, vals_);
  gram_keys_.clear(), gram_off_.clear(), gram_ids_.clear();
  if (!grams) return;
  std::vector<std::pair<uint64_t, uint32_t>> gk;
  std::vector<uint64_t> gs;
  for (size_t i = 0; i < keys_.size(); ++i) {
    grams_of(keys_[i], gs);
    for (uint64_t g : gs) gk.emplace_back(g, uint32_t(i));
  }
  std::sort(gk.begin(), gk.end());
  group_sorted(gk, gram_keys_, gram_off_, gram_ids_);
}

}  // namespace kzprof
