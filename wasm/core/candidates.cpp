#include "candidates.hpp"

#include <algorithm>

#include "hash.hpp"
#include "readings.hpp"
#include "scoring.hpp"
#include "stem.hpp"

namespace kzprof {

void CandidateCache::clear() {
  for (Slot& s : slot_) s.used = false;
}

const std::vector<Cand>& CandidateCache::get(const Index& ix, const U32& key, bool last, bool skeleton) {
  Slot& s = slot_[(fnv1a(key) ^ (last ? 0x9e37u : 0) ^ (skeleton ? 0x7f4au : 0)) % N];
  if (s.used && s.last == last && s.skeleton == skeleton && s.key == key) return s.cands;
  find_candidates(ix, key, last, skeleton, s.cands);
  s.key = key, s.last = last, s.skeleton = skeleton, s.used = true;
  return s.cands;
}

namespace {

// The rules' preconditions, shared by find_candidates and bound_candidates.
bool stems_apply(size_t n) { return n >= 3; }
bool typos_apply(size_t n) { return typo_budget(n) > 0; }
bool infixes_apply(size_t n) { return n >= INFIX_MIN; }

// Quality of a prefix match: `typed` letters of a `len`-letter word. False when it does not count.
bool prefix_quality(bool last, size_t typed, size_t len, int& q, bool& conf) {
  conf = false;
  if (!last) {
    q = Q_PREFIX_NONLAST;
    return typed >= 3;
  }
  if (typed < 3) {
    q = Q_PREFIX_SHORT;
    return true;
  }
  q = Q_PREFIX_MIN + int((Q_PREFIX_MAX - Q_PREFIX_MIN) * typed / std::max<size_t>(len, 1));
  conf = typed >= PREFIX_CONF_MIN && 2 * typed >= len;
  return true;
}

// A spelling slip changes vowels, voicing (б/п, в/ф, г/к, д/т, ж/ш, з/с; ш/щ), or drops, adds or swaps letters;
// one consonant put for another makes another word ("гепатолог" is not "гематолог", "лавер" not "лазер").
bool vowel(char32_t c) { return std::u32string_view(U"аеиоуыэюяaeiouy").find(c) != std::u32string_view::npos; }

// The first letter of a word is rarely mistyped: a typo there is never confident ("кардиолог" is not
// "радиолог"), unless both are vowels (Kazakh ә typed as э or а: "экимшиси" = әкімшісі).
bool same_start(const U32& q, const U32& w) { return q[0] == w[0] || (vowel(q[0]) && vowel(w[0])); }

bool consonant_swapped(const U32& q, const U32& w) {
  if (q.size() != w.size()) return false;
  auto voicing = [](char32_t a, char32_t b) {
    static const std::u32string_view PAIRS[] = {U"бп", U"вф", U"гк", U"дт", U"жш", U"зс", U"шщ", U"bp", U"vf", U"gk",
                                                U"dt", U"zs"};
    for (auto p : PAIRS)
      if ((a == p[0] && b == p[1]) || (a == p[1] && b == p[0])) return true;
    return false;
  };
  for (size_t i = 0; i < q.size(); ++i)
    if (q[i] != w[i] && text::is_letter(q[i]) && text::is_letter(w[i]) && !vowel(q[i]) && !vowel(w[i]) &&
        !voicing(q[i], w[i]) && !(i + 1 < q.size() && q[i] == w[i + 1] && q[i + 1] == w[i]) &&
        !(i > 0 && q[i] == w[i - 1] && q[i - 1] == w[i]))
      return true;
  return false;
}

bool has_stem(const Index& ix, const U32& k, bool cyr) {
  if (!stems_apply(k.size())) return false;
  if (cyr) {
    if (ix.ru.find(stem::russian(k)) >= 0) return true;
    const U32 ks = stem::kazakh(k);
    if (const std::vector<U32>* same = stem::kazakh_synonyms(ks))
      return std::any_of(same->begin(), same->end(), [&](const U32& o) { return ix.kk.find(o) >= 0; });
    return ix.kk.find(ks) >= 0;
  }
  return text::all_latin(k) && ix.en.find(stem::english(k)) >= 0;
}

// The agent noun of the titles a verb typed instead of it comes from ("разрабатываю" →
// разработчик, "администрирую" → администратор, "преподаю" → преподаватель, "develop", "editing" →
// developer, editor): the title word begins with the query word's root and only adds an agent ending
// (-ик -ер -ор -ист -тель; -er -or -ist). Cyrillic: a shared beginning of AGENT_ROOT_CYR letters or more
// (fewer would join compounds: «радиоведущий» is no «радиохимик»), each word going on for a few letters
// after it; Latin: the word itself, less -ing/-ed/-s/-e, at least AGENT_ROOT_LAT letters, then at most three
// letters. Returns the index key found, or -1; the first in key order when several.
long agent_noun_of(const Index& ix, const U32& k) {
  static const char32_t* const CYR[] = {U"ик", U"ер", U"ор", U"ист", U"тель", nullptr};
  static const char32_t* const LAT[] = {U"er", U"or", U"ist", nullptr};
  auto ends_in = [](const U32& w, const char32_t* const* ends) {
    for (const char32_t* const* e = ends; *e; ++e) {
      const size_t n = std::char_traits<char32_t>::length(*e);
      if (w.size() > n && w.compare(w.size() - n, n, *e) == 0) return true;
    }
    return false;
  };
  // A Russian verb form: present (-ю -у -ет -ит -ем -им -ют -ут -ят -ат), past (-л -ла -ли -ло), infinitive
  // (-ть -ти), reflexive or not. Action nouns are not read: «исследование» is the research, not its
  // researcher («исследование полезных ископаемых» is a geologist's).
  static const char32_t* const VERB[] = {U"ю", U"у", U"ет", U"ит", U"ем", U"им", U"ют", U"ут", U"ят", U"ат",
                                         U"л", U"ла", U"ли", U"ло", U"ть", U"ти", nullptr};
  const bool cyr = text::has_cyrillic(k);
  if (ends_in(k, cyr ? CYR : LAT)) return -1;  // an agent already: «монтажник» is not «монтажер»
  if (cyr) {
    U32 verb = k;
    static const char32_t* const REFLEXIVE[] = {U"ся", U"сь", nullptr};
    if (ends_in(verb, REFLEXIVE)) verb.resize(verb.size() - 2);
    if (!ends_in(verb, VERB)) return -1;
  }
  U32 root = k;
  if (!cyr) {
    for (const char32_t* end : {U"ing", U"ed", U"es", U"s", U"e"}) {
      const size_t n = std::char_traits<char32_t>::length(end);
      if (root.size() > n + AGENT_ROOT_LAT && root.compare(root.size() - n, n, end) == 0) {
        root.resize(root.size() - n);
        break;
      }
    }
  }
  const size_t root_min = cyr ? AGENT_ROOT_CYR : AGENT_ROOT_LAT;
  if (root.size() < root_min) return -1;
  const auto [lo, hi] = ix.keys.prefix_range(U32(root, 0, root_min));
  for (size_t i = lo; i < hi && i < lo + PREFIX_CAP_N; ++i) {
    const U32& w = ix.keys.key(i);
    if (cyr) {
      size_t shared = 0;
      while (shared < w.size() && shared < k.size() && w[shared] == k[shared]) ++shared;
      // Both go on after what they share: «аниматорка», «акушерка» are other agents, not verbs.
      if (shared < k.size() && shared < w.size() && w.size() - shared <= 6 && k.size() - shared <= 7 &&
          ends_in(w, CYR))
        return long(i);
    } else if (w.size() > root.size() && w.size() - root.size() <= 3 && w.compare(0, root.size(), root) == 0 &&
               ends_in(w, LAT)) {
      return long(i);
    }
  }
  return -1;
}

class Finder {
 public:
  Finder(const Index& ix, const U32& key, bool last, std::vector<Cand>& out)
      : ix_(ix), key_(key), last_(last), out_(out) {}

  void add(const WordSpace& sp, size_t ki, int q, uint8_t kind, bool conf, size_t a, size_t b) {
    for (const uint32_t* v = sp.vals_begin(ki); v != sp.vals_end(ki); ++v) {
      const size_t len = ix_.words[*v].key.size();
      const size_t bb = std::min(b == FULL ? len : b, len), aa = std::min(a, bb);
      out_.push_back(
          Cand{*v, int16_t(q), kind, conf, uint8_t(std::min<size_t>(aa, 255)), uint8_t(std::min<size_t>(bb, 255))});
    }
  }
  static constexpr size_t FULL = size_t(-1);

  void same_word(long ex) {
    if (ex >= 0) add(ix_.keys, size_t(ex), Q_EXACT, K_WORD, true, 0, FULL);
  }
  // Words of `sp` that start with `k`: the word being typed, or a non-last word of 3+ letters.
  void prefixes_in(const WordSpace& sp, const U32& k, long ex, size_t cap) {
    auto [lo, hi] = sp.prefix_range(k);
    for (size_t i = lo; i < hi && i < lo + cap; ++i) {
      if (long(i) == ex) continue;
      int q;
      bool conf;
      if (prefix_quality(last_, k.size(), sp.key(i).size(), q, conf)) add(sp, i, q, K_PREFIX, conf, 0, key_.size());
    }
  }
  void prefixes(long ex) {
    const size_t n = key_.size();
    prefixes_in(ix_.keys, key_, ex, n == 1 ? PREFIX_CAP_1 : n == 2 ? PREFIX_CAP_2 : PREFIX_CAP_N);
  }
  // `k` (the whole word, or the prefix being typed) within `budget` edits of word ki of `sp`; true when found.
  // A typo in the first letter, a derived word (the word plus two or more letters: "аниматорка") and a
  // consonant put for another are found but never confident.
  bool typo_of(const WordSpace& sp, size_t ki, const U32& k, int budget) {
    const U32& w = sp.key(ki);
    const bool start = same_start(k, w);
    int dp;
    const int d = osa_distance(k, w, budget, last_ ? &dp : nullptr);
    if (d > 0 && d <= budget) {
      const bool derived = k.size() >= w.size() + 2 && k.compare(0, w.size(), w) == 0;
      add(sp, ki, Q_TYPO - Q_PER_EDIT * d, K_TYPO, start && !derived && !consonant_swapped(k, w), 0, FULL);
      return true;
    }
    if (!last_ || dp <= 0 || dp > budget) return false;
    const bool conf = start && 2 * k.size() >= w.size() && !consonant_swapped(k, w.substr(0, k.size()));
    add(sp, ki, Q_TYPO_PREFIX - Q_PER_EDIT * dp, K_TYPO, conf, 0, key_.size());
    return true;
  }
  // The same Russian/Kazakh (Cyrillic) or English (Latin) stem. Sets both Cyrillic stems for the typo rules.
  void same_stem(bool cyr, bool lat, U32& rs, U32& ks) {
    if (!stems_apply(key_.size())) return;
    if (cyr) {
      rs = stem::russian(key_);
      ks = stem::kazakh(key_);
      if (rs.size() >= 3) lookup(ix_.ru, rs);
      if (ks.size() >= 3) lookup(ix_.kk, ks);
      // The other ways to cut its endings: «маманымын» is маман + ы + мын, where kazakh() cuts мама + ны + мын.
      static thread_local std::vector<U32> every;
      stem::kazakh_every_stem(key_, every);
      for (const U32& other : every)
        if (other != ks && other.size() >= 3) lookup(ix_.kk, other);
      if (const std::vector<U32>* same = stem::kazakh_synonyms(ks))  // қамтылым = жасақтама = қамсыздандыру
        for (const U32& other : *same)
          if (other != ks) lookup(ix_.kk, other);
    } else if (lat) {
      const U32 es = stem::english(key_);
      if (es.size() >= 3) lookup(ix_.en, es);
    }
  }
  // The query's stem `qs` within the typo budget of the stem `ws` of index key ki; true when found.
  bool stem_typo(size_t ki, const U32& qs, const U32& ws) {
    if (qs.size() < 5 || ws.empty()) return false;
    const int budget = typo_budget(qs.size());
    const int d = osa_distance(qs, ws, budget);
    if (d <= 0 || d > budget) return false;
    // A query stem extending the word's stem is a derived word, not a typo ("акушерка" = акушер + -ка,
    // another profession): found, never confident. (The other way round, "лазер" ~ "лазерлік", the query
    // is the base of the title's word and stays confident.)
    const bool derived = ws.size() < qs.size() && qs.compare(0, ws.size(), ws) == 0;
    const bool conf = same_start(key_, ix_.keys.key(ki)) && !derived && !consonant_swapped(qs, ws);
    add(ix_.keys, ki, Q_TYPO - Q_PER_EDIT * d, K_TYPO, conf, 0, FULL);
    return true;
  }
  // Typos (whole word, prefix being typed, stems) and infixes, from trigram candidates.
  void typos_and_infixes(const U32& rs, const U32& ks) {
    const size_t n = key_.size();
    const int budget = typo_budget(n);
    ix_.keys.scan_grams(key_, [&](size_t ki, int all, int inner, const WordSpace::GramStats& st) {
      const U32& w = ix_.keys.key(ki);
      if (st.inner > 0 && inner == st.inner) {
        const size_t pos = w.find(key_, 1);
        if (pos != U32::npos) add(ix_.keys, ki, Q_INFIX, K_INFIX, false, pos, pos + n);
      }
      if (budget == 0 || all < std::max(1, st.all - GRAMS_PER_EDIT * budget)) return;
      if (typo_of(ix_.keys, ki, key_, budget)) return;
      // Stems within the budget, Russian then Kazakh: "программиста" ~ "програмист"; a Kazakh ending on a
      // misspelt word, «нейрохирургтар» ~ «нейрохируг» (as the official Kazakh name spells it).
      const Word& word = ix_.words[*ix_.keys.vals_begin(ki)];
      if (stem_typo(ki, rs, word.ru)) return;
      if (ks != key_) stem_typo(ki, ks, word.kk);
    });
    // the stem inside a compound: "хирурга" -> "нейрохирург"
    if (rs.size() >= 5 && rs != key_) {
      ix_.keys.scan_grams(rs, [&](size_t ki, int, int inner, const WordSpace::GramStats& st) {
        if (st.inner == 0 || inner != st.inner) return;
        const size_t pos = ix_.keys.key(ki).find(rs, 1);
        if (pos != U32::npos) add(ix_.keys, ki, Q_INFIX, K_INFIX, false, pos, pos + rs.size());
      });
    }
  }
  // An English word of the data spelt in Cyrillic ("андроид" = "Android", "софтвер" = "software", "инженер" =
  // "engineer"): the word romanized back (the reverse reading) has the same sound skeleton. Not a function
  // word: «Индии» sounds like "and" (n, d), which names nothing.
  void english_spelt_in_cyrillic() {
    const long i = ix_.sound.find(text::sound_skeleton(readings::romanize(key_)));
    if (i < 0) return;
    for (const uint32_t* v = ix_.sound.vals_begin(size_t(i)); v != ix_.sound.vals_end(size_t(i)); ++v)
      if (!stem::is_stop(ix_.words[*v].key))
        out_.push_back(Cand{*v, int16_t(Q_SKELETON), K_WORD, true, 0,
                            uint8_t(std::min<size_t>(ix_.words[*v].key.size(), 255))});
  }
  // A verb for an agent noun of the titles (agent_noun_of), as good as a stem: when nothing else found the
  // word with confidence, it is typed in full (the word being typed may still become anything) and it is not
  // a word of a sentence's frame.
  void agent_noun() {
    if (std::any_of(out_.begin(), out_.end(), [](const Cand& c) { return c.conf; })) return;
    if (last_ || stem::is_frame(key_)) return;  // «по специальности» names no «специалист»
    const long i = agent_noun_of(ix_, key_);
    if (i >= 0) add(ix_.keys, size_t(i), Q_MORPH, K_MORPH, true, 0, FULL);
  }
  // A transliteration reading: its lossy skeleton equal, a prefix of, or within the typo budget of one.
  void same_skeleton() {
    const U32 sk = text::skeleton(key_);
    const long i = ix_.skel.find(sk);
    if (i >= 0) add(ix_.skel, size_t(i), Q_SKELETON, K_WORD, true, 0, FULL);
    if (last_ && sk.size() >= 3) prefixes_in(ix_.skel, sk, i, PREFIX_CAP_N);
    if (sk.size() < 5) return;
    const int budget = typo_budget(sk.size());
    ix_.skel.scan_grams(sk, [&](size_t ki, int all, int, const WordSpace::GramStats& st) {
      if (all >= std::max(1, st.all - GRAMS_PER_EDIT * budget)) typo_of(ix_.skel, ki, sk, budget);
    });
  }

 private:
  const Index& ix_;
  const U32& key_;
  bool last_;
  std::vector<Cand>& out_;
  void lookup(const WordSpace& sp, const U32& k) {
    const long i = sp.find(k);
    if (i >= 0) add(sp, size_t(i), Q_MORPH, K_MORPH, true, 0, FULL);
  }
};

}  // namespace

void find_candidates(const Index& ix, const U32& key, bool last, bool skeleton, std::vector<Cand>& out) {
  out.clear();
  Finder find(ix, key, last, out);
  const long ex = ix.keys.find(key);
  find.same_word(ex);
  if (!key.empty()) find.prefixes(ex);
  const bool cyr = text::has_cyrillic(key), lat = !cyr && text::all_latin(key);
  U32 rs, ks;  // the Russian and Kazakh stems, for the typo rules (stems only ever shorten a word)
  find.same_stem(cyr, lat, rs, ks);
  if (infixes_apply(key.size())) find.typos_and_infixes(rs, ks);
  if (cyr && !skeleton && key.size() >= 3) find.english_spelt_in_cyrillic();
  if ((cyr || lat) && !skeleton) find.agent_noun();
  if (cyr && skeleton) find.same_skeleton();
  // A function word of a title ("и", "по", "of") is not found by another word of one or two letters: as a
  // prefix ("п") or a sound ("ы" ~ "и") it would make a letter being typed look like a title word. Longer
  // words keep finding it (a transliteration: "jönındegı" ~ "жөніндегі").
  if (key.size() < 3)
    out.erase(std::remove_if(out.begin(), out.end(), [&](const Cand& c) {
                const U32& w = ix.words[c.word].key;
                return w != key && stem::is_stop(w);
              }),
              out.end());
  // the best candidate per index word
  std::sort(out.begin(), out.end(), [](const Cand& x, const Cand& y) {
    if (x.word != y.word) return x.word < y.word;
    if (x.q != y.q) return x.q > y.q;
    return x.conf > y.conf;
  });
  out.erase(std::unique(out.begin(), out.end(), [](const Cand& x, const Cand& y) { return x.word == y.word; }),
            out.end());
}

CandidateBound bound_candidates(const Index& ix, const U32& k, bool last, bool skeleton) {
  CandidateBound b;
  const size_t n = k.size();
  const bool cyr = text::has_cyrillic(k);
  if (ix.keys.find(k) >= 0 || (cyr && ix.skel.find(text::skeleton(k)) >= 0) ||
      (cyr && n >= 3 && ix.sound.find(text::sound_skeleton(readings::romanize(k))) >= 0)) {
    b.q = Q_EXACT, b.conf = b.exact = true;
    return b;
  }
  const auto range = ix.keys.prefix_range(k);
  if (range.first < range.second && (last || n >= 3))
    b.q = !last ? Q_PREFIX_NONLAST : n >= 3 ? Q_PREFIX_MAX : Q_PREFIX_SHORT, b.conf = last && n >= PREFIX_CONF_MIN;
  if (skeleton && cyr && last) b.q = Q_PREFIX_MAX, b.conf = true;  // a skeleton prefix
  if (has_stem(ix, k, cyr) || (!last && agent_noun_of(ix, k) >= 0)) b.q = std::max(b.q, Q_MORPH), b.conf = true;
  if (typos_apply(n)) b.q = std::max(b.q, Q_TYPO - Q_PER_EDIT), b.conf = true;
  else if (infixes_apply(n)) b.q = std::max(b.q, Q_INFIX);
  return b;
}

size_t split_point(const Index& ix, const U32& w, bool skeleton) {
  const size_t n = w.size();
  if (skeleton || n < 2 * SPLIT_MIN || ix.keys.find(w) >= 0) return 0;
  const bool cyr = text::has_cyrillic(w);
  if (!cyr && !text::all_latin(w)) return 0;
  U32 a, b;
  for (size_t at = SPLIT_MIN; at + SPLIT_MIN <= n; ++at) {
    a.assign(w, 0, at);
    if (ix.keys.find(a) < 0 || stem::is_stop(a)) continue;
    b.assign(w, at, U32::npos);
    if (ix.keys.find(b) >= 0 || (cyr && has_stem(ix, b, true))) {
      if (cyr && has_stem(ix, w, true)) return 0;  // the whole word's own stems win (checked last: rarely needed)
      return at;
    }
  }
  return 0;
}

}  // namespace kzprof
