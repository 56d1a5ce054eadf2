#include "matcher.hpp"

#include <algorithm>
#include <cstdint>

#include "matcher_impl.hpp"
#include "readings.hpp"
#include "stem.hpp"

// Cold code in a hot file: clang (em++) optimises it for size whatever the file's level.
#if defined(__clang__)
#define KZ_SMALL __attribute__((minsize))
#else
#define KZ_SMALL
#endif

namespace kzprof {
using namespace mimpl;
namespace {

// ---- Per query-word match quality (0..100): how sure we are that the query word means the index word.
constexpr int Q_EXACT = 100;          // same word after folding (case, ё, Kazakh letters, look-alikes)
constexpr int Q_SKELETON = 90;        // same transliteration skeleton (translit readings only)
constexpr int Q_PREFIX_MAX = 80;      // last query word is a prefix; 66..80 grows with the typed share
constexpr int Q_PREFIX_MIN = 66;
constexpr int Q_MORPH = 60;           // same Russian/Kazakh/English stem
constexpr int Q_TYPO = 50;            // whole word within the typo budget, minus Q_PER_EDIT per edit
constexpr int Q_TYPO_PREFIX = 45;     // last word is a prefix with typos ("прграмм"), minus Q_PER_EDIT per edit
constexpr int Q_PER_EDIT = 10;
constexpr int Q_INFIX = 25;           // inside a compound ("хирург" in "нейрохирург"); never confident
constexpr int Q_PREFIX_NONLAST = 20;  // a non-last word that is only a prefix
constexpr int Q_PREFIX_SHORT = 10;    // a 1–2 letter last word as a prefix

// ---- Field bonuses (added to the sum of the best qualities of the query words in one field).
constexpr int B_FULL = 100;           // every significant word of the field is matched confidently
constexpr int B_EXACT = 60;           // ... and all of them exactly: the query is the name
constexpr int B_COVER = 60;           // times the share of the field's word groups the query touches
constexpr int B_OFFICIAL = 10;        // official kk/ru name or the English name, over an alias
constexpr int REWRITE_PENALTY = 40;   // a layout/transliteration reading, over the text as typed
// Composite score: LISTED_WEIGHT·listed + WORD_WEIGHT·(matched query words) + min(field score, 999).
constexpr int LISTED_WEIGHT = 10000;
constexpr int WORD_WEIGHT = 1000;

constexpr size_t PREFIX_CONF_MIN = 4;  // a confident prefix has >= 4 letters and >= half the word
constexpr size_t INFIX_MIN = 4;        // shortest infix searched
constexpr size_t PREFIX_CAP_1 = 30, PREFIX_CAP_2 = 150, PREFIX_CAP_N = 5000;  // prefix expansions per word
constexpr size_t MAX_QWORDS = 8;       // significant query words looked at
constexpr size_t SPLIT_MIN = 4;        // a fused word splits into title words of >= 4 letters each
constexpr size_t WEAK_HITS_CAP = 4000;  // postings taken per query word from weak (1–2 letter prefix) candidates
// Trigrams of q an edit can destroy: a substitution or insertion touches 3, a transposition of two
// neighbours (one OSA edit) 4, so a word within k edits shares at least grams(q) - 4k of them.
constexpr int GRAMS_PER_EDIT = 4;

const char* const KIND_NAME[] = {"word", "prefix", "morph", "typo", "infix", "code", "alias", "english", "exact", "browse"};

// An adjective that narrows the next word: Russian adjective endings, Kazakh -лық/-лік/-дық/-дік/-тық/-тік
// (folded). Words of >= 5 letters (Russian) or >= 6 (Kazakh).
bool modifier(const U32& w) {
  static const char32_t* const KK[] = {U"лык", U"лик", U"дык", U"дик", U"тык", U"тик", nullptr};
  const size_t n = w.size();
  if (ru_adjective(w)) return true;
  if (n < 6) return false;
  for (const char32_t* const* e = KK; *e; ++e)
    if (w.compare(n - 3, 3, *e) == 0) return true;
  return false;
}

bool all_digits(std::u32string_view w) {
  for (char32_t c : w)
    if (!text::is_digit(c)) return false;
  return !w.empty();
}

bool is_blank(std::string_view q) {
  // Fast path: an ASCII byte that is not whitespace decodes as itself, so the query is not blank.
  // A lead byte C3..DF starts U+00C0..U+07FF (Cyrillic, most Latin letters): no space there either.
  bool ascii = true;
  for (char ch : q) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0xC3 && c <= 0xDF) return false;
    if (c >= 0x80) ascii = false;
    else if (c != ' ' && (c < 9 || c > 13)) return false;
  }
  if (ascii) return true;
  for (char32_t c : text::decode(q)) {
    bool sp = c == ' ' || (c >= 9 && c <= 13) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) ||
              c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
    if (!sp) return false;
  }
  return true;
}

using Out = Matcher::Out;

// Calls go through this one function: calling o.put at each site measured +238 B of wasm.
void put(Out& o, std::string_view s) { o.put(s); }

void json_str(Out& o, std::string_view s) {
  o.push_back('"');
  size_t from = 0;  // characters needing no escape are appended in runs
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c != '"' && c != '\\' && c >= 0x20) continue;
    put(o, s.substr(from, i - from));
    from = i + 1;
    if (c >= 0x20) { o.push_back('\\'); o.push_back(char(c)); }
    else {
      static const char* hex = "0123456789abcdef";
      put(o, "\\u00");
      o.push_back(hex[c >> 4]);
      o.push_back(hex[c & 15]);
    }
  }
  put(o, s.substr(from));
  o.push_back('"');
}

}  // namespace

struct Matcher::Eval {
  struct Agg { uint32_t field, hb, he; };
  std::vector<Hit> hits;  // sorted by field, query word, quality desc
  std::vector<Agg> aggs;  // sorted by field
  std::vector<Res> res;   // best first
  int tier = 0;           // 2 listed, 1 suggestions, 0 none
  int top = -1;
  std::string reading;
  const char* kind = nullptr;  // rewrite kind, nullptr for the query as typed
  int idx = -1;                // index of the reading in search_json's list, -1 for the query as typed
};

namespace {
// Result order: score descending, then official order (entries are unique in a result list).
bool res_before(const Matcher::Res& a, const Matcher::Res& b) {
  return a.score != b.score ? a.score > b.score : a.entry < b.entry;
}
// tier and top of the best result; the list itself is ordered only at the end (top `limit`, rank()).
void set_top(Matcher::Eval& ev) {
  if (ev.res.empty()) { ev.tier = 0; ev.top = -1; return; }
  const Matcher::Res& r = *std::min_element(ev.res.begin(), ev.res.end(), res_before);
  ev.tier = r.listed ? 2 : 1;
  ev.top = r.score;
}
}  // namespace

// ------------------------------------------------------------------------------------------------ index

Str Matcher::field_text(const Field& f) const {
  const Profession& p = catalog_.professions[f.entry];
  switch (f.kind) {
    case FK_KK: return p.kk;
    case FK_RU: return p.ru;
    case FK_EN: return p.en;
    case FK_ALIAS_RU: return p.aliases_ru[f.alias];
    case FK_ALIAS_KK: return p.aliases_kk[f.alias];
    default: return p.aliases_en[f.alias];
  }
}

// ----------------------------------------------------------------------------------------- candidates

// Candidates of recent query words, per (word, last, skeleton): typing repeats the earlier words of a
// query on every keystroke. Direct-mapped; valid for one index (see search_json).
namespace {
struct CandCache {
  struct Slot { U32 key; bool last = false, skeleton = false, used = false; std::vector<Matcher::Cand> cands; };
  static constexpr size_t N = 64;
  const Matcher* owner = nullptr;
  Slot slot[N];
  void clear(const Matcher* m) {
    owner = m;
    for (Slot& s : slot) s.used = false;
  }
  Slot& at(const U32& key, bool last, bool skeleton) {
    uint32_t h = 2166136261u;
    for (char32_t c : key) h = (h ^ uint32_t(c)) * 16777619u;
    return slot[(h ^ (last ? 0x9e37u : 0) ^ (skeleton ? 0x7f4au : 0)) % N];
  }
};
thread_local CandCache cand_cache;
}  // namespace

void Matcher::candidates(const U32& key, bool last, bool skeleton, std::vector<Cand>& out) const {
  CandCache::Slot& slot = cand_cache.at(key, last, skeleton);
  if (slot.used && slot.last == last && slot.skeleton == skeleton && slot.key == key) { out = slot.cands; return; }
  find_candidates(key, last, skeleton, out);
  slot.key = key; slot.last = last; slot.skeleton = skeleton; slot.used = true;
  slot.cands = out;
}

void Matcher::find_candidates(const U32& key, bool last, bool skeleton, std::vector<Cand>& out) const {
  out.clear();
  const size_t n = key.size();
  auto add_vals = [&](const Space& sp, size_t ki, int q, uint8_t kind, bool conf, size_t a, size_t b) {
    for (const uint32_t* v = sp.vals_begin(ki); v != sp.vals_end(ki); ++v) {
      size_t len = words_[*v].key.size();
      size_t bb = std::min(b == size_t(-1) ? len : b, len), aa = std::min(a, bb);
      out.push_back(Cand{*v, int16_t(q), kind, conf, uint8_t(std::min<size_t>(aa, 255)), uint8_t(std::min<size_t>(bb, 255))});
    }
  };
  const size_t FULL = size_t(-1);
  auto prefix_quality = [&](size_t typed, size_t len, int& q, bool& conf) {
    conf = false;
    if (last) {
      if (typed >= 3) {
        q = Q_PREFIX_MIN + int((Q_PREFIX_MAX - Q_PREFIX_MIN) * typed / std::max<size_t>(len, 1));
        conf = typed >= PREFIX_CONF_MIN && 2 * typed >= len;
      } else {
        q = Q_PREFIX_SHORT;
      }
      return true;
    }
    q = Q_PREFIX_NONLAST;
    return typed >= 3;
  };
  // exact
  long ex = keys_.find(key);
  if (ex >= 0) add_vals(keys_, size_t(ex), Q_EXACT, K_WORD, true, 0, FULL);
  // prefix
  if (n >= 1) {
    auto [lo, hi] = keys_.prefix_range(key);
    size_t cap = n == 1 ? PREFIX_CAP_1 : n == 2 ? PREFIX_CAP_2 : PREFIX_CAP_N;
    for (size_t k = lo; k < hi && k < lo + cap; ++k) {
      if (long(k) == ex) continue;
      int q;
      bool conf;
      if (prefix_quality(n, keys_.key(k).size(), q, conf)) add_vals(keys_, k, q, K_PREFIX, conf, 0, n);
    }
  }
  // morphology
  const bool cyr = text::has_cyrillic(key), lat = !cyr && text::all_latin(key);
  static thread_local U32 rs;  // stems only ever shorten a word, and are used from 3 letters on
  rs.clear();
  if (cyr && n >= 3) {
    rs = stem::russian(key);
    U32 ks = stem::kazakh(key);
    for (int s = 0; s < 2; ++s) {
      const U32& st = s == 0 ? rs : ks;
      const Space& sp = s == 0 ? ru_ : kk_;
      if (st.size() < 3) continue;
      long i = sp.find(st);
      if (i >= 0) add_vals(sp, size_t(i), Q_MORPH, K_MORPH, true, 0, FULL);
    }
  } else if (lat && n >= 3) {
    U32 es = stem::english(key);
    long i = es.size() >= 3 ? en_.find(es) : -1;
    if (i >= 0) add_vals(en_, size_t(i), Q_MORPH, K_MORPH, true, 0, FULL);
  }
  // typos and infixes, from trigram candidates
  if (n >= INFIX_MIN) {
    const int budget = typo_budget(n);
    keys_.scan_grams(key, [&](size_t ki, int all, int inner, const Space::GramStats& st) {
      const U32& w = keys_.key(ki);
      if (st.inner > 0 && inner == st.inner) {
        size_t pos = w.find(key, 1);
        if (pos != U32::npos) add_vals(keys_, ki, Q_INFIX, K_INFIX, false, pos, pos + n);
      }
      if (budget > 0 && all >= std::max(1, st.all - GRAMS_PER_EDIT * budget)) {
        const bool same_start = w[0] == key[0];  // a typo in the first letter is never confident
        int dp;
        int d = osa_distance(key, w, budget, last ? &dp : nullptr);
        if (d > 0 && d <= budget) {
          // The word plus two or more letters is a derived word, not a typo ("аниматорка"): not confident.
          const bool derived = n >= w.size() + 2 && key.compare(0, w.size(), w) == 0;
          add_vals(keys_, ki, Q_TYPO - Q_PER_EDIT * d, K_TYPO, same_start && !derived, 0, FULL);
          return;
        }
        if (last) {
          if (dp > 0 && dp <= budget) {
            add_vals(keys_, ki, Q_TYPO_PREFIX - Q_PER_EDIT * dp, K_TYPO, same_start && 2 * n >= w.size(), 0, n);
            return;
          }
        }
        if (rs.size() >= 5) {  // stems within the budget: "программиста" ~ "програмист"
          const uint32_t* v = keys_.vals_begin(ki);
          const U32& ws = words_[*v].ru;
          int b2 = typo_budget(rs.size());
          int ds = ws.empty() ? b2 + 1 : osa_distance(rs, ws, b2);
          // A query stem extending the word's stem is a derived word, not a typo ("акушерка" = акушер +
          // -ка, another profession): found, never confident. (The other way round, "лазер" ~ "лазерлік",
          // the query is the base of the title's word and stays confident.)
          const bool derived = ws.size() < rs.size() && rs.compare(0, ws.size(), ws) == 0;
          if (ds > 0 && ds <= b2) add_vals(keys_, ki, Q_TYPO - Q_PER_EDIT * ds, K_TYPO, same_start && !derived, 0, FULL);
        }
      }
    });
    // the stem inside a compound: "хирурга" -> "нейрохирург"
    if (rs.size() >= 5 && rs != key) {
      keys_.scan_grams(rs, [&](size_t ki, int, int inner, const Space::GramStats& st) {
        if (st.inner == 0 || inner != st.inner) return;
        size_t pos = keys_.key(ki).find(rs, 1);
        if (pos != U32::npos) add_vals(keys_, ki, Q_INFIX, K_INFIX, false, pos, pos + rs.size());
      });
    }
  }
  // Cyrillic spelling of a Latin word of the data ("андроид" = "Android"): same skeleton.
  if (!skeleton && cyr && n >= 3) {
    long i = skel_.find(text::skeleton(key));
    if (i >= 0)
      for (const uint32_t* v = skel_.vals_begin(size_t(i)); v != skel_.vals_end(size_t(i)); ++v)
        if (text::all_latin(words_[*v].key))
          out.push_back(Cand{*v, int16_t(Q_SKELETON), K_WORD, true, 0, uint8_t(std::min<size_t>(words_[*v].key.size(), 255))});
  }
  // transliteration readings: compare lossy skeletons
  if (skeleton && cyr) {
    U32 sk = text::skeleton(key);
    long i = skel_.find(sk);
    if (i >= 0) add_vals(skel_, size_t(i), Q_SKELETON, K_WORD, true, 0, FULL);
    if (last && sk.size() >= 3) {
      auto [lo, hi] = skel_.prefix_range(sk);
      for (size_t k = lo; k < hi && k < lo + PREFIX_CAP_N; ++k) {
        if (long(k) == i) continue;
        int q;
        bool conf;
        prefix_quality(sk.size(), skel_.key(k).size(), q, conf);
        add_vals(skel_, k, q, K_PREFIX, conf, 0, n);
      }
    }
    if (sk.size() >= 5) {
      const int budget = typo_budget(sk.size());
      skel_.scan_grams(sk, [&](size_t ki, int all, int, const Space::GramStats& st) {
        if (all < std::max(1, st.all - GRAMS_PER_EDIT * budget)) return;
        const bool same_start = skel_.key(ki)[0] == sk[0];
        int dp;
        int d = osa_distance(sk, skel_.key(ki), budget, last ? &dp : nullptr);
        if (d > 0 && d <= budget) { add_vals(skel_, ki, Q_TYPO - Q_PER_EDIT * d, K_TYPO, same_start, 0, FULL); return; }
        if (last) {
          if (dp > 0 && dp <= budget)
            add_vals(skel_, ki, Q_TYPO_PREFIX - Q_PER_EDIT * dp, K_TYPO, same_start && 2 * sk.size() >= skel_.key(ki).size(), 0, n);
        }
      });
    }
  }
  // best candidate per word
  std::sort(out.begin(), out.end(), [](const Cand& x, const Cand& y) {
    if (x.word != y.word) return x.word < y.word;
    if (x.q != y.q) return x.q > y.q;
    return x.conf > y.conf;
  });
  out.erase(std::unique(out.begin(), out.end(), [](const Cand& x, const Cand& y) { return x.word == y.word; }), out.end());
}

// ------------------------------------------------------------------------------------------ evaluation

// Where a fused query word splits into two title words, or 0 (see evaluate).
size_t Matcher::split_point(const U32& w, bool skeleton) const {
  const size_t n = w.size();
  if (skeleton || n < 2 * SPLIT_MIN || keys_.find(w) >= 0) return 0;
  const bool cyr = text::has_cyrillic(w);
  if (!cyr && !text::all_latin(w)) return 0;
  static thread_local U32 a, b;
  for (size_t at = SPLIT_MIN; at + SPLIT_MIN <= n; ++at) {
    a.assign(w, 0, at);
    if (keys_.find(a) < 0 || stem::is_stop(a)) continue;
    b.assign(w, at, U32::npos);
    if (keys_.find(b) >= 0 || (cyr && (ru_.find(stem::russian(b)) >= 0 || kk_.find(stem::kazakh(b)) >= 0))) {
      // the whole word's own stems win over a split (checked last: rarely needed)
      if (cyr && (ru_.find(stem::russian(w)) >= 0 || kk_.find(stem::kazakh(w)) >= 0)) return 0;
      return at;
    }
  }
  return 0;
}

void Matcher::evaluate(const std::string& reading, bool skeleton, const Eval* floor, Eval& ev) const {
  const bool rewrite = floor != nullptr;
  bool trailing = false;
  static thread_local Tokens toks;  // scratch, reused across queries
  static thread_local U32 qkey;
  text::tokenize(reading, toks, &trailing);
  // Query words; stop words are optional: they only add to the score when they meet a significant
  // title word (the abbreviation «ПО», or the last word typed so far: "врач-о").
  // A word typed without the space or hyphen between two title words ("врачпедиатр") is read as both,
  // when it is not a word of the titles itself, has no stem there, and splits into two title words of
  // at least SPLIT_MIN letters (the right one may be inflected: same Russian/Kazakh stem).
  static thread_local U32 qk[MAX_QWORDS];
  bool qlast[MAX_QWORDS] = {};
  size_t nuse = 0;
  bool opt[MAX_QWORDS] = {};
  size_t required = 0;
  for (size_t i = 0; i < toks.size(); ++i)
    if (!all_digits(toks.key(i)) && !(stem::is_stop(toks.key(i)) && !toks.toks[i].caps)) ++required;
  for (size_t i = 0; i < toks.size() && nuse < MAX_QWORDS; ++i) {
    if (all_digits(toks.key(i))) continue;
    const bool last = i + 1 == toks.size() && !trailing;
    opt[nuse] = required > 0 && stem::is_stop(toks.key(i)) && !toks.toks[i].caps;
    qk[nuse].assign(toks.key(i));
    qlast[nuse] = last;
    const size_t at = split_point(qk[nuse], skeleton);
    if (at && nuse + 1 < MAX_QWORDS) {
      qk[nuse + 1].assign(qk[nuse], at, U32::npos);
      qk[nuse].resize(at);
      qlast[nuse] = false;
      qlast[nuse + 1] = last;
      ++nuse;
    }
    ++nuse;
  }
  const size_t nq = nuse;
  ev.hits.clear(); ev.aggs.clear(); ev.res.clear();
  ev.tier = 0; ev.top = -1;
  if (!nq) return;
  // An alternative reading is scored only if it can beat `floor` (the best reading so far; it must be
  // strictly better). Upper bound of its best result from cheap lookups (no trigram scans): per word
  // the best quality any candidate kind could give (exact / skeleton / prefix / stem by lookup; a typo
  // needs >= 5 letters, an infix >= 4) and whether it could be confident; then the best composite score.
  if (floor) {
    int qsum = 0, matched = 0;
    bool all_conf = true, all_word = true;
    for (size_t qi = 0; qi < nq; ++qi) {
      const U32& k = qk[qi];
      const size_t n = k.size();
      const bool last = qlast[qi], cyr = text::has_cyrillic(k);
      int q = 0;
      bool conf = false;
      if (keys_.find(k) >= 0 || (cyr && skel_.find(text::skeleton(k)) >= 0)) q = Q_EXACT, conf = true;
      else {
        if (!opt[qi]) all_word = false;
        auto pr = keys_.prefix_range(k);
        if (pr.first < pr.second && (last || n >= 3)) q = !last ? Q_PREFIX_NONLAST : n >= 3 ? Q_PREFIX_MAX : Q_PREFIX_SHORT, conf = last && n >= PREFIX_CONF_MIN;
        if (skeleton && cyr && last) q = Q_PREFIX_MAX, conf = true;
        if (n >= 3 && ((cyr && (ru_.find(stem::russian(k)) >= 0 || kk_.find(stem::kazakh(k)) >= 0)) ||
                       (!cyr && text::all_latin(k) && en_.find(stem::english(k)) >= 0)))
          q = std::max(q, Q_MORPH), conf = true;
        if (n > INFIX_MIN) q = std::max(q, Q_TYPO - Q_PER_EDIT), conf = true;
        else if (n == INFIX_MIN) q = std::max(q, Q_INFIX);
      }
      if (opt[qi]) qsum += q / 2;
      else qsum += q, matched += q > 0, all_conf = all_conf && conf;
    }
    const int fmax = qsum + (all_conf ? B_FULL : 0) + (all_conf && all_word ? B_EXACT : 0) + B_COVER + B_OFFICIAL - REWRITE_PENALTY;
    const int tier = all_conf && matched ? 2 : matched ? 1 : 0;
    const int top = (tier == 2 ? LISTED_WEIGHT : 0) + WORD_WEIGHT * matched + std::max(0, std::min(999, fmax));
    if (tier < floor->tier || (tier == floor->tier && (top < floor->top || (top == floor->top && ev.idx > floor->idx)))) return;
  }
  static thread_local std::vector<Cand> cands;  // scratch, reused across queries
  for (size_t qi = 0; qi < nq; ++qi) {
    const bool last = qlast[qi];
    qkey.assign(qk[qi]);
    candidates(qkey, last, skeleton, cands);
    size_t weak = 0;
    for (const Cand& c : cands)
      for (uint32_t p = post_off_[c.word]; p < post_off_[c.word + 1]; ++p)
        if (c.q > Q_PREFIX_SHORT || ++weak <= WEAK_HITS_CAP)
        ev.hits.push_back(Hit{Hit::make_key(posts_[p].field, uint8_t(qi), c.q, posts_[p].pos), c.kind, c.q, c.conf, c.a, c.b});
  }
  // (field, query word, quality desc, position): one key compare. For one query word a field position
  // holds one word, which has one candidate, so no two hits compare equal.
  std::sort(ev.hits.begin(), ev.hits.end(), [](const Hit& x, const Hit& y) { return x.key < y.key; });
  Res cur{};
  bool have = false;
  auto better = [](const Res& a, const Res& b) {
    if (a.listed != b.listed) return a.listed;
    if (a.matched != b.matched) return a.matched > b.matched;
    return a.fscore > b.fscore;
  };
  static thread_local std::vector<uint8_t> tok_hit;
  for (size_t s = 0; s < ev.hits.size();) {
    size_t e = s;
    const uint32_t fid = ev.hits[s].field();
    while (e < ev.hits.size() && ev.hits[e].field() == fid) ++e;
    ev.aggs.push_back(Eval::Agg{fid, uint32_t(s), uint32_t(e)});
    const Field& F = fields_[fid];
    int sum = 0, matched = 0;
    uint8_t weakest = K_WORD;
    bool all_word = true, head = false;
    uint64_t touched = 0;
    bool seen[MAX_QWORDS] = {}, conf[MAX_QWORDS] = {};
    bool specific = false;
    tok_hit.assign(F.ntok, 0);
    for (size_t h = s; h < e; ++h) {
      const Hit& x = ev.hits[h];
      const uint8_t xqi = x.qi();
      const uint16_t xpos = x.pos();
      if (opt[xqi]) {
        const Tok& t = toks_[F.tok + xpos];
        if (!(t.flags & F_SIG)) continue;
        if (!seen[xqi]) seen[xqi] = true, sum += x.q / 2;
        if (x.conf && x.kind == K_WORD) tok_hit[xpos] = 1, touched |= uint64_t(1) << t.group;
        continue;
      }
      if (!seen[xqi]) {
        seen[xqi] = true;
        sum += x.q;
        ++matched;
        weakest = std::max(weakest, x.kind);
        if (x.kind != K_WORD) all_word = false;
      }
      if (x.conf) {
        conf[xqi] = true;
        const Tok& t = toks_[F.tok + xpos];
        touched |= uint64_t(1) << t.group;
        if (t.flags & F_HEAD) head = true;
        if (words_[t.word].df <= rare_df_) specific = true;
        tok_hit[xpos] = 1;
      }
    }
    if (!matched) { s = e; continue; }
    bool all_conf = true;
    for (size_t qi = 0; qi < nq; ++qi) all_conf = all_conf && (opt[qi] || conf[qi]);
    const int G = F.groups, covered = popcount64(touched & F.sigmask);
    bool full = all_conf;
    for (uint16_t i = 0; full && i < F.ntok; ++i)
      if ((toks_[F.tok + i].flags & F_SIG) && !tok_hit[i]) full = false;
    // Listed: every query word confident in this field, and either the whole field is matched, or
    // its head is matched, at most (G-1)/2 of its word groups are left out, and a specific word matched.
    bool listed = full || (all_conf && head && specific && (G - covered) <= (G - 1) / 2);
    // ... but not when the query drops an adjective of a word it matched in an alias ("аналитик данных"
    // is not "аналитик больших данных"): an alias is already the short colloquial name, so the word
    // left out narrows the profession. (Official names carry qualifiers people omit: «анимация технигі».)
    if (listed && !full && F.kind >= FK_ALIAS_RU)
      for (uint16_t i = 0; i + 1 < F.ntok; ++i) {
        const Tok& t = toks_[F.tok + i];
        if ((t.flags & F_SIG) && !tok_hit[i] && tok_hit[i + 1] && modifier(words_[t.word].key)) { listed = false; break; }
      }
    const bool exact = full && all_word;
    int fscore = sum + (full ? B_FULL : 0) + (exact ? B_EXACT : 0) + (G ? B_COVER * covered / G : 0) +
                 (F.kind <= FK_EN ? B_OFFICIAL : 0) - (rewrite ? REWRITE_PENALTY : 0);
    uint8_t kind = F.kind >= FK_ALIAS_RU ? uint8_t(K_ALIAS) : F.kind == FK_EN ? uint8_t(K_ENGLISH) : exact ? uint8_t(K_EXACT) : weakest;
    Res r{F.entry, fid, listed, matched, fscore, kind, 0};
    if (have && cur.entry != r.entry) { ev.res.push_back(cur); have = false; }
    if (!have || better(r, cur)) cur = r, have = true;
    s = e;
  }
  if (have) ev.res.push_back(cur);
  for (Res& r : ev.res)
    r.score = (r.listed ? LISTED_WEIGHT : 0) + WORD_WEIGHT * r.matched + std::max(0, std::min(999, r.fscore));
  set_top(ev);
}

// Codes: "2512-1-007", "25121007", "2512 1 007", "2512.1.007"; a prefix lists its group in official order.
KZ_SMALL bool Matcher::evaluate_code(const std::string& reading, Eval& ev) const {
  // Skip tokenizing when no run of ASCII digits can be a word of its own (the digits come only from
  // such words): every run touches an ASCII letter or a Cyrillic letter U+0400..U+047F (D0/D1 + one
  // continuation byte), so it is part of a word with letters. ("А0паратты": the code-layout readings.)
  {
    const size_t n = reading.size();
    auto u = [&](size_t i) { return static_cast<unsigned char>(reading[i]); };
    auto letter_at = [&](size_t i) {  // a letter starts at byte i
      const unsigned char c = u(i) | 0x20;
      return (c >= 'a' && c <= 'z') || ((u(i) == 0xD0 || u(i) == 0xD1) && i + 1 < n && (u(i + 1) & 0xC0) == 0x80);
    };
    bool maybe = false;
    for (size_t i = 0; i < n && !maybe; ++i) {
      if (u(i) < '0' || u(i) > '9') continue;
      size_t j = i;
      while (j < n && u(j) >= '0' && u(j) <= '9') ++j;
      const bool left = i > 0 && (letter_at(i - 1) || (i > 1 && (u(i - 1) & 0xC0) == 0x80 && letter_at(i - 2)));
      maybe = !left && !(j < n && letter_at(j));
      i = j;
    }
    if (!maybe) return false;
  }
  static thread_local Tokens toks;
  text::tokenize(reading, toks);
  if (!toks.size()) return false;
  std::string d;
  bool words = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!all_digits(toks.key(i))) { words = true; continue; }
    for (char32_t c : toks.key(i)) d.push_back(char(c));
  }
  // "код 2512-1-007": with words around, a code of 4+ digits is still read as a code if it matches.
  if (d.empty() || (words && d.size() < 4)) return false;
  ev.hits.clear(); ev.aggs.clear(); ev.res.clear();
  const int penalty = ev.kind ? REWRITE_PENALTY : 0;
  for (uint32_t e = 0; e < code_digits_.size(); ++e) {
    const std::string& c = code_digits_[e];
    if (c == d) ev.res.push_back(Res{e, entry_field_[e], true, 1, 999 - penalty, K_CODE, 0});
    else if (c.size() > d.size() && c.compare(0, d.size(), d) == 0)
      ev.res.push_back(Res{e, entry_field_[e], d.size() >= 4, 1, 500 - penalty, K_CODE, 0});
  }
  if (ev.res.empty() && d.size() >= 5) {  // one mistyped digit
    for (uint32_t e = 0; e < code_digits_.size(); ++e) {
      const std::string& c = code_digits_[e];
      if (c.size() < d.size()) continue;
      int diff = 0;
      for (size_t i = 0; i < d.size(); ++i) diff += c[i] != d[i];
      if (diff == 1) ev.res.push_back(Res{e, entry_field_[e], false, 1, 300 - penalty, K_TYPO, 0});
    }
  }
  if (words && ev.res.empty()) return false;
  for (Res& r : ev.res) r.score = (r.listed ? LISTED_WEIGHT : 0) + WORD_WEIGHT * r.matched + std::max(0, r.fscore);
  set_top(ev);
  return true;
}

// ---------------------------------------------------------------------------------------------- output

namespace {

}  // namespace

[[gnu::noinline]] void Matcher::Out::room(size_t k) {
  if (n + k > b.size()) b.resize(2 * (n + k));
}

[[gnu::noinline]] void Matcher::Out::put(std::string_view s) {
  room(s.size());
  std::copy(s.begin(), s.end(), b.begin() + n);
  n += s.size();
}

namespace {

void append_uint(Out& o, uint32_t v) {
  char buf[10];
  int n = 0;
  do buf[n++] = char('0' + v % 10), v /= 10; while (v);
  while (n) o.push_back(buf[--n]);
}

using Marks = std::vector<std::pair<uint16_t, std::pair<uint8_t, uint8_t>>>;  // (token position, letters [a, b))

}  // namespace

// Highlight spans [start,end) in UTF-16 units of field `fid` (text `s`) for (token position, letter range)
// pairs. The field's token -> UTF-16 map is made by tokenizing it once and kept (hl_*).
void Matcher::spans_json(Out& o, uint32_t fid, Str s, const Marks& marks) const {
  static thread_local std::vector<std::pair<uint32_t, uint32_t>> sp;
  sp.clear();
  if (!marks.empty()) {
    if (hl_first_.size() != fields_.size() || hl_be_.size() > HL_CACHE_LETTERS) {
      hl_first_.assign(fields_.size(), 0);
      hl_tok_.clear();
      hl_be_.clear();
    }
    if (!hl_first_[fid]) {
      static thread_local Tokens tk;
      text::tokenize(s, tk);
      hl_first_[fid] = uint32_t(hl_tok_.size()) + 1;
      hl_tok_.emplace_back(uint32_t(tk.size()), 0);
      for (const Tokens::Ref& t : tk.toks) {
        hl_tok_.emplace_back(uint32_t(hl_be_.size()), t.n);
        for (uint32_t i = t.at; i < t.at + t.n; ++i) hl_be_.emplace_back(tk.b[i], tk.e[i]);
      }
    }
    const std::pair<uint32_t, uint32_t>* toks = hl_tok_.data() + hl_first_[fid];
    const uint32_t ntok = toks[-1].first;
    for (auto& m : marks) {
      if (m.first >= ntok) continue;
      const std::pair<uint32_t, uint32_t>& t = toks[m.first];
      size_t a = m.second.first, b = m.second.second;
      if (b > t.second) b = t.second;
      if (a >= b) continue;
      sp.emplace_back(hl_be_[t.first + a].first, hl_be_[t.first + b - 1].second);
    }
  }
  std::sort(sp.begin(), sp.end());
  o.push_back('[');
  bool first = true;
  for (size_t i = 0; i < sp.size();) {
    uint32_t a = sp[i].first, b = sp[i].second;
    size_t j = i + 1;
    for (; j < sp.size() && sp[j].first <= b; ++j) b = std::max(b, sp[j].second);
    if (!first) o.push_back(',');
    first = false;
    o.push_back('[');
    append_uint(o, a);
    o.push_back(',');
    append_uint(o, b);
    o.push_back(']');
    i = j;
  }
  o.push_back(']');
}

std::string Matcher::render(const Eval& ev, int limit, const std::string& from, bool truncated, const char* verdict) const {
  static thread_local Out o;
  o.n = 0;
  o.room(256 + 320 * size_t(std::min<size_t>(ev.res.size(), size_t(limit))));
  put(o, "{\"verdict\":\"");
  put(o, verdict ? verdict : (ev.tier == 2 ? "listed" : ev.tier == 1 ? "suggestions" : "none"));
  put(o, "\",\"rewrite\":");
  if (ev.kind) {
    put(o, "{\"kind\":\"");
    put(o, ev.kind);
    put(o, "\",\"from\":");
    json_str(o, from);
    put(o, ",\"text\":");
    json_str(o, ev.reading);
    put(o, "}");
  } else {
    put(o, "null");
  }
  put(o, ",\"truncated\":");
  put(o, truncated ? "true" : "false");
  put(o, ",\"results\":[");
  static thread_local Marks m;
  auto marks_of = [&](uint32_t fid) -> const Marks& {
    m.clear();
    auto it = std::lower_bound(ev.aggs.begin(), ev.aggs.end(), fid,
                               [](const Eval::Agg& a, uint32_t f) { return a.field < f; });
    if (it == ev.aggs.end() || it->field != fid) return m;
    int best_q = -1;
    int cur_qi = -1;
    for (uint32_t h = it->hb; h < it->he; ++h) {
      const Hit& x = ev.hits[h];
      if (x.qi() != cur_qi) { cur_qi = x.qi(); best_q = x.q; }
      if (x.q == best_q) m.push_back({x.pos(), {x.a, x.b}});
    }
    return m;
  };
  for (size_t i = 0; i < ev.res.size() && int(i) < limit; ++i) {
    const Res& r = ev.res[i];
    const Profession& p = catalog_.professions[r.entry];
    if (i) o.push_back(',');
    put(o, "{\"code\":");
    json_str(o, p.code);
    put(o, ",\"score\":");
    append_uint(o, uint32_t(r.score));  // >= 0
    put(o, ",\"match\":\"");
    put(o, KIND_NAME[r.kind]);
    put(o, "\",\"highlights\":{\"kk\":");
    const uint32_t f0 = entry_field_[r.entry];
    spans_json(o, f0 + FK_KK, p.kk, marks_of(f0 + FK_KK));
    put(o, ",\"ru\":");
    spans_json(o, f0 + FK_RU, p.ru, marks_of(f0 + FK_RU));
    put(o, ",\"en\":");
    spans_json(o, f0 + FK_EN, p.en, marks_of(f0 + FK_EN));
    put(o, "},\"alias\":");
    const Field& F = fields_[r.field];
    if (r.kind == K_ALIAS && F.kind >= FK_ALIAS_RU) {
      put(o, "{\"lang\":\"");
      put(o, F.kind == FK_ALIAS_RU ? "ru" : F.kind == FK_ALIAS_KK ? "kk" : "en");
      put(o, "\",\"text\":");
      const Str t = field_text(F);
      json_str(o, t);
      put(o, ",\"highlights\":");
      spans_json(o, r.field, t, marks_of(r.field));
      put(o, "}");
    } else {
      put(o, "null");
    }
    put(o, "}");
  }
  put(o, "]}");
  return std::string(o.b.data(), o.n);
}

std::string Matcher::search_json(std::string_view query, int limit) const {
  // The candidate cache holds this index's answers: emptied for another matcher, and after a (re)build,
  // which empties the highlight cache (build_index clears hl_first_; render fills it).
  if (cand_cache.owner != this || hl_first_.empty()) cand_cache.clear(this);
  bool truncated = false;
  const std::string q = text::cap_utf16(query, MAX_QUERY_UTF16, &truncated);
  if (limit < 0) limit = 0;
  static thread_local Eval best, ev;  // scratch, reused across queries (their buffers keep capacity)
  best.res.clear();
  best.kind = nullptr;
  best.idx = -1;
  if (is_blank(q)) {
    for (uint32_t e = 0; e < catalog_.professions.size(); ++e)
      best.res.push_back(Res{e, entry_field_[e], false, 0, 0, K_BROWSE, 0});
    return render(best, limit, q, truncated, "browse");
  }
  best.reading = q;
  if (!evaluate_code(q, best)) evaluate(q, false, nullptr, best);
  if (best.tier < 2) {
    struct Alt { std::string text; const char* kind; bool skeleton; bool code_only; };
    std::vector<Alt> alts;
    if (readings::has_latin_letter(q)) {
      alts.push_back({readings::qwerty_to_cyrillic(q), "layout", false, false});
      const bool kk = readings::looks_kazakh_latin(q);
      alts.push_back({readings::transliterate(q, kk, false), kk ? "kk-latin" : "translit", true, false});
      std::string jy = readings::transliterate(q, kk, true);
      if (jy != alts.back().text) alts.push_back({jy, "translit", true, false});
    }
    if (readings::has_cyrillic_letter(q)) alts.push_back({readings::cyrillic_to_qwerty(q), "layout", false, false});
    if (readings::has_kk_number_row(q)) {
      alts.push_back({readings::kk_number_row_to_digits(q, false), "code-layout", false, true});
      alts.push_back({readings::kk_number_row_to_digits(q, true), "code-layout", false, true});
    }
    // The winner is the best (tier, top), ties to the earlier reading (the query as typed first). The
    // transliterations are scored first (the usual winners, so the others are more often skipped by
    // the bound in evaluate); ties still go by list order (Eval::idx).
    for (int pass = 0; pass < 2; ++pass)
      for (size_t i = 0; i < alts.size(); ++i) {
        const Alt& a = alts[i];
        if (a.skeleton != (pass == 0) || a.text == q) continue;
        ev.reading = a.text;
        ev.kind = a.kind;
        ev.idx = int(i);
        if (!evaluate_code(a.text, ev)) {
          if (a.code_only) continue;
          evaluate(a.text, a.skeleton, &best, ev);
        }
        if (ev.tier > best.tier || (ev.tier == best.tier && (ev.top > best.top || (ev.top == best.top && ev.idx < best.idx))))
          std::swap(best, ev);
      }
  }
  // Only the first `limit` results are shown: order just those.
  const size_t k = std::min(best.res.size(), size_t(limit));
  std::partial_sort(best.res.begin(), best.res.begin() + long(k), best.res.end(), res_before);
  return render(best, limit, q, truncated, nullptr);
}

}  // namespace kzprof
