#include "index.hpp"

#include <algorithm>

#include "hash.hpp"
#include "readings.hpp"
#include "stem.hpp"

namespace kzprof {

std::string_view Index::field_text(const Catalog& c, const Field& f) const {
  const Profession& p = c.professions[f.entry];
  switch (f.kind) {
    case FK_KK: return p.kk;
    case FK_RU: return p.ru;
    case FK_EN: return p.en;
    case FK_ALIAS_RU: return p.aliases_ru[f.alias];
    case FK_ALIAS_KK: return p.aliases_kk[f.alias];
    default: return p.aliases_en[f.alias];
  }
}

namespace {

// Word ids by folded key: an open-addressing table, at most half full; per word its stop-word and
// Russian-adjective flags, so those run once per word, not once per token.
class Interner {
 public:
  static constexpr uint8_t STOP = 1, ADJECTIVE = 2;
  explicit Interner(std::vector<Word>& words) : words_(words), slots_(1024, UINT32_MAX) {}
  uint32_t operator()(std::u32string_view k) {
    size_t i = find(k);
    if (slots_[i] != UINT32_MAX) return slots_[i];
    const uint32_t w = uint32_t(words_.size());
    words_.push_back(Word{U32(k), {}, {}, {}});
    flags_.push_back(uint8_t((stem::is_stop(k) ? STOP : 0) | (stem::ru_adjective(k) ? ADJECTIVE : 0)));
    slots_[i] = w;
    if (2 * words_.size() > slots_.size()) {
      slots_.assign(2 * slots_.size(), UINT32_MAX);
      for (uint32_t v = 0; v <= w; ++v) slots_[find(words_[v].key)] = v;
    }
    return w;
  }
  bool has(uint32_t w, uint8_t flag) const { return flags_[w] & flag; }

 private:
  std::vector<Word>& words_;
  std::vector<uint32_t> slots_;
  std::vector<uint8_t> flags_;
  size_t find(std::u32string_view k) const {
    const size_t mask = slots_.size() - 1;
    size_t i = fnv1a(k) & mask;
    while (slots_[i] != UINT32_MAX && words_[slots_[i]].key != k) i = (i + 1) & mask;
    return i;
  }
};

// Tokenizes one name or alias into ix.toks and appends its Field: word groups, significant words, head.
class FieldBuilder {
 public:
  FieldBuilder(Index& ix, Interner& intern) : ix_(ix), intern_(intern) { tk_.offsets = false; }
  void add(uint32_t entry, uint8_t kind, uint16_t alias, std::string_view s) {
    text::tokenize(s, tk_);
    const size_t n = std::min<size_t>(tk_.size(), 65535);
    Field f{entry, kind, alias, uint32_t(ix_.toks.size()), uint16_t(n), 0, 0};
    const bool ru = kind == FK_RU || kind == FK_ALIAS_RU;
    grp_.assign(n, 0);
    sig_.assign(n, 0);
    ids_.resize(n);
    int g = -1;
    for (size_t i = 0; i < n; ++i) {
      ids_[i] = intern_(tk_.key(i));
      if (i == 0 || !tk_.toks[i].joined) ++g;
      grp_[i] = uint16_t(std::min(g, 63));
      sig_[i] = !tk_.toks[i].paren && (tk_.toks[i].caps || !intern_.has(ids_[i], Interner::STOP));
      if (sig_[i]) f.sigmask |= uint64_t(1) << grp_[i];
    }
    f.groups = uint16_t(__builtin_popcountll(f.sigmask));
    const long spec = head_token(n, ru);
    for (size_t i = 0; i < n; ++i)
      ix_.toks.push_back(Tok{ids_[i], grp_[i], uint8_t((sig_[i] ? F_SIG : 0) | (long(i) == spec ? F_HEAD : 0) |
                                                       (tk_.toks[i].caps ? F_ABBR : 0))});
    ix_.fields.push_back(f);
  }

 private:
  Index& ix_;
  Interner& intern_;
  Tokens tk_;
  std::vector<uint16_t> grp_;
  std::vector<uint8_t> sig_;
  std::vector<uint32_t> ids_;

  // The head group: Russian — the first group not starting with an adjective; Kazakh/English — the last.
  // The head token: the group's last significant word (Russian: its last one that is not an adjective).
  long head_token(size_t n, bool ru) const {
    auto adjective = [&](size_t i) { return intern_.has(ids_[i], Interner::ADJECTIVE); };
    int head = -1;
    for (size_t i = 0; i < n; ++i) {
      if (!sig_[i]) continue;
      if (!ru) { head = grp_[i]; continue; }
      bool first_of_group = true;
      for (size_t j = i; j-- > 0 && grp_[j] == grp_[i];)
        if (sig_[j]) first_of_group = false;
      if (first_of_group && !adjective(i)) { head = grp_[i]; break; }
    }
    if (head < 0)
      for (size_t i = 0; i < n; ++i)
        if (sig_[i]) { head = grp_[i]; break; }
    long spec = -1, spec_noun = -1;
    for (size_t i = 0; i < n; ++i)
      if (sig_[i] && grp_[i] == head) {
        spec = long(i);
        if (ru && !adjective(i)) spec_noun = long(i);
      }
    return ru && spec_noun >= 0 ? spec_noun : spec;
  }
};

// One-word aliases that are a word of another entry's name (kk, ru or its English translation; compared by
// stem): "программист" is an alias of the software developer, but a word of the official name of the
// applications programmer. Such an alias cannot make its entry "listed" on its own (scoring.cpp).
void mark_shared_aliases(Index& ix) {
  auto key = [&](uint8_t kind, uint32_t w) {
    const Word& x = ix.words[w];
    const bool kk = kind == FK_KK || kind == FK_ALIAS_KK, en = kind == FK_EN || kind == FK_ALIAS_EN;
    const U32& st = en ? x.en : kk ? x.kk : x.ru;
    return U32(1, kk ? U'k' : en ? U'e' : U'r') + (st.size() >= 3 ? st : x.key);
  };
  // The one-word aliases, by the key of their word (usually few: the names are not scanned without them).
  std::vector<std::pair<U32, uint32_t>> aliases;  // (key, alias field), sorted
  for (uint32_t fid = 0; fid < ix.fields.size(); ++fid) {
    const Field& f = ix.fields[fid];
    if (!is_alias(f.kind)) continue;
    const Tok* word = nullptr;
    int significant = 0;
    for (uint16_t i = 0; i < f.ntok; ++i)
      if (ix.toks[f.tok + i].flags & F_SIG) word = &ix.toks[f.tok + i], ++significant;
    if (significant == 1) aliases.emplace_back(key(f.kind, word->word), fid);
  }
  if (aliases.empty()) return;
  std::sort(aliases.begin(), aliases.end());
  // Per word and name language (kk, ru, en), its range of aliases: the names are then read by word id.
  using Range = std::pair<uint32_t, uint32_t>;
  std::vector<Range> by_word[3];
  const uint8_t lang_kind[3] = {FK_KK, FK_RU, FK_EN};
  for (int l = 0; l < 3; ++l) {
    by_word[l].assign(ix.words.size(), Range{0, 0});
    for (uint32_t w = 0; w < ix.words.size(); ++w) {
      const U32 k = key(lang_kind[l], w);
      auto lo =
          std::lower_bound(aliases.begin(), aliases.end(), k, [](const auto& a, const U32& b) { return a.first < b; });
      auto hi = lo;
      while (hi != aliases.end() && hi->first == k) ++hi;
      by_word[l][w] = Range{uint32_t(lo - aliases.begin()), uint32_t(hi - aliases.begin())};
    }
  }
  for (const Field& f : ix.fields) {
    if (is_alias(f.kind)) continue;
    for (uint16_t i = 0; i < f.ntok; ++i) {
      const Tok& t = ix.toks[f.tok + i];
      if (!(t.flags & F_SIG)) continue;
      const Range r = by_word[f.kind][t.word];  // FK_KK, FK_RU, FK_EN are 0, 1, 2
      for (uint32_t a = r.first; a < r.second; ++a)
        if (ix.fields[aliases[a].second].entry != f.entry) ix.fields[aliases[a].second].shared = true;
    }
  }
}

// Aliases that shorten their entry's official or English name of the same language: every significant word
// of the alias is a word of that name, and every word of the name left out is common (in more than rare_df
// entries: «врач», «дәрігер»), never a qualifier that narrows it («в области …», «реаниматолог»).
void mark_shortened_names(Index& ix) {
  for (uint32_t e = 0; e < ix.entry_field.size(); ++e) {
    const uint32_t first = ix.entry_field[e];
    for (uint32_t fid = first; fid < ix.fields.size() && ix.fields[fid].entry == e; ++fid) {
      Field& a = ix.fields[fid];
      if (!is_alias(a.kind)) continue;
      // An entry's fields are its kk, ru and en names (FK_KK, FK_RU, FK_EN from `first`), then its aliases.
      const uint8_t lang = a.kind == FK_ALIAS_RU ? FK_RU : a.kind == FK_ALIAS_KK ? FK_KK : FK_EN;
      const Field& name = ix.fields[first + lang];
      auto words_of = [&](const Field& f, uint32_t w) {
        for (uint16_t i = 0; i < f.ntok; ++i)
          if (ix.toks[f.tok + i].word == w) return true;
        return false;
      };
      bool shortened = true;
      for (uint16_t i = 0; shortened && i < a.ntok; ++i) {
        const Tok& t = ix.toks[a.tok + i];
        if ((t.flags & F_SIG) && !words_of(name, t.word)) shortened = false;
      }
      for (uint16_t i = 0; shortened && i < name.ntok; ++i) {
        const Tok& t = ix.toks[name.tok + i];
        if ((t.flags & F_SIG) && !words_of(a, t.word) && ix.words[t.word].df <= ix.rare_df) shortened = false;
      }
      a.shortened = shortened;
    }
  }
}

}  // namespace

Index build_index(const Catalog& c) {
  Index ix;
  Interner intern(ix.words);
  FieldBuilder fields(ix, intern);
  size_t ntoks = 0;
  for (const Profession& p : c.professions)
    ntoks += 3 * 4 + 4 * (p.aliases_ru.size() + p.aliases_kk.size() + p.aliases_en.size());
  ix.toks.reserve(ntoks);
  ix.fields.reserve(3 * c.professions.size());
  for (uint32_t e = 0; e < c.professions.size(); ++e) {
    const Profession& p = c.professions[e];
    ix.entry_field.push_back(uint32_t(ix.fields.size()));
    fields.add(e, FK_KK, 0, p.kk);
    fields.add(e, FK_RU, 0, p.ru);
    fields.add(e, FK_EN, 0, p.en);
    for (size_t i = 0; i < p.aliases_ru.size(); ++i) fields.add(e, FK_ALIAS_RU, uint16_t(i), p.aliases_ru[i]);
    for (size_t i = 0; i < p.aliases_kk.size(); ++i) fields.add(e, FK_ALIAS_KK, uint16_t(i), p.aliases_kk[i]);
    for (size_t i = 0; i < p.aliases_en.size(); ++i) fields.add(e, FK_ALIAS_EN, uint16_t(i), p.aliases_en[i]);
    std::string d;
    for (char ch : p.code)
      if (ch >= '0' && ch <= '9') d.push_back(ch);
    ix.code_digits.push_back(d);
  }
  // Postings: word -> (field, position), by counting sort.
  ix.post_off.assign(ix.words.size() + 1, 0);
  for (const Tok& t : ix.toks) ++ix.post_off[t.word + 1];
  for (size_t i = 1; i < ix.post_off.size(); ++i) ix.post_off[i] += ix.post_off[i - 1];
  ix.posts.resize(ix.toks.size());
  std::vector<uint32_t> fill(ix.post_off.begin(), ix.post_off.end() - 1);
  for (uint32_t f = 0; f < ix.fields.size(); ++f)
    for (uint16_t i = 0; i < ix.fields[f].ntok; ++i) ix.posts[fill[ix.toks[ix.fields[f].tok + i].word]++] = Post{f, i};
  // Document frequency of every word (postings are in entry order).
  for (uint32_t w = 0; w < ix.words.size(); ++w) {
    uint32_t last = UINT32_MAX, df = 0;
    for (uint32_t p = ix.post_off[w]; p < ix.post_off[w + 1]; ++p) {
      const uint32_t e = ix.fields[ix.posts[p].field].entry;
      if (e != last) ++df, last = e;
    }
    ix.words[w].df = df;
  }
  ix.rare_df = std::max<uint32_t>(RARE_DF_MIN, uint32_t(uint64_t(c.professions.size()) * RARE_DF_PERCENT / 100));
  // Word forms and the word spaces over them.
  std::vector<std::pair<U32, uint32_t>> kv, sk, ru, kk, en, snd;
  std::vector<U32> every;
  for (uint32_t w = 0; w < ix.words.size(); ++w) {
    Word& x = ix.words[w];
    kv.emplace_back(x.key, w);
    if (text::has_cyrillic(x.key)) {
      x.ru = stem::russian(x.key);
      x.kk = stem::kazakh(x.key);
      sk.emplace_back(text::skeleton(x.key), w);
      if (x.ru.size() >= 3) ru.emplace_back(x.ru, w);
      if (x.kk.size() >= 3) kk.emplace_back(x.kk, w);
      // The other ways to cut its endings (kazakh_every_stem), of five letters or more: the official
      // «маманы» is cut to «мама» (-ны), but it is маман + ы, and «маманмын» is маман + мын.
      stem::kazakh_every_stem(x.key, every);
      for (U32& other : every)
        if (other != x.kk && other.size() >= 5) kk.emplace_back(std::move(other), w);
    } else if (text::all_latin(x.key)) {
      x.en = stem::english(x.key);
      if (x.en.size() >= 3) en.emplace_back(x.en, w);
      // Latin words of the data ("Android", "web") also get the skeleton of their Cyrillic reading, so
      // "андроид", "веб" typed in Cyrillic meet them.
      U32 cyr = text::decode(readings::transliterate(text::to_utf8(x.key), false, false));
      for (char32_t& ch : cyr) ch = text::fold(ch);
      if (text::has_cyrillic(cyr)) sk.emplace_back(text::skeleton(cyr), w);
      U32 sound = text::sound_skeleton(x.key);
      if (!sound.empty()) snd.emplace_back(std::move(sound), w);
    }
  }
  ix.keys.build(std::move(kv), true);
  ix.skel.build(std::move(sk), true);
  ix.ru.build(std::move(ru), false);
  ix.kk.build(std::move(kk), false);
  ix.en.build(std::move(en), false);
  ix.sound.build(std::move(snd), false);
  mark_shared_aliases(ix);
  mark_shortened_names(ix);
  return ix;
}

}  // namespace kzprof
