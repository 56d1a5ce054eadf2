// The matcher's index over a catalog, built once per list (index.cpp): every word of every name and alias,
// folded, with its stems and transliteration skeleton; the fields (one per name or alias) as token lists;
// the postings word -> (field, token position); and the word spaces the candidates are looked up in.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "text.hpp"
#include "word_space.hpp"

namespace kzprof {

// The fields of one entry, in this order: its official names, its English name, then its aliases.
enum FieldKind : uint8_t { FK_KK, FK_RU, FK_EN, FK_ALIAS_RU, FK_ALIAS_KK, FK_ALIAS_EN };
constexpr bool is_alias(uint8_t kind) { return kind >= FK_ALIAS_RU; }

// Token flags: significant (not a stop word, not in parentheses); the head (the word that names the job:
// "нейрохирург" in "Врач-нейрохирург", "engineer" in "Sound engineer"); an abbreviation in capitals ("ИТ").
constexpr uint8_t F_SIG = 1, F_HEAD = 2, F_ABBR = 4;

struct Word {
  U32 key;             // folded word
  U32 ru, kk, en;      // its Russian / Kazakh stem (Cyrillic words) or English stem (Latin words)
  uint32_t df = 0;     // entries containing it
};
struct Field {
  uint32_t entry;
  uint8_t kind;        // FieldKind
  uint16_t alias;      // index in the entry's alias list of that language
  uint32_t tok;        // first token in Index::toks
  uint16_t ntok;
  uint16_t groups;     // word groups ("врач-онколог" is one group of two words) holding a significant word
  uint64_t sigmask;    // bit g: group g holds a significant word
  bool shared = false; // a one-word alias whose word is in another entry's name: it cannot make its entry listed
  bool shortened = false;  // an alias that is its entry's name of the same language without its common words
                           // («педиатр» of «Врач-педиатр»: only «врач», in many names, is left out)
};
struct Tok { uint32_t word; uint16_t group; uint8_t flags; };
struct Post { uint32_t field; uint16_t pos; };

struct Index {
  std::vector<Word> words;
  WordSpace keys;      // folded words, with trigrams
  WordSpace skel;      // transliteration skeletons, with trigrams
  WordSpace ru, kk, en;  // stems
  WordSpace sound;     // sound skeletons of the Latin words (text::sound_skeleton), for English typed in Cyrillic
  std::vector<Field> fields;
  std::vector<Tok> toks;
  std::vector<uint32_t> post_off;  // postings of word w: posts[post_off[w] .. post_off[w+1])
  std::vector<Post> posts;
  std::vector<uint32_t> entry_field;       // first field of each entry
  std::vector<std::string> code_digits;    // each entry's code without its hyphens
  uint32_t rare_df = 2;  // a word in at most this many entries is specific (it can name an entry on its own)

  std::string_view field_text(const Catalog& c, const Field& f) const;
};

// A word is "specific" when it occurs in at most max(RARE_DF_MIN, RARE_DF_PERCENT % of the entries).
constexpr uint32_t RARE_DF_MIN = 2;
constexpr uint32_t RARE_DF_PERCENT = 2;

Index build_index(const Catalog& c);

}  // namespace kzprof
