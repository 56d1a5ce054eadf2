// Morphology on folded lowercase words (see text.hpp): the Snowball Russian stemmer, a Kazakh suffix
// stripper and a light English stemmer. Stems are only compared with other stems made by the same
// function, so they need to be consistent, not linguistically pretty.
#pragma once
#include <vector>

#include "text.hpp"

namespace kzprof {
namespace stem {

U32 russian(const U32& w);  // Snowball Russian (ё already folded to е)
U32 kazakh(const U32& w);   // iterative suffix stripping on Kazakh-folded words
// Every stem the word can be cut to, itself included (kazakh() takes the longest ending each step, and an
// ending can hide another: «маманымын» is маман + ы + мын, not only мама + ны + мын).
void kazakh_every_stem(const U32& w, std::vector<U32>& out);
U32 english(const U32& w);  // plural / possessive only

// A Russian adjective by its ending (>= 5 letters): "программного", "ведущий".
bool ru_adjective(std::u32string_view w);

// Stop words of the three languages (folded): по, в, и, с, для, жөніндегі, және, of, and, ...
bool is_stop(std::u32string_view w);

// A word of the frame of a sentence around a title ("я по образованию …", "I am a …", "менің кәсібім …"):
// pronouns, work / be / seek / study, profession and speciality, "is … on the list", years. Optional in a query.
bool is_frame(const U32& w);

// Another person or a pronoun (она, ол, брат, ағам, brother): optional in a sentence as a complete word;
// as the word being typed it may be the start of a title word («он» of «онколог»).
bool is_person(const U32& w);

// Where one works or comes from, which says nothing of the profession: a preposition opening such a phrase
// (в, во, на, из; in, at, from); a noun of a place of work or a settlement (больница, завод, аурухана, қала,
// studio, city); a word in the Kazakh locative or ablative case or its adjective (Шымкентте, Индиядан,
// зауытта, Алматыдағы), by its ending alone, so Russian words may match too (завода): callers also ask
// for a name or a place noun.
bool is_place_preposition(std::u32string_view w);
bool is_place_noun(const U32& w);
// What kind of place, which says nothing of the profession either: its level, owner, size or country
// (городской, частной, қалалық, private). Part of a place phrase only before a place noun or a name.
bool is_place_adjective(const U32& w);
bool is_place_name(const U32& w);  // a city of Kazakhstan or a country of origin, however written (алматы, индии)
bool kk_place_case(const U32& w);

// The Kazakh stems (kazakh()) with the same meaning as this one in the titles, itself included, or nullptr.
const std::vector<U32>* kazakh_synonyms(const U32& kk_stem);

}  // namespace stem
}  // namespace kzprof
