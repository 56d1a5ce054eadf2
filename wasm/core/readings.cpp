#include "readings.hpp"

#include <vector>

#include "text.hpp"

namespace kzprof {
namespace readings {
namespace {

using text::append_utf8;
using text::decode;
using text::is_cyrillic;
using text::is_latin;
using text::lower;

// Russian ЙЦУКЕН letters by QWERTY key (lowercase a..z).
const char32_t RU_BY_KEY[26] = {U'ф', U'и', U'с', U'в', U'у', U'а', U'п', U'р', U'ш', U'о', U'л', U'д', U'ь',
                                U'т', U'щ', U'з', U'й', U'к', U'ы', U'е', U'г', U'м', U'ц', U'ч', U'н', U'я'};

char32_t punct_to_ru(char32_t c) {
  switch (c) {
    case ',': case '<': return U'б';
    case '.': case '>': return U'ю';
    case ';': case ':': return U'ж';
    case '\'': case '"': return U'э';
    case '[': case '{': return U'х';
    case ']': case '}': return U'ъ';
    case '`': case '~': return U'ё';
    default: return 0;
  }
}

char32_t kk_row_letter(char32_t d) {
  switch (d) {
    case '2': return U'ә'; case '3': return U'і'; case '4': return U'ң'; case '5': return U'ғ';
    case '8': return U'ү'; case '9': return U'ұ'; case '0': return U'қ';
    default: return 0;
  }
}

char32_t kk_row_digit(char32_t c) {
  switch (lower(c)) {
    case U'ә': return '2'; case U'і': return '3'; case U'ң': return '4'; case U'ғ': return '5';
    case U'ү': return '8'; case U'ұ': return '9'; case U'қ': return '0'; case U'ө': return '-';
    case U'һ': return '=';
    default: return 0;
  }
}

bool ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool lat_vowel(char32_t c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 0xE4 || c == 0xF6 ||
         c == 0xFC || c == 0x16B || c == 0x131;
}

// Transliterates one run of lowercase Latin letters/apostrophes.
void translit_run(const std::u32string& s, bool kk, bool j_as_y, std::string& o) {
  size_t n = s.size();
  auto at = [&](size_t i) -> char32_t { return i < n ? s[i] : 0; };
  auto put = [&](const char32_t* t) { for (; *t; ++t) append_utf8(o, *t); };
  for (size_t i = 0; i < n;) {
    char32_t c = s[i], c1 = at(i + 1), c2 = at(i + 2), c3 = at(i + 3);
    if (kk && text::is_apostrophe(c1)) {  // Kazakh 2017: a' g' n' o' u' y' s' c' i'
      const char32_t* m = nullptr;
      switch (c) {
        case 'a': m = U"ә"; break; case 'g': m = U"ғ"; break; case 'n': m = U"ң"; break; case 'o': m = U"ө"; break;
        case 'u': m = U"ү"; break; case 'y': m = U"ұ"; break; case 's': m = U"ш"; break; case 'c': m = U"ч"; break;
        case 'i': m = U"й"; break; default: break;
      }
      if (m) { put(m); i += 2; continue; }
    }
    if (text::is_apostrophe(c)) { ++i; continue; }
    if (c == 's' && c1 == 'h' && c2 == 'c' && c3 == 'h') { put(U"щ"); i += 4; continue; }
    if (c == 's' && c1 == 'c' && c2 == 'h') { put(U"щ"); i += 3; continue; }
    if (c1 == 'h') {
      const char32_t* m = nullptr;
      switch (c) {
        case 's': m = U"ш"; break; case 'c': m = U"ч"; break; case 'z': m = U"ж"; break; case 'k': m = U"х"; break;
        case 'p': m = U"ф"; break; default: break;
      }
      if (m) { put(m); i += 2; continue; }
    }
    if (c == 't' && c1 == 's') { put(U"ц"); i += 2; continue; }
    if (!kk && (c == 'y' || (c == 'j' && j_as_y)) && (c1 == 'a' || c1 == 'u' || c1 == 'o' || c1 == 'e')) {
      put(c1 == 'a' ? U"я" : c1 == 'u' ? U"ю" : c1 == 'o' ? U"ё" : U"е");
      i += 2;
      continue;
    }
    if (kk && c == 'y' && (c1 == 'a' || c1 == 'u') && (i == 0 || lat_vowel(at(i - 1)))) {
      put(c1 == 'a' ? U"я" : U"ю");
      i += 2;
      continue;
    }
    if (c == 'c' && c1 == 'k') { put(U"к"); i += 2; continue; }
    const char32_t* m = U"";
    switch (c) {
      case 'a': m = U"а"; break; case 'b': m = U"б"; break; case 'd': m = U"д"; break; case 'e': m = U"е"; break;
      case 'f': m = U"ф"; break; case 'g': m = U"г"; break; case 'k': m = U"к"; break; case 'l': m = U"л"; break;
      case 'm': m = U"м"; break; case 'n': m = U"н"; break; case 'o': m = U"о"; break; case 'p': m = U"п"; break;
      case 'r': m = U"р"; break; case 's': m = U"с"; break; case 't': m = U"т"; break; case 'u': m = U"у"; break;
      case 'v': m = U"в"; break; case 'z': m = U"з"; break; case 'h': m = kk ? U"һ" : U"х"; break;
      case 'w': m = kk ? U"у" : U"в"; break; case 'x': m = U"кс"; break;
      case 'q': m = kk ? U"қ" : U"к"; break;
      case 'i': m = kk ? U"і" : U"и"; break;
      case 'c': m = (c1 == 'e' || c1 == 'i' || c1 == 'y') ? U"ц" : U"к"; break;
      case 'j': m = kk ? U"ж" : (j_as_y || !lat_vowel(c1)) ? U"й" : U"ж"; break;
      case 'y':
        if (kk) m = U"ы";
        else m = (i > 0 && lat_vowel(at(i - 1))) ? U"й" : U"ы";
        break;
      case 0xE4: m = U"ә"; break;   // ä
      case 0x11F: m = U"ғ"; break;  // ğ
      case 0xF1: m = U"ң"; break;   // ñ
      case 0xF6: m = U"ө"; break;   // ö
      case 0x16B: m = U"ұ"; break;  // ū
      case 0xFC: m = U"ү"; break;   // ü
      case 0x131: m = U"ы"; break;  // ı
      case 0x15F: m = U"ш"; break;  // ş
      case 0xE7: m = U"ч"; break;   // ç
      case 0xE9: case 0xE8: case 0xEA: m = U"е"; break;
      default: break;
    }
    put(m);
    ++i;
  }
}

}  // namespace

U32 romanize(const U32& w) {
  static const char32_t* const BY_LETTER[] = {  // а..я
      U"a", U"b", U"v", U"g", U"d", U"e", U"zh", U"z", U"i", U"y", U"k", U"l", U"m", U"n", U"o", U"p",
      U"r", U"s", U"t", U"u", U"f", U"kh", U"ts", U"ch", U"sh", U"shch", U"", U"y", U"", U"e", U"yu", U"ya"};
  U32 o;
  for (char32_t c : w) {
    if (c >= U'а' && c <= U'я') o += BY_LETTER[c - U'а'];
    else if (c == U'ё') o += U"yo";
    else o.push_back(c);
  }
  return o;
}

bool has_latin_letter(std::string_view q) {
  for (char32_t c : decode(q))
    if (is_latin(c)) return true;
  return false;
}

bool has_cyrillic_letter(std::string_view q) {
  for (char32_t c : decode(q))
    if (is_cyrillic(c)) return true;
  return false;
}

bool has_kk_number_row(std::string_view q) {
  for (char32_t c : decode(q))
    if (kk_row_digit(c)) return true;
  return false;
}

std::string qwerty_to_cyrillic(std::string_view q) {
  std::u32string s = decode(q);
  std::string o;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    bool prev_l = i > 0 && ascii_letter(s[i - 1]), next_l = i + 1 < s.size() && ascii_letter(s[i + 1]);
    if (ascii_letter(c)) {
      char32_t r = RU_BY_KEY[lower(c) - 'a'];
      append_utf8(o, (c >= 'A' && c <= 'Z') ? r - 32 : r);
    } else if (char32_t p = punct_to_ru(c); p && (prev_l || next_l)) {
      append_utf8(o, p);
    } else if (char32_t k = kk_row_letter(c); k && (prev_l || next_l)) {
      append_utf8(o, k);
    } else {
      append_utf8(o, c);
    }
  }
  return o;
}

std::string cyrillic_to_qwerty(std::string_view q) {
  std::u32string s = decode(q);
  std::string o;
  for (char32_t c : s) {
    char32_t l = lower(c), r = 0;
    if (l == U'ё') r = '`';
    else if (l >= U'а' && l <= U'я') {
      for (int k = 0; k < 26; ++k)
        if (RU_BY_KEY[k] == l) r = 'a' + k;
      if (!r) {
        switch (l) {
          case U'б': r = ','; break; case U'ю': r = '.'; break; case U'ж': r = ';'; break;
          case U'э': r = '\''; break; case U'х': r = '['; break; case U'ъ': r = ']'; break; default: break;
        }
      }
    }
    append_utf8(o, r ? r : c);
  }
  return o;
}

std::string kk_number_row_to_digits(std::string_view q, bool punct_digits) {
  std::string o;
  for (char32_t c : decode(q)) {
    char32_t d = kk_row_digit(c);
    if (!d && punct_digits && c == ',') d = '6';
    if (!d && punct_digits && c == '.') d = '7';
    append_utf8(o, d ? d : c);
  }
  return o;
}

bool looks_kazakh_latin(std::string_view q) {
  std::u32string s = decode(q);
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = lower(s[i]);
    switch (c) {
      case 0xE4: case 0x11F: case 0xF1: case 0xF6: case 0x16B: case 0xFC: case 0x131: case 0x15F: case 0xE7:
      case 'q':
        return true;
      default: break;
    }
    if (text::is_apostrophe(c) && i > 0 && i + 1 < s.size() && ascii_letter(s[i + 1])) {
      char32_t p = lower(s[i - 1]);
      if (p == 'a' || p == 'g' || p == 'n' || p == 'o' || p == 'u' || p == 'y' || p == 's' || p == 'c' || p == 'i')
        return true;
    }
  }
  return false;
}

std::string transliterate(std::string_view q, bool kk, bool j_as_y) {
  std::u32string s = decode(q);
  std::string o;
  for (size_t i = 0; i < s.size();) {
    if (!is_latin(s[i])) { append_utf8(o, s[i]); ++i; continue; }
    std::u32string run;
    while (i < s.size() && (is_latin(s[i]) || (text::is_apostrophe(s[i]) && !run.empty())))
      run.push_back(lower(s[i++]));
    translit_run(run, kk, j_as_y, o);
  }
  return o;
}

namespace {

// The English names of Latin letters as they are written in Cyrillic (a vowel alone, и or о, would read too
// many words as letters); the longer name first where one starts another (эйч before эй, джей before джи).
struct LetterName {
  const char32_t* name;
  char letter;
};
const LetterName LETTER_NAMES[] = {
    {U"эйч", 'H'}, {U"эйдж", 'H'}, {U"эй", 'A'}, {U"би", 'B'}, {U"си", 'C'}, {U"ди", 'D'}, {U"эф", 'F'},
    {U"джей", 'J'}, {U"джи", 'G'}, {U"ай", 'I'}, {U"кей", 'K'}, {U"эл", 'L'}, {U"эм", 'M'}, {U"эн", 'N'},
    {U"оу", 'O'}, {U"пи", 'P'}, {U"кью", 'Q'}, {U"ар", 'R'}, {U"эс", 'S'}, {U"ти", 'T'}, {U"ю", 'U'},
    {U"ви", 'V'}, {U"экс", 'X'}, {U"икс", 'X'}, {U"уай", 'Y'}, {U"вай", 'Y'}, {U"зед", 'Z'}, {U"зи", 'Z'}};

// The letters a Cyrillic word spells out in full («айти» → "IT"), or "" when it is not only letter names.
std::string letters_of(std::u32string_view word) {
  std::vector<int> from(word.size() + 1, -1);  // from[i]: the letter name that ends at i, by index
  std::vector<size_t> start(word.size() + 1, 0);
  std::vector<bool> reached(word.size() + 1, false);
  reached[0] = true;
  for (size_t i = 0; i < word.size(); ++i) {
    if (!reached[i]) continue;
    for (size_t n = 0; n < sizeof LETTER_NAMES / sizeof *LETTER_NAMES; ++n) {
      const std::u32string_view name(LETTER_NAMES[n].name);
      if (word.substr(i, name.size()) != name || reached[i + name.size()]) continue;
      reached[i + name.size()] = true, from[i + name.size()] = int(n), start[i + name.size()] = i;
    }
  }
  std::string letters;
  if (word.empty() || !reached[word.size()]) return letters;
  for (size_t at = word.size(); at > 0; at = start[at]) letters.insert(letters.begin(), LETTER_NAMES[from[at]].letter);
  return letters;
}

}  // namespace

std::string spelled_letters(std::string_view q) {
  const U32 s = text::decode(q);
  std::string out;
  auto word_end = [&](size_t i) {
    while (i < s.size() && text::is_cyrillic(s[i])) ++i;
    return i;
  };
  for (size_t i = 0; i < s.size();) {
    if (!text::is_cyrillic(s[i])) { text::append_utf8(out, s[i++]); continue; }
    // Words of letter names in a row, apart by a space or a hyphen, are one abbreviation («эй ай», «ай-ти»).
    std::string letters;
    size_t end = i;
    for (size_t at = i;;) {
      const size_t e = word_end(at);
      U32 word(s, at, e - at);
      for (char32_t& c : word) c = text::lower(c);
      const std::string more = letters_of(word);
      if (more.empty()) break;
      letters += more, end = e;
      size_t next = e;
      while (next < s.size() && (s[next] == ' ' || text::is_hyphen(s[next]))) ++next;
      if (next == e || next >= s.size() || !text::is_cyrillic(s[next])) break;
      at = next;
    }
    if (letters.size() >= 2 && letters.size() <= 5) {
      out += letters;
      i = end;
    } else {
      for (const size_t e = word_end(i); i < e;) text::append_utf8(out, s[i++]);
    }
  }
  return out;
}

namespace {

// The table of readings. `make` writes the reading into `out` and returns its kind, or nullptr when it does
// not apply to q.
struct Rule {
  const char* (*make)(std::string_view q, std::string& out);
  bool skeleton, code_only;
};

const char* qwerty_reading(std::string_view q, std::string& out) {
  if (!has_latin_letter(q)) return nullptr;
  out = qwerty_to_cyrillic(q);
  return "layout";
}
// Latin letters as Russian or Kazakh: j as ж (Russian "zh" habits) and, second, j as й ("ja" = я).
const char* translit_reading(std::string_view q, std::string& out) {
  if (!has_latin_letter(q)) return nullptr;
  const bool kk = looks_kazakh_latin(q);
  out = transliterate(q, kk, false);
  return kk ? "kk-latin" : "translit";
}
const char* translit_j_reading(std::string_view q, std::string& out) {
  if (!has_latin_letter(q)) return nullptr;
  out = transliterate(q, looks_kazakh_latin(q), true);
  return "translit";
}
const char* jcuken_reading(std::string_view q, std::string& out) {
  if (!has_cyrillic_letter(q)) return nullptr;
  out = cyrillic_to_qwerty(q);
  return "layout";
}
const char* kk_row_reading(std::string_view q, std::string& out) {
  if (!has_kk_number_row(q)) return nullptr;
  out = kk_number_row_to_digits(q, false);
  return "code-layout";
}
const char* kk_row_punct_reading(std::string_view q, std::string& out) {
  if (!has_kk_number_row(q)) return nullptr;
  out = kk_number_row_to_digits(q, true);
  return "code-layout";
}

// English initials spelled out in Cyrillic: «айти архитектор» → "IT архитектор", «эй ай инженер» → "AI инженер".
const char* letters_reading(std::string_view q, std::string& out) {
  if (!has_cyrillic_letter(q)) return nullptr;
  out = spelled_letters(q);
  return "letters";
}
// The same letters as Russian writes the abbreviation, in Cyrillic («айти» → «ИТ», as in «ИТ-инфраструктуры»).
const char* letters_cyrillic_reading(std::string_view q, std::string& out) {
  if (!has_cyrillic_letter(q)) return nullptr;
  out = transliterate(spelled_letters(q), false, false);
  return "letters";
}

const Rule RULES[] = {
    {qwerty_reading, false, false},     // Russian/Kazakh typed with the English layout on
    {translit_reading, true, false},    // Russian/Kazakh in Latin letters
    {translit_j_reading, true, false},
    {jcuken_reading, false, false},     // English typed with the Russian layout on
    {letters_reading, false, false},    // English initials spelled out in Cyrillic
    {letters_cyrillic_reading, false, false},
    {kk_row_reading, false, true},      // a code typed with the Kazakh layout on
    {kk_row_punct_reading, false, true},
};

}  // namespace

std::vector<Reading> alternatives(std::string_view q) {
  std::vector<Reading> out;
  std::string text;
  for (const Rule& r : RULES) {
    const char* kind = r.make(q, text);
    if (!kind || text == q) continue;
    bool seen = false;
    for (const Reading& o : out) seen = seen || o.text == text;
    if (!seen) out.push_back(Reading{text, kind, r.skeleton, r.code_only});
  }
  return out;
}

}  // namespace readings
}  // namespace kzprof
