// Text normalization for matching: UTF-8 decoding (invalid bytes -> U+FFFD), NFD repair (и+◌̆ = й,
// е+◌̈ = ё), case folding (Latin, Russian, Kazakh), ё=е, Kazakh letter folding (ә→а, ғ→г, қ→к, ң→н,
// ө→о, ұ/ү→у, і→и, һ→х), Latin/Cyrillic look-alike repair, and tokenization into words that keep an
// offset map back to UTF-16 positions of the original string.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kzprof {

using U32 = std::u32string;

struct Token {
  U32 key;                     // lowercased + folded word (letters/digits; ' kept inside Latin words)
  std::vector<uint32_t> b, e;  // key[i] comes from UTF-16 units [b[i], e[i]) of the source
  bool joined = false;         // glued to the previous token by a single hyphen/dash ("врач-онколог")
  bool paren = false;          // inside (), [] or {}
  bool caps = false;           // written in capitals, 2+ letters ("ПО", "ИТ"): an abbreviation, never a stop word
};

// Tokens of one string in flat buffers (no allocation per token; reuse one Tokens object).
struct Tokens {
  // key letters keys[at, at+n); capital: the first letter is a capital («Шымкенте»); pause: a mark that ends
  // a phrase (, ; : . ! ? …) stands before the word
  struct Ref { uint32_t at, n; bool joined, paren, caps, capital, pause; };
  U32 keys;                      // all folded keys, back to back
  std::vector<uint32_t> b, e;    // per letter of `keys`: UTF-16 units [b, e) of the source
  std::vector<Ref> toks;
  bool offsets = true;           // false: b and e stay empty (the index build needs no offsets)
  size_t size() const { return toks.size(); }
  std::u32string_view key(size_t i) const { return std::u32string_view(keys).substr(toks[i].at, toks[i].n); }
};

namespace text {

// ---- Character classes: the one home of "which characters count as X" for the whole core.
bool is_space(char32_t c);       // whitespace of any script (U+0009..U+000D, U+00A0, U+2000..U+200B, U+3000, ...)
bool is_hyphen(char32_t c);      // hyphen-minus and the Unicode hyphens and dashes
bool is_apostrophe(char32_t c);  // ' and its look-alikes: ’ ‘ ʼ ` ´
bool is_blank(std::string_view utf8);  // empty or only is_space

bool is_cyrillic(char32_t c);
bool is_latin(char32_t c);  // ASCII letters and Latin-1/Extended-A letters
bool is_digit(char32_t c);
bool is_letter(char32_t c);  // Latin or Cyrillic letter
char32_t lower(char32_t c);
char32_t fold(char32_t c);  // lower + ё→е + Kazakh folding

U32 decode(std::string_view utf8);  // raw code points, invalid bytes -> U+FFFD
char32_t decode_one(std::string_view utf8, size_t& i);  // the code point at byte i (U+FFFD if invalid); i moves past it
void decode_into(std::string_view utf8, U32& out);  // appends
void append_utf8(std::string& out, char32_t c);
std::string to_utf8(const U32& s);

// Compatibility forms folded as NFKC does, before anything else reads a query: full-width letters, digits
// and punctuation (Chinese and Japanese input methods), mathematical alphanumerics (𝐃𝐚𝐭𝐚), ligatures (ﬁ),
// superscript and subscript digits, and every space character as ' '.
std::string fold_compat(std::string_view utf8);

// Cuts `s` to at most `max_units` UTF-16 code units (never inside a code point). Sets *truncated.
std::string cap_utf16(std::string_view s, size_t max_units, bool* truncated);

// Words of `s`. *ends_with_break (optional) is set when a separator follows the last word.
std::vector<Token> tokenize(std::string_view s, bool* ends_with_break = nullptr);
// The same words into reusable flat buffers (out is cleared first).
void tokenize(std::string_view s, Tokens& out, bool* ends_with_break = nullptr);

// The lossy transliteration skeleton of a folded word: й/ы/і→и, э→е, щ→ш, ъ/ь dropped, doubled
// letters collapsed. Russian in Latin letters, once transliterated, lands on the same skeleton.
U32 skeleton(const U32& key);

// The sound skeleton of a Latin word: its consonants by sound class (c/k/q/ch → k, soft c/z/sh/tion's t → s,
// g/j/zh/dzh → g, w/v → v, ph → f; h and vowels dropped; doubles collapsed), "^" first when the word starts with
// a vowel. English words and their Russian spellings romanized meet there ("software" / "softver": sftvr,
// "engineer" / "inzhener": ^ngnr). Empty when the word has no consonant.
U32 sound_skeleton(const U32& latin);

bool all_latin(const U32& w);  // every letter Latin (digits/apostrophes allowed), at least one letter
bool has_cyrillic(const U32& w);

}  // namespace text
}  // namespace kzprof
