// Matcher index build (Matcher::load): tokenizing the catalog, interning words, postings, stems,
// skeletons and the search spaces. Runs once per catalog; compiled for size in the wasm (the query
// path, matcher.cpp, for speed). Pipeline: wasm/core/README.md.
#include <algorithm>

#include "matcher.hpp"
#include "matcher_impl.hpp"
#include "readings.hpp"
#include "stem.hpp"

namespace kzprof {
using namespace mimpl;

bool mimpl::ru_adjective(std::u32string_view w) {
  static const char32_t* END[] = {U"ый", U"ий", U"ой", U"ая", U"яя", U"ое", U"ее", U"ые", U"ие", U"ого", U"его", U"ому",
                                  U"ему", U"ых", U"их", U"ым", U"им", U"ую", U"юю", U"ыми", U"ими", nullptr};
  if (w.size() < 5) return false;
  for (const char32_t* const* e = END; *e; ++e) {
    size_t n = std::char_traits<char32_t>::length(*e);
    if (w.substr(w.size() - n) == std::u32string_view(*e, n)) return true;
  }
  return false;
}

void Matcher::load(Catalog&& c) {
  catalog_ = std::move(c);
  build_index();
}

void Matcher::build_index() {
  words_.clear(); fields_.clear(); toks_.clear(); posts_.clear(); post_off_.clear();
  entry_field_.clear(); code_digits_.clear();
  hl_first_.clear(); hl_tok_.clear(); hl_be_.clear();
  // Interning: an open-addressing table of word ids (FNV-1a over the folded key), at most half full;
  // per unique word its stop-word and Russian-adjective flags, so those run once per word, not per token.
  std::vector<uint32_t> slots(1024, UINT32_MAX);
  std::vector<uint8_t> wflag;  // W_STOP, W_ADJ
  constexpr uint8_t W_STOP = 1, W_ADJ = 2;
  auto find_slot = [&](std::u32string_view k) {
    uint32_t h = 2166136261u;
    for (char32_t c : k) h = (h ^ uint32_t(c)) * 16777619u;
    const size_t mask = slots.size() - 1;
    size_t i = h & mask;
    while (slots[i] != UINT32_MAX && words_[slots[i]].key != k) i = (i + 1) & mask;
    return i;
  };
  auto intern = [&](std::u32string_view k) {
    size_t i = find_slot(k);
    if (slots[i] != UINT32_MAX) return slots[i];
    const uint32_t w = uint32_t(words_.size());
    words_.push_back(Word{U32(k), {}, {}, {}});
    wflag.push_back(uint8_t((stem::is_stop(k) ? W_STOP : 0) | (ru_adjective(k) ? W_ADJ : 0)));
    slots[i] = w;
    if (2 * words_.size() > slots.size()) {
      slots.assign(2 * slots.size(), UINT32_MAX);
      for (uint32_t v = 0; v <= w; ++v) slots[find_slot(words_[v].key)] = v;
    }
    return w;
  };
  Tokens tk;
  tk.offsets = false;
  std::vector<uint16_t> grp;
  std::vector<uint8_t> sig;
  std::vector<uint32_t> ids;
  size_t ntoks = 0;
  for (const Profession& p : catalog_.professions)
    ntoks += 3 * 4 + 4 * (p.aliases_ru.size() + p.aliases_kk.size() + p.aliases_en.size());
  toks_.reserve(ntoks);
  fields_.reserve(3 * catalog_.professions.size());
  entry_field_.reserve(catalog_.professions.size());
  code_digits_.reserve(catalog_.professions.size());
  auto add_field = [&](uint32_t entry, uint8_t kind, uint16_t alias, Str s) {
    text::tokenize(s, tk);
    size_t n = std::min<size_t>(tk.size(), 65535);
    Field f{entry, kind, alias, uint32_t(toks_.size()), uint16_t(n), 0, 0};
    bool ru = kind == FK_RU || kind == FK_ALIAS_RU;
    grp.assign(n, 0);
    sig.assign(n, 0);
    ids.resize(n);
    int g = -1;
    for (size_t i = 0; i < n; ++i) {
      ids[i] = intern(tk.key(i));
      if (i == 0 || !tk.toks[i].joined) ++g;
      grp[i] = uint16_t(std::min(g, 63));
      sig[i] = !tk.toks[i].paren && (tk.toks[i].caps || !(wflag[ids[i]] & W_STOP));
      if (sig[i]) f.sigmask |= uint64_t(1) << grp[i];
    }
    f.groups = uint16_t(popcount64(f.sigmask));
    auto adjective = [&](size_t i) { return (wflag[ids[i]] & W_ADJ) != 0; };
    // Head group: Russian — the first group not starting with an adjective; Kazakh/English — the last.
    int head = -1;
    for (size_t i = 0; i < n; ++i) {
      if (!sig[i]) continue;
      if (!ru) { head = grp[i]; continue; }
      bool first_of_group = true;
      for (size_t j = i; j-- > 0 && grp[j] == grp[i];)
        if (sig[j]) first_of_group = false;
      if (first_of_group && !adjective(i)) { head = grp[i]; break; }
    }
    if (head < 0)
      for (size_t i = 0; i < n; ++i)
        if (sig[i]) { head = grp[i]; break; }
    // Specific part of the head group: its last significant part (Russian: last non-adjective part).
    long spec = -1, spec_noun = -1;
    for (size_t i = 0; i < n; ++i)
      if (sig[i] && grp[i] == head) {
        spec = long(i);
        if (ru && !adjective(i)) spec_noun = long(i);
      }
    if (ru && spec_noun >= 0) spec = spec_noun;
    for (size_t i = 0; i < n; ++i) {
      uint8_t fl = (sig[i] ? F_SIG : 0) | (long(i) == spec ? F_HEAD : 0);
      toks_.push_back(Tok{ids[i], grp[i], fl});
    }
    fields_.push_back(f);
  };
  for (uint32_t e = 0; e < catalog_.professions.size(); ++e) {
    const Profession& p = catalog_.professions[e];
    entry_field_.push_back(uint32_t(fields_.size()));
    add_field(e, FK_KK, 0, p.kk);
    add_field(e, FK_RU, 0, p.ru);
    add_field(e, FK_EN, 0, p.en);
    for (size_t i = 0; i < p.aliases_ru.size() && i < 65535; ++i) add_field(e, FK_ALIAS_RU, uint16_t(i), p.aliases_ru[i]);
    for (size_t i = 0; i < p.aliases_kk.size() && i < 65535; ++i) add_field(e, FK_ALIAS_KK, uint16_t(i), p.aliases_kk[i]);
    for (size_t i = 0; i < p.aliases_en.size() && i < 65535; ++i) add_field(e, FK_ALIAS_EN, uint16_t(i), p.aliases_en[i]);
    std::string d;
    for (char c : p.code)
      if (c >= '0' && c <= '9') d.push_back(c);
    code_digits_.push_back(d);
  }
  // Postings: word -> (field, position), by counting sort.
  post_off_.assign(words_.size() + 1, 0);
  for (const Tok& t : toks_) ++post_off_[t.word + 1];
  for (size_t i = 1; i < post_off_.size(); ++i) post_off_[i] += post_off_[i - 1];
  posts_.resize(toks_.size());
  std::vector<uint32_t> fill(post_off_.begin(), post_off_.end() - 1);
  for (uint32_t f = 0; f < fields_.size(); ++f)
    for (uint16_t i = 0; i < fields_[f].ntok; ++i) posts_[fill[toks_[fields_[f].tok + i].word]++] = Post{f, i};
  // Document frequency of every word (postings are in entry order).
  for (uint32_t w = 0; w < words_.size(); ++w) {
    uint32_t last = UINT32_MAX, df = 0;
    for (uint32_t p = post_off_[w]; p < post_off_[w + 1]; ++p) {
      uint32_t e = fields_[posts_[p].field].entry;
      if (e != last) ++df, last = e;
    }
    words_[w].df = df;
  }
  rare_df_ = std::max<uint32_t>(RARE_DF_MIN, uint32_t(uint64_t(catalog_.professions.size()) * RARE_DF_PERCENT / 100));
  // Word forms and the search spaces over them.
  std::vector<std::pair<U32, uint32_t>> kv, sk, ru, kk, en;
  for (uint32_t w = 0; w < words_.size(); ++w) {
    Word& x = words_[w];
    kv.emplace_back(x.key, w);
    if (text::has_cyrillic(x.key)) {
      x.ru = stem::russian(x.key);
      x.kk = stem::kazakh(x.key);
      sk.emplace_back(text::skeleton(x.key), w);
      if (x.ru.size() >= 3) ru.emplace_back(x.ru, w);
      if (x.kk.size() >= 3) kk.emplace_back(x.kk, w);
    } else if (text::all_latin(x.key)) {
      x.en = stem::english(x.key);
      if (x.en.size() >= 3) en.emplace_back(x.en, w);
      // Latin words of the data ("Android", "web") also get the skeleton of their Cyrillic reading, so
      // "андроид", "веб" typed in Cyrillic meet them.
      U32 cyr = text::decode(readings::transliterate(text::to_utf8(x.key), false, false));
      for (char32_t& c : cyr) c = text::fold(c);
      if (text::has_cyrillic(cyr)) sk.emplace_back(text::skeleton(cyr), w);
    }
  }
  keys_.build(std::move(kv), true);
  skel_.build(std::move(sk), true);
  ru_.build(std::move(ru), false);
  kk_.build(std::move(kk), false);
  en_.build(std::move(en), false);
}

}  // namespace kzprof
