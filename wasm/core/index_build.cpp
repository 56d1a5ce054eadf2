// Space::build: sorting the keys and the trigram index. Runs once per catalog; compiled for size in the
// wasm (the lookups in index.cpp for speed).
#include <algorithm>

#include "index.hpp"

namespace kzprof {

void Space::build(std::vector<std::pair<U32, uint32_t>> items, bool grams) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  keys_.clear(); off_.clear(); vals_.clear();
  for (auto& it : items) {
    if (keys_.empty() || keys_.back() != it.first) { keys_.push_back(it.first); off_.push_back(uint32_t(vals_.size())); }
    vals_.push_back(it.second);
  }
  off_.push_back(uint32_t(vals_.size()));
  gram_keys_.clear(); gram_off_.clear(); gram_ids_.clear();
  if (!grams) return;
  std::vector<std::pair<uint64_t, uint32_t>> gk;
  std::vector<uint64_t> gs;
  for (size_t i = 0; i < keys_.size(); ++i) {
    grams_of(keys_[i], gs);
    for (uint64_t g : gs) gk.emplace_back(g, uint32_t(i));
  }
  std::sort(gk.begin(), gk.end());
  for (auto& p : gk) {
    if (gram_keys_.empty() || gram_keys_.back() != p.first) { gram_keys_.push_back(p.first); gram_off_.push_back(uint32_t(gram_ids_.size())); }
    gram_ids_.push_back(p.second);
  }
  gram_off_.push_back(uint32_t(gram_ids_.size()));
}

}  // namespace kzprof
