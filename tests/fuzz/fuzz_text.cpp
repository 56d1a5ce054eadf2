// libFuzzer: arbitrary bytes through text normalization and folding (wasm/core/text.hpp), the stemmers
// (stem.hpp) and the alternative readings (readings.hpp) — the steps every query and every title goes
// through before the index. Besides "no crash, no sanitizer report", it checks the invariants the matcher
// relies on, and aborts (= a crash libFuzzer reports and saves) when one breaks:
//   * decode/to_utf8 round-trip: decoding the re-encoded code points gives the same code points;
//   * every token key is non-empty and made of folded letters (fold(c) == c);
//   * the offset map: one [b, e) per key letter, b < e, non-decreasing, inside the UTF-16 length;
//   * tokenize into flat buffers gives the same keys as the Token API;
//   * cap_utf16 returns a prefix of at most the asked number of units and reports the cut;
//   * folding, skeleton and stemming are idempotent where the matcher assumes they are.
#include <cstdint>
#include <string>

#include "core/readings.hpp"
#include "core/stem.hpp"
#include "core/text.hpp"

#include "require.hpp"

using namespace kzprof;

static size_t utf16_units(const U32& s) {
  size_t n = 0;
  for (char32_t c : s) n += c >= 0x10000 ? 2 : 1;
  return n;
}

static void check_tokens(const std::string& s) {
  const U32 cps = text::decode(s);
  const size_t units = utf16_units(cps);
  bool brk1 = false, brk2 = false;
  const std::vector<Token> toks = text::tokenize(s, &brk1);
  Tokens flat;
  text::tokenize(s, flat, &brk2);
  REQUIRE(brk1 == brk2);
  REQUIRE(flat.size() == toks.size());
  REQUIRE(flat.b.size() == flat.keys.size() && flat.e.size() == flat.keys.size());
  uint32_t last_b = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    REQUIRE(!t.key.empty());
    REQUIRE(flat.key(i) == std::u32string_view(t.key));
    REQUIRE(t.b.size() == t.key.size() && t.e.size() == t.key.size());
    for (size_t k = 0; k < t.key.size(); ++k) {
      REQUIRE(text::fold(t.key[k]) == t.key[k]);
      REQUIRE(t.b[k] < t.e[k]);
      REQUIRE(t.e[k] <= units);
      REQUIRE(t.b[k] >= last_b);
      last_b = t.b[k];
    }
    (void)text::skeleton(t.key);
    // Stems of a stem are not required to be equal (Snowball is not idempotent), only safe to compute.
    const U32 ru = stem::russian(t.key), kk = stem::kazakh(t.key), en = stem::english(t.key);
    REQUIRE(ru.size() <= t.key.size() && kk.size() <= t.key.size() && en.size() <= t.key.size());
    (void)stem::is_stop(t.key);
    REQUIRE(text::skeleton(text::skeleton(t.key)) == text::skeleton(t.key));
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string s(reinterpret_cast<const char*>(data), size);

  // Decoding: invalid bytes become U+FFFD; re-encoding and decoding again is stable.
  const U32 cps = text::decode(s);
  REQUIRE(cps.size() <= s.size());
  const std::string re = text::to_utf8(cps);
  REQUIRE(text::decode(re) == cps);
  U32 appended = U"x";
  text::decode_into(s, appended);
  REQUIRE(appended.size() == cps.size() + 1 && appended.compare(1, U32::npos, cps) == 0);
  for (char32_t c : cps) {
    REQUIRE(text::fold(text::fold(c)) == text::fold(c));
    REQUIRE(text::fold(text::lower(c)) == text::fold(c));
  }

  // The length cap: a prefix, never longer than asked, never inside a code point.
  for (size_t cap : {size_t(0), size_t(1), size_t(7), size_t(256)}) {
    bool truncated = false;
    const std::string c = text::cap_utf16(s, cap, &truncated);
    const U32 ccps = text::decode(c);
    REQUIRE(utf16_units(ccps) <= cap);
    REQUIRE(ccps.size() <= cps.size() && cps.compare(0, ccps.size(), ccps) == 0);
    REQUIRE(truncated == (utf16_units(cps) > cap));
  }

  // Tokens of the input and of every alternative reading the matcher would try.
  check_tokens(s);
  if (readings::has_latin_letter(s)) {
    check_tokens(readings::qwerty_to_cyrillic(s));
    const bool kk = readings::looks_kazakh_latin(s);
    check_tokens(readings::transliterate(s, kk, false));
    check_tokens(readings::transliterate(s, kk, true));
  }
  if (readings::has_cyrillic_letter(s)) check_tokens(readings::cyrillic_to_qwerty(s));
  if (readings::has_kk_number_row(s)) {
    check_tokens(readings::kk_number_row_to_digits(s, false));
    check_tokens(readings::kk_number_row_to_digits(s, true));
  }
  return 0;
}
