// Definitions shared by the query path (matcher.cpp) and the index build (matcher_build.cpp), which
// are separate translation units so that the wasm compiles them at different optimisation levels.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kzprof {
namespace mimpl {

enum Kind : uint8_t { K_WORD, K_PREFIX, K_MORPH, K_TYPO, K_INFIX, K_CODE, K_ALIAS, K_ENGLISH, K_EXACT, K_BROWSE };
enum FieldKind : uint8_t { FK_KK, FK_RU, FK_EN, FK_ALIAS_RU, FK_ALIAS_KK, FK_ALIAS_EN };
constexpr uint8_t F_SIG = 1, F_HEAD = 2;

// Typo budget by query word length (in letters): 0 edits up to 4, 1 for 5–8, 2 from 9.
inline int typo_budget(size_t n) { return n <= 4 ? 0 : n <= 8 ? 1 : 2; }

inline int popcount64(uint64_t x) {
  int c = 0;
  for (; x; x &= x - 1) ++c;
  return c;
}

// A Russian adjective (folded, >= 5 letters): one table for the index build and the query path.
bool ru_adjective(std::u32string_view w);

// A word is "specific" when it occurs in at most max(RARE_DF_MIN, RARE_DF_PERCENT% of the entries).
constexpr uint32_t RARE_DF_MIN = 2;
constexpr uint32_t RARE_DF_PERCENT = 2;

}  // namespace mimpl
}  // namespace kzprof
