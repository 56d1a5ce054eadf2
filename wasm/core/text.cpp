#include "text.hpp"

namespace kzprof {
namespace text {

bool is_space(char32_t c) {
  return c == ' ' || (c >= 9 && c <= 13) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}
bool is_hyphen(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}
bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2BC || c == 0x2018 || c == 0x60 || c == 0xB4;
}

bool is_cyrillic(char32_t c) { return c >= 0x400 && c <= 0x4FF; }
bool is_latin(char32_t c) {
  return c < 0x80 ? (c | 0x20) - 'a' < 26 : c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_letter(char32_t c) { return is_latin(c) || (is_cyrillic(c) && !(c >= 0x482 && c <= 0x489)); }

char32_t lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0x430 && c <= 0x44F) return c;  // lowercase Russian: the common case
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x130) return 'i';  // İ
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c % 2 == 0) ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
  if (c == 0x178) return 0xFF;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x4FF))
    return (c % 2 == 0) ? c + 1 : c;
  if (c >= 0x4C1 && c <= 0x4CE) return (c % 2 == 1) ? c + 1 : c;
  if (c == 0x4C0) return 0x4CF;
  return c;
}

char32_t fold(char32_t c) {
  c = lower(c);
  switch (c) {
    case U'ё': return U'е';
    case U'ә': return U'а';
    case U'ғ': return U'г';
    case U'қ': return U'к';
    case U'ң': return U'н';
    case U'ө': return U'о';
    case U'ұ': case U'ү': return U'у';
    case U'і': return U'и';
    case U'һ': return U'х';
    default: return c;
  }
}

U32 decode(std::string_view s) {
  U32 out;
  decode_into(s, out);
  return out;
}

namespace {
// The code point at s[i] (invalid bytes -> U+FFFD, one byte each); advances i past it.
char32_t next_cp(std::string_view s, size_t& i) {
  const size_t n = s.size();
  unsigned char c = static_cast<unsigned char>(s[i]);
  char32_t cp;
  size_t len;
  if (c < 0x80) { ++i; return c; }
  if (c >= 0xC2 && c <= 0xDF) { cp = c & 0x1F; len = 2; }
  else if (c >= 0xE0 && c <= 0xEF) { cp = c & 0x0F; len = 3; }
  else if (c >= 0xF0 && c <= 0xF4) { cp = c & 0x07; len = 4; }
  else { ++i; return 0xFFFD; }
  bool ok = i + len <= n;
  for (size_t k = 1; ok && k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) { ok = false; break; }
    cp = (cp << 6) | (d & 0x3F);
  }
  if (ok &&
      ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
    ok = false;
  if (!ok) { ++i; return 0xFFFD; }
  i += len;
  return cp;
}
}  // namespace

char32_t decode_one(std::string_view s, size_t& i) { return next_cp(s, i); }

void decode_into(std::string_view s, U32& out) {
  out.reserve(out.size() + s.size());
  for (size_t i = 0; i < s.size();) out.push_back(next_cp(s, i));
}

void append_utf8(std::string& o, char32_t c) {
  if (c < 0x80) o.push_back(static_cast<char>(c));
  else if (c < 0x800) {
    o.push_back(static_cast<char>(0xC0 | (c >> 6)));
    o.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    o.push_back(static_cast<char>(0xE0 | (c >> 12)));
    o.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    o.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    o.push_back(static_cast<char>(0xF0 | (c >> 18)));
    o.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    o.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    o.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string to_utf8(const U32& s) {
  std::string o;
  o.reserve(s.size() * 2);
  for (char32_t c : s) append_utf8(o, c);
  return o;
}

namespace {
// The compatibility decomposition of c (ASCII only here), or nullptr when c has none that matters.
const char* compat_ascii(char32_t c, char (&buf)[2]) {
  static const char* const LIGATURES[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};  // U+FB00..U+FB06
  auto one = [&](char a) { buf[0] = a, buf[1] = 0; return buf; };
  if (c >= 0xFF01 && c <= 0xFF5E) return one(char(c - 0xFF01 + '!'));            // full-width ASCII
  if (c >= 0xFB00 && c <= 0xFB06) return LIGATURES[c - 0xFB00];
  if (c == 0xB9) return one('1');                                                 // superscripts
  if (c == 0xB2 || c == 0xB3) return one(char('2' + (c - 0xB2)));
  if (c == 0x2070 || (c >= 0x2074 && c <= 0x2079)) return one(char('0' + (c - 0x2070)));
  if (c >= 0x2080 && c <= 0x2089) return one(char('0' + (c - 0x2080)));         // subscripts
  if (c >= 0x1D400 && c <= 0x1D6A3) {                                             // 13 alphabets of A-Z a-z
    const uint32_t k = (c - 0x1D400) % 52;
    return one(char(k < 26 ? 'A' + k : 'a' + (k - 26)));
  }
  if (c >= 0x1D7CE && c <= 0x1D7FF) return one(char('0' + (c - 0x1D7CE) % 10));  // mathematical digits
  // Zero-width space and BOM are left for tokenize(), which drops them inside a word as it does in a title.
  if (c != ' ' && c != 0x200B && c != 0xFEFF && is_space(c)) return one(' ');
  return nullptr;
}
}  // namespace

std::string fold_compat(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char buf[2];
  for (size_t i = 0; i < s.size();) {
    const size_t from = i;
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) { out.push_back(s[i++]); continue; }
    const char32_t c = next_cp(s, i);
    if (const char* a = compat_ascii(c, buf)) out += a;
    else out.append(s.substr(from, i - from));
  }
  return out;
}

std::string cap_utf16(std::string_view s, size_t max_units, bool* truncated) {
  // Decodes only up to the cut: a 1 MB query costs as much as its first max_units units.
  static thread_local U32 cps;  // scratch
  cps.clear();
  size_t units = 0, bytes = 0, i = 0;
  bool cut = false;
  while (i < s.size()) {
    const char32_t c = next_cp(s, i);
    const size_t u = c >= 0x10000 ? 2 : 1;
    if (units + u > max_units) { cut = true; break; }
    units += u;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : u + 2;
    cps.push_back(c);
  }
  if (truncated) *truncated = cut;
  // Nothing cut and re-encoding gives as many bytes (an invalid byte becomes the 3 of U+FFFD): valid, as is.
  if (!cut && bytes == s.size()) return std::string(s);
  std::string o;
  for (char32_t c : cps) append_utf8(o, c);
  return o;
}

bool is_blank(std::string_view s) {
  // Fast path: an ASCII byte that is not whitespace decodes as itself, so the text is not blank; nor is a
  // lead byte C3..DF (U+00C0..U+07FF: Cyrillic, most Latin letters).
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 0xC3 && c <= 0xDF) || (c < 0x80 && c != ' ' && (c < 9 || c > 13))) return false;
  }
  for (size_t i = 0; i < s.size();)
    if (!is_space(next_cp(s, i))) return false;
  return true;
}

namespace {

bool is_combining(char32_t c) { return (c >= 0x300 && c <= 0x36F); }
bool is_ignorable(char32_t c) { return c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; }
bool is_open(char32_t c) { return c == '(' || c == '[' || c == '{'; }
bool is_close(char32_t c) { return c == ')' || c == ']' || c == '}'; }

char32_t lat_to_cyr(char32_t c) {
  switch (c) {
    case 'a': return U'а'; case 'e': return U'е'; case 'o': return U'о'; case 'p': return U'р';
    case 'c': return U'с'; case 'x': return U'х'; case 'y': return U'у'; case 'k': return U'к';
    case 'm': return U'м'; case 't': return U'т'; case 'h': return U'н'; case 'b': return U'в';
    case 'i': return U'и';
    default: return 0;
  }
}
char32_t cyr_to_lat(char32_t c) {
  switch (c) {
    case U'а': return 'a'; case U'е': return 'e'; case U'о': return 'o'; case U'р': return 'p';
    case U'с': return 'c'; case U'х': return 'x'; case U'у': return 'y'; case U'к': return 'k';
    case U'м': return 'm'; case U'т': return 't'; case U'н': return 'h'; case U'в': return 'b';
    case U'і': case U'и': return 'i';
    default: return 0;
  }
}

struct Unit { char32_t c; uint32_t b, e; };

// Closes the token that starts at out.keys[at]: trailing apostrophes go, look-alikes are repaired, letters folded.
void finish(Tokens& out, uint32_t at, bool joined, bool paren, bool pause) {
  while (out.keys.size() > at && out.keys.back() == '\'') {
    out.keys.pop_back();
    if (out.offsets) out.b.pop_back(), out.e.pop_back();
  }
  if (out.keys.size() == at) return;
  // Digits, a-z and а-я are their own lower case and fold: most letters skip lower()/fold().
  auto plain = [](char32_t c) { return c < 'A' || (c >= 'a' && c <= 'z') || (c >= 0x430 && c <= 0x44F); };
  int cyr = 0, lat = 0, up = 0;
  for (size_t i = at; i < out.keys.size(); ++i) {
    const char32_t c = out.keys[i];
    if (c >= 0x430 && c <= 0x44F) ++cyr;       // а-я
    else if (c >= 'a' && c <= 'z') ++lat;
    else if (c >= 'A') cyr += is_cyrillic(c), lat += is_latin(c), up += lower(c) != c;  // digits, ': none
  }
  const bool mixed = cyr && lat, capital = lower(out.keys[at]) != out.keys[at];
  for (size_t i = at; i < out.keys.size(); ++i) {
    char32_t& c = out.keys[i];
    if (!mixed && plain(c)) continue;
    if (mixed && cyr >= lat && is_latin(c)) { char32_t m = lat_to_cyr(c); if (m) c = m; }
    else if (mixed && lat > cyr && is_cyrillic(c)) { char32_t m = cyr_to_lat(c); if (m) c = m; }
    c = fold(c);
  }
  out.toks.push_back(
      Tokens::Ref{at, uint32_t(out.keys.size() - at), joined, paren, up >= 2 && up == cyr + lat, capital, pause});
}

}  // namespace

void tokenize(std::string_view s, Tokens& out, bool* ends_with_break) {
  out.keys.clear(); out.b.clear(); out.e.clear(); out.toks.clear();
  // 1. decode (one pass) with UTF-16 positions; repair NFD й/ё, drop other combining marks and invisible joiners.
  static thread_local std::vector<Unit> u;
  u.clear();
  uint32_t pos = 0;
  for (size_t at = 0; at < s.size();) {
    // ASCII and two-byte sequences (Cyrillic) decoded here, the rest by next_cp.
    const unsigned char b0 = static_cast<unsigned char>(s[at]);
    char32_t c;
    if (b0 < 0x80) c = b0, ++at;
    else if (b0 >= 0xC2 && b0 <= 0xDF && at + 1 < s.size() && (static_cast<unsigned char>(s[at + 1]) & 0xC0) == 0x80)
      c = char32_t(b0 & 0x1F) << 6 | (static_cast<unsigned char>(s[at + 1]) & 0x3F), at += 2;
    else c = next_cp(s, at);
    uint32_t w = c >= 0x10000 ? 2 : 1;
    const bool mark = c >= 0xAD && (is_combining(c) || is_ignorable(c));
    if (mark && !u.empty() && is_letter(u.back().c)) {
      char32_t& p = u.back().c;
      if (c == 0x306 && (p == U'и' || p == U'И')) p = (p == U'и') ? U'й' : U'Й';
      else if (c == 0x308 && (p == U'е' || p == U'Е')) p = (p == U'е') ? U'ё' : U'Ё';
      else if (c == 0x306 && (p == U'у' || p == U'У')) p = U'ў';
      u.back().e = pos + w;
    } else if (!mark) {
      u.push_back({c, pos, pos + w});
    }
    pos += w;
  }
  // 2. split into words.
  bool in_word = false, joined = false, paren = false, pause = false;
  uint32_t at = 0;
  int depth = 0;
  int seps = 0;          // separators since the last word
  bool hyphen_sep = false, pause_sep = false;
  for (size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i].c;
    bool word_char = is_letter(c) || is_digit(c);
    if (!word_char && is_apostrophe(c) && in_word && is_latin(out.keys.back()) && i + 1 < u.size() &&
        is_latin(u[i + 1].c))
      word_char = true, c = '\'';
    if (word_char) {
      if (!in_word) {
        in_word = true;
        at = uint32_t(out.keys.size());
        joined = !out.toks.empty() && seps == 1 && hyphen_sep;
        paren = depth > 0;
        pause = pause_sep;
      }
      out.keys.push_back(c);
      if (out.offsets) out.b.push_back(u[i].b), out.e.push_back(u[i].e);
      continue;
    }
    if (in_word) { finish(out, at, joined, paren, pause); in_word = false; seps = 0; hyphen_sep = pause_sep = false; }
    ++seps;
    hyphen_sep = is_hyphen(c);
    // A full stop after a word of one to three letters ends an abbreviation («г. Алматы»), not a phrase.
    const bool abbreviation = c == '.' && !out.toks.empty() && out.toks.back().n <= 3;
    pause_sep = pause_sep || (std::u32string_view(U",;:.!?…").find(c) != std::u32string_view::npos && !abbreviation);
    if (is_open(c)) ++depth;
    else if (is_close(c) && depth > 0) --depth;
  }
  bool trailing = !in_word && !u.empty();
  if (in_word) finish(out, at, joined, paren, pause);
  if (ends_with_break) *ends_with_break = trailing;
}

std::vector<Token> tokenize(std::string_view s, bool* ends_with_break) {
  static thread_local Tokens t;
  tokenize(s, t, ends_with_break);
  std::vector<Token> out(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    const Tokens::Ref& r = t.toks[i];
    out[i].key.assign(t.keys, r.at, r.n);
    out[i].b.assign(t.b.begin() + r.at, t.b.begin() + r.at + r.n);
    out[i].e.assign(t.e.begin() + r.at, t.e.begin() + r.at + r.n);
    out[i].joined = r.joined;
    out[i].paren = r.paren;
    out[i].caps = r.caps;
  }
  return out;
}

U32 skeleton(const U32& key) {
  U32 o;
  o.reserve(key.size());
  for (char32_t c : key) {
    switch (c) {
      case U'й': case U'ы': case U'і': c = U'и'; break;
      case U'э': c = U'е'; break;
      case U'щ': c = U'ш'; break;
      case U'ъ': case U'ь': case '\'': c = 0; break;
      default: break;
    }
    if (c && (o.empty() || o.back() != c)) o.push_back(c);
  }
  return o;
}

U32 sound_skeleton(const U32& w) {
  // Letter groups, longest first, then single letters: the consonant class each one sounds as ("" = none).
  static const char* const GROUPS[][2] = {
      {"shch", "s"}, {"tion", "sn"}, {"dzh", "g"}, {"sch", "s"}, {"sh", "s"}, {"zh", "g"}, {"ch", "k"}, {"kh", "k"},
      {"ck", "k"},   {"ph", "f"},    {"th", "t"},  {"gh", "g"},  {"dj", "g"}, {"ts", "s"}, {"ce", "s"}, {"ci", "s"},
      {"c", "k"},    {"q", "k"},     {"x", "ks"},  {"w", "v"},   {"z", "s"},  {"j", "g"},  {"h", ""},   {"'", ""},
      {"a", ""},     {"e", ""},      {"i", ""},    {"o", ""},    {"u", ""},   {"y", ""}};
  U32 o;
  if (!w.empty() && (w[0] == 'a' || w[0] == 'e' || w[0] == 'i' || w[0] == 'o' || w[0] == 'u' || w[0] == 'y'))
    o.push_back('^');
  for (size_t i = 0; i < w.size();) {
    const char* to = nullptr;
    for (const auto& g : GROUPS) {
      size_t n = 0;
      while (g[0][n] && i + n < w.size() && w[i + n] == char32_t(g[0][n])) ++n;
      if (!g[0][n]) { to = g[1], i += n; break; }
    }
    if (!to) {  // any other letter is its own class; a letter that is not plain Latin: no skeleton
      if (w[i] < 'a' || w[i] > 'z') return U32();
      to = "";
      if (o.empty() || o.back() != w[i]) o.push_back(w[i]);
      ++i;
    }
    for (; *to; ++to)
      if (o.empty() || o.back() != char32_t(*to)) o.push_back(char32_t(*to));
  }
  return o.size() > (o[0] == '^' ? 1u : 0u) ? o : U32();
}

bool all_latin(const U32& w) {
  bool any = false;
  for (char32_t c : w) {
    if (is_latin(c)) any = true;
    else if (!is_digit(c) && c != '\'') return false;
  }
  return any;
}

bool has_cyrillic(const U32& w) {
  for (char32_t c : w)
    if (is_cyrillic(c)) return true;
  return false;
}

}  // namespace text
}  // namespace kzprof
