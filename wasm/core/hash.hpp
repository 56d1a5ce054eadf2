// The one hash of the core: 32-bit FNV-1a over the code units of a string (interning the index's words,
// the catalog's duplicate checks, the candidate cache). Small, and good enough for open addressing.
#pragma once
#include <cstdint>
#include <type_traits>

namespace kzprof {

template <class Units>
uint32_t fnv1a(const Units& s) {
  uint32_t h = 2166136261u;
  for (auto c : s) h = (h ^ uint32_t(std::make_unsigned_t<decltype(c)>(c))) * 16777619u;
  return h;
}

}  // namespace kzprof
