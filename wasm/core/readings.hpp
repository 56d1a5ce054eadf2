// Alternative readings of a query: wrong keyboard layout (QWERTY <-> ЙЦУКЕН, the Kazakh number row),
// and transliteration of Latin-letter Russian/Kazakh into Cyrillic. Each function maps the raw query
// text to another raw text; the matcher tokenizes and scores every reading like a typed query.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace kzprof {
namespace readings {

// One other way to read a query.
struct Reading {
  std::string text;
  const char* kind;  // "layout", "translit", "kk-latin", "letters", "code-layout" (the answer's rewrite.kind)
  bool skeleton;     // a transliteration: its words are compared by skeleton (lossy vowels, ь, doubled letters)
  bool code_only;    // only a code can be read from it (the Kazakh number row)
};

// Every other reading of q that differs from it and from the ones before, in the order of the table in
// readings.cpp (the order breaks ties: the earlier reading wins). Adding a keyboard layout is one entry there.
std::vector<Reading> alternatives(std::string_view q);

bool has_latin_letter(std::string_view q);
bool has_cyrillic_letter(std::string_view q);
bool has_kk_number_row(std::string_view q);  // ә і ң ғ ү ұ қ ө һ present

// Russian/Kazakh typed with the English layout active: "dhfx-jyrjkju" -> "врач-онколог".
// , . ; ' [ ] ` (and shifted < > : " { } ~) next to a letter map to б ю ж э х ъ ё; digits inside a
// Latin word map to the Kazakh letters of the number row (2→ә 3→і 4→ң 5→ғ 8→ү 9→ұ 0→қ).
std::string qwerty_to_cyrillic(std::string_view q);
// English typed with the Russian layout active: "ыщаецфку" -> "software".
std::string cyrillic_to_qwerty(std::string_view q);
// A code typed with the Kazakh layout active: ә→2 і→3 ң→4 ғ→5 ү→8 ұ→9 қ→0 ө→- һ→=.
// With `punct_digits`, ',' → 6 and '.' → 7 as well (the Kazakh layout puts them on 6 and 7).
std::string kk_number_row_to_digits(std::string_view q, bool punct_digits);

// English initials spelled out in Cyrillic letter names, as one abbreviation in capitals: «айти» → "IT",
// «эй ай» → "AI", «ай-ти специалист» → "IT специалист". Two to five letters; other words are kept.
std::string spelled_letters(std::string_view q);

// A folded Cyrillic word in Latin letters, as Russian is commonly romanized (ж zh, х kh, ц ts, ч ch, ш sh,
// щ shch, ю yu, я ya, й y, ъ ь dropped): "софтвер" -> "softver", to compare English words by sound.
U32 romanize(const U32& cyrillic);

// True when the Latin text carries marks of Kazakh Latin (ä ğ ñ ö ū ü ı ş ç, q, or a' g' n' ... s' c').
bool looks_kazakh_latin(std::string_view q);
// Latin-letter words to Cyrillic. kk: Kazakh Latin (2017 apostrophe and 2021 diacritic versions);
// otherwise common Russian romanizations (sh ch zh kh ts shch sch ya yu yo, y/i/j for й, w→в, x→кс,
// c→ц before e/i/y else к). `j_as_y`: read j as й (ja→я ...) instead of ж before vowels.
std::string transliterate(std::string_view q, bool kk, bool j_as_y);

}  // namespace readings
}  // namespace kzprof
