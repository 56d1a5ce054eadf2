// Morphology on folded lowercase words (see text.hpp): the Snowball Russian stemmer, a Kazakh suffix
// stripper and a light English stemmer. Stems are only compared with other stems made by the same
// function, so they need to be consistent, not linguistically pretty.
#pragma once
#include "text.hpp"

namespace kzprof {
namespace stem {

U32 russian(const U32& w);  // Snowball Russian (ё already folded to е)
U32 kazakh(const U32& w);   // iterative suffix stripping on Kazakh-folded words
U32 english(const U32& w);  // plural / possessive only

// A Russian adjective by its ending (>= 5 letters): "программного", "ведущий".
bool ru_adjective(std::u32string_view w);

// Stop words of the three languages (folded): по, в, и, с, для, жөніндегі, және, of, and, ...
bool is_stop(std::u32string_view w);

}  // namespace stem
}  // namespace kzprof
