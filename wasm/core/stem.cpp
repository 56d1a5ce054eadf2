#include "stem.hpp"

#include <algorithm>

namespace kzprof {
namespace stem {
namespace {

bool ru_vowel(char32_t c) {
  return c == U'а' || c == U'е' || c == U'и' || c == U'о' || c == U'у' || c == U'ы' || c == U'э' || c == U'ю' || c == U'я';
}

bool ends(const U32& w, size_t limit, const char32_t* suf) {
  size_t n = 0;
  while (suf[n]) ++n;
  if (w.size() < n || w.size() - n < limit) return false;
  const char32_t* t = w.data() + (w.size() - n);
  for (size_t i = 0; i < n; ++i)
    if (t[i] != suf[i]) return false;
  return true;
}

// Longest suffix of `list` inside [limit, end); returns its length or 0.
size_t longest(const U32& w, size_t limit, const char32_t* const* list) {
  size_t best = 0;
  for (const char32_t* const* s = list; *s; ++s)
    if (ends(w, limit, *s)) best = std::max(best, std::char_traits<char32_t>::length(*s));
  return best;
}

// Group-1 endings must follow а or я (inside RV).
bool after_a(const U32& w, size_t n, size_t rv) {
  if (w.size() < n + 1 || w.size() - n - 1 < rv) return false;
  char32_t c = w[w.size() - n - 1];
  return c == U'а' || c == U'я';
}

const char32_t* PG1[] = {U"в", U"вши", U"вшись", nullptr};
const char32_t* PG2[] = {U"ив", U"ивши", U"ившись", U"ыв", U"ывши", U"ывшись", nullptr};
const char32_t* ADJ[] = {U"ее", U"ие", U"ые", U"ое", U"ими", U"ыми", U"ей", U"ий", U"ый", U"ой", U"ем", U"им", U"ым",
                         U"ом", U"его", U"ого", U"ему", U"ому", U"их", U"ых", U"ую", U"юю", U"ая", U"яя", U"ою", U"ею",
                         nullptr};
const char32_t* PART1[] = {U"ем", U"нн", U"вш", U"ющ", U"щ", nullptr};
const char32_t* PART2[] = {U"ивш", U"ывш", U"ующ", nullptr};
const char32_t* REFL[] = {U"ся", U"сь", nullptr};
const char32_t* VERB1[] = {U"ла", U"на", U"ете", U"йте", U"ли", U"й", U"л", U"ем", U"н", U"ло", U"но", U"ет", U"ют",
                           U"ны", U"ть", U"ешь", U"нно", nullptr};
const char32_t* VERB2[] = {U"ила", U"ыла", U"ена", U"ейте", U"уйте", U"ите", U"или", U"ыли", U"ей", U"уй", U"ил",
                           U"ыл", U"им", U"ым", U"ен", U"ило", U"ыло", U"ено", U"ят", U"ует", U"уют", U"ит", U"ыт",
                           U"ены", U"ить", U"ыть", U"ишь", U"ую", U"ю", nullptr};
const char32_t* NOUN[] = {U"а", U"ев", U"ов", U"ие", U"ье", U"е", U"иями", U"ями", U"ами", U"еи", U"ии", U"и", U"ией",
                          U"ей", U"ой", U"ий", U"й", U"иям", U"ям", U"ием", U"ем", U"ам", U"ом", U"о", U"у", U"ах",
                          U"иях", U"ях", U"ы", U"ь", U"ию", U"ью", U"ю", U"ия", U"ья", U"я", nullptr};

// Removes the longest ending from group1 (needs а/я before it) ∪ group2. Returns success.
bool strip_groups(U32& w, size_t rv, const char32_t* const* g1, const char32_t* const* g2) {
  size_t n1 = g1 ? longest(w, rv, g1) : 0, n2 = longest(w, rv, g2);
  if (n2 && n2 >= n1) { w.resize(w.size() - n2); return true; }
  if (n1) {
    if (!after_a(w, n1, rv)) return false;
    w.resize(w.size() - n1);
    return true;
  }
  return false;
}

}  // namespace

U32 russian(const U32& in) {
  U32 w = in;
  size_t n = w.size(), rv = n, r1 = n, r2 = n;
  size_t i = 0;
  while (i < n && !ru_vowel(w[i])) ++i;
  if (i < n) {
    rv = i + 1;
    size_t j = rv;
    while (j < n && ru_vowel(w[j])) ++j;
    if (j < n) {
      r1 = j + 1;
      size_t k = r1;
      while (k < n && !ru_vowel(w[k])) ++k;
      while (k < n && ru_vowel(w[k])) ++k;
      if (k < n) r2 = k + 1;
    }
  }
  (void)r1;
  if (rv >= n) return w;
  // Step 1
  if (!strip_groups(w, rv, PG1, PG2)) {
    size_t rn = longest(w, rv, REFL);
    if (rn) w.resize(w.size() - rn);
    size_t an = longest(w, rv, ADJ);
    if (an) {
      w.resize(w.size() - an);
      strip_groups(w, rv, PART1, PART2);
    } else if (!strip_groups(w, rv, VERB1, VERB2)) {
      size_t nn = longest(w, rv, NOUN);
      if (nn) w.resize(w.size() - nn);
    }
  }
  // Step 2
  if (ends(w, rv, U"и")) w.pop_back();
  // Step 3: derivational ость/ост in R2
  if (ends(w, r2, U"ость")) w.resize(w.size() - 4);
  else if (ends(w, r2, U"ост")) w.resize(w.size() - 3);
  // Step 4
  if (ends(w, rv, U"ейше")) w.resize(w.size() - 4), (ends(w, rv, U"нн") ? w.pop_back() : void());
  else if (ends(w, rv, U"ейш")) w.resize(w.size() - 3), (ends(w, rv, U"нн") ? w.pop_back() : void());
  else if (ends(w, rv, U"нн")) w.pop_back();
  else if (ends(w, rv, U"ь")) w.pop_back();
  return w;
}

namespace {

// Kazakh endings in folded form (ә→а, і→и, ң→н, ғ→г, қ→к, ө→о, ұ/ү→у), longest first within a step.
const char32_t* KK[] = {
    // personal endings
    U"мын", U"мин", U"бын", U"бин", U"пын", U"пин", U"сын", U"син", U"мыз", U"миз", U"быз", U"биз", U"пыз", U"пиз",
    U"сыз", U"сиз", U"сындар", U"синдер", U"сыныз", U"синиз",
    // plural
    U"лар", U"лер", U"дар", U"дер", U"тар", U"тер",
    // possessive
    U"ы", U"и", U"сы", U"си", U"ым", U"им", U"ын", U"ин", U"ымыз", U"имиз", U"ыныз", U"иниз", U"ныз", U"низ",
    // genitive, dative, accusative, locative, ablative, instrumental, equative
    U"нын", U"нин", U"дын", U"дин", U"тын", U"тин", U"га", U"ге", U"ка", U"ке", U"на", U"не", U"а", U"е", U"ды", U"ди",
    U"ты", U"ти", U"н", U"ны", U"ни", U"да", U"де", U"та", U"те", U"нда", U"нде", U"дан", U"ден", U"тан", U"тен",
    U"нан", U"нен", U"мен", U"бен", U"пен", U"ша", U"ше",
    // -дағы/-дегі (adjectival locative)
    U"дагы", U"деги", U"тагы", U"теги", U"ндагы", U"ндеги", nullptr};

const size_t KK_MIN_STEM = 4;   // never strip below 4 letters
const size_t KK_MIN_STEM1 = 5;  // single-letter endings (а, е, ы, и, н) need a 5-letter stem
const int KK_MAX_STEPS = 4;

}  // namespace

U32 kazakh(const U32& in) {
  U32 w = in;
  bool stripped = false;
  for (int step = 0; step < KK_MAX_STEPS; ++step) {
    size_t best = 0;
    for (const char32_t* const* s = KK; *s; ++s) {
      size_t n = 0;
      while ((*s)[n]) ++n;
      if (n <= best || w.size() < n) continue;
      const char32_t* t = w.data() + (w.size() - n);
      size_t k = 0;
      while (k < n && t[k] == (*s)[k]) ++k;
      if (k != n) continue;
      size_t rest = w.size() - n;
      if (rest < (n == 1 ? KK_MIN_STEM1 : KK_MIN_STEM)) continue;
      best = n;
    }
    if (!best) break;
    w.resize(w.size() - best);
    stripped = true;
  }
  // Voicing alternation before vowel endings (технигі → техник, кітабы → кітап): the final г/б of every
  // stem is devoiced, stripped or not, so both forms meet.
  (void)stripped;
  if (!w.empty()) {
    if (w.back() == U'г') w.back() = U'к';
    else if (w.back() == U'б') w.back() = U'п';
  }
  return w;
}

U32 english(const U32& in) {
  U32 w = in;
  if (w.size() > 2 && w.compare(w.size() - 2, 2, U"'s") == 0) w.resize(w.size() - 2);
  if (!w.empty() && w.back() == '\'') w.pop_back();
  size_t n = w.size();
  if (n > 4 && w.compare(n - 3, 3, U"ies") == 0) { w.resize(n - 3); w += U"y"; }
  else if (n > 4 && (w.compare(n - 4, 4, U"ches") == 0 || w.compare(n - 4, 4, U"shes") == 0 ||
                     w.compare(n - 3, 3, U"xes") == 0 || w.compare(n - 4, 4, U"sses") == 0)) w.resize(n - 2);
  else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i') w.resize(n - 1);
  return w;
}

bool is_stop(std::u32string_view w) {
  static const char32_t* STOP[] = {
      // Russian
      U"по", U"в", U"во", U"и", U"с", U"со", U"для", U"на", U"из", U"к", U"ко", U"о", U"об", U"от", U"при", U"или",
      U"а", U"у",
      // Kazakh (folded): жөніндегі, және, мен/бен/пен, үшін, немесе
      U"жониндеги", U"жане", U"мен", U"бен", U"пен", U"ушин", U"немесе",
      // English
      U"of", U"and", U"in", U"for", U"the", U"a", U"an", U"or", U"to", U"at", U"on", U"with", nullptr};
  if (w.size() > 9) return false;
  for (const char32_t* const* s = STOP; *s; ++s)
    if (w == *s) return true;
  return false;
}

}  // namespace stem
}  // namespace kzprof
