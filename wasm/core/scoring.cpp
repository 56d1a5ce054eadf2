#include "scoring.hpp"

#include <algorithm>

#include "stem.hpp"

namespace kzprof {

const char* kind_name(uint8_t kind) {
  static const char* const NAMES[] = {"word", "prefix", "morph", "typo", "infix", "code", "alias", "english", "exact",
                                      "browse"};
  return NAMES[kind];
}

namespace {

// An adjective that narrows the next word: Russian adjective endings, Kazakh -лық/-лік/-дық/-дік/-тық/-тік
// (folded). Words of >= 5 letters (Russian) or >= 6 (Kazakh).
bool modifier(const U32& w) {
  static const char32_t* const KK[] = {U"лык", U"лик", U"дык", U"дик", U"тык", U"тик", nullptr};
  const size_t n = w.size();
  if (stem::ru_adjective(w)) return true;
  if (n < 6) return false;
  for (const char32_t* const* e = KK; *e; ++e)
    if (w.compare(n - 3, 3, *e) == 0) return true;
  return false;
}

// The word still being typed: the last one, with nothing after it («онк» on its way to онколог). Its end says
// nothing yet: it is neither a complete word of the sentence's frame nor a place.
bool being_typed(const Tokens& toks, size_t i, bool trailing) { return i + 1 == toks.size() && !trailing; }

bool all_digits(std::u32string_view w) {
  for (char32_t c : w)
    if (!text::is_digit(c)) return false;
  return !w.empty();
}

int composite(bool listed, bool named, int matched, int fscore) {
  return (listed ? LISTED_WEIGHT : 0) + (named ? NAME_WEIGHT : 0) + WORD_WEIGHT * matched +
         std::max(0, std::min(FIELD_SCORE_MAX, fscore));
}

// Result order: score descending, then official order (entries are unique in a result list).
bool res_before(const Res& a, const Res& b) { return a.score != b.score ? a.score > b.score : a.entry < b.entry; }

// tier and top of the best result.
void set_top(Eval& ev) {
  if (ev.res.empty()) { ev.tier = T_NONE; ev.top = -1; return; }
  const Res& r = *std::min_element(ev.res.begin(), ev.res.end(), res_before);
  const auto covering = std::count_if(ev.res.begin(), ev.res.end(), [](const Res& x) { return x.covers; });
  const auto mentioned = std::count_if(ev.res.begin(), ev.res.end(), [](const Res& x) { return x.mentioned; });
  ev.tier = r.listed                         ? T_LISTED
            : covering >= 2                  ? T_BROAD
            : mentioned == 1 && r.mentioned ? T_MENTIONED
                                             : T_SUGGESTIONS;
  ev.top = r.score;
}

// The words of a reading: up to MAX_QWORDS, numbers left out (codes are read by evaluate_code). Stop words
// and the words of a sentence's frame ("я по образованию …", "I am a …") are optional: they only add to the
// score when they meet a significant title word (the last word typed so far: "врач-о"). A word in capitals
// is never a stop word («ПО») and may be an abbreviation. A word typed without the space or hyphen between
// two title words ("врачпедиатр") is read as both, when it is not a word of the titles itself, has no stem
// there, and splits into two title words of at least SPLIT_MIN letters (the right one may be inflected) —
// never in a reading that is already a guess.
struct QueryWords {
  U32 key[MAX_QWORDS];
  bool last[MAX_QWORDS] = {};
  bool optional[MAX_QWORDS] = {};
  bool caps[MAX_QWORDS] = {};
  size_t n = 0;
  // A word that may name a profession: one in capitals (an abbreviation: «ПО») or not a stop word ("и", "в",
  // "of"); numbers do not count, but numbers alone do (a code). Function words alone name nothing.
  bool content = false;
  // A place noun was left out ("в больнице"): only an official name matched in full can be listed.
  bool workplace = false;
  // Per token, once: a number (left out), an optional word, or a word the title must carry.
  enum : uint8_t { NUMBER, OPTIONAL, REQUIRED };
  QueryWords(const Index& ix, CandidateCache& cache, const std::string& reading, bool skeleton, bool guess) {
    static thread_local Tokens toks;  // tokenizer buffers, reused (cleared by tokenize)
    bool trailing = false;
    text::tokenize(reading, toks, &trailing);
    static thread_local std::vector<uint8_t> role;
    role.assign(toks.size(), REQUIRED);
    size_t required = 0, words = 0;
    U32 w;
    // Caps lock: every word of two letters or more in capitals ("Я РАБОТАЮ ВРАЧОМ"); then capitals say nothing.
    // Title Case ("Oncologist At A Clinic"): every such word but function words starts with a capital; then a
    // capital is not the mark of a name either.
    size_t longer = 0, capitals = 0, content_words = 0, titled = 0;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (toks.toks[i].n < 2 || all_digits(toks.key(i))) continue;
      ++longer, capitals += toks.toks[i].caps;
      if (!stem::is_stop(toks.key(i))) ++content_words, titled += toks.toks[i].capital;
    }
    const bool shouting = capitals >= 2 && capitals == longer;
    const bool names_capitalised = !shouting && !(titled >= 2 && titled == content_words);
    for (size_t i = 0; i < toks.size(); ++i) {
      w.assign(toks.key(i));
      if (all_digits(w)) { role[i] = NUMBER; continue; }
      ++words;
      // A word in capitals may be an abbreviation («ПО», «IT»): not a stop word, and a frame word only from
      // three letters («ПМЖ»); unless the whole query is in capitals. A person is a word of its own
      // («сестра-анестезист» is not a sister).
      const bool complete = !being_typed(toks, i, trailing);
      const bool alone = !toks.toks[i].joined && !(i + 1 < toks.size() && toks.toks[i + 1].joined);
      const bool caps = toks.toks[i].caps && !shouting, stop = stem::is_stop(w);
      const bool frame = stem::is_frame(w) || (complete && alone && stem::is_person(w));
      if ((stop || frame) && (!caps || (frame && !stop && w.size() >= 3))) role[i] = OPTIONAL;
      else ++required;
      content = content || toks.toks[i].caps || !stop;
    }
    content = content || words == 0;
    // Places are optional only beside words that may name the profession: alone, they are the query.
    static thread_local std::vector<uint8_t> before;
    before = role;
    const size_t places = optional_places(ix, cache, toks, skeleton, trailing, names_capitalised, role);
    if (places < required) {
      required -= places;
    } else {
      role = before;
      workplace = false;
    }
    for (size_t i = 0; i < toks.size() && n < MAX_QWORDS; ++i) {
      if (role[i] == NUMBER) continue;
      const bool is_last = being_typed(toks, i, trailing);
      optional[n] = required > 0 && role[i] == OPTIONAL;
      if (optional[n] && words > MAX_QWORDS) continue;  // a long sentence: its frame words make room for the title
      key[n].assign(toks.key(i));
      last[n] = is_last;
      caps[n] = toks.toks[i].caps && !shouting;
      const size_t at = guess ? 0 : split_point(ix, key[n], skeleton);
      if (at && n + 1 < MAX_QWORDS) {
        key[n + 1].assign(key[n], at, U32::npos);
        key[n].resize(at);
        last[n] = false;
        last[n + 1] = is_last;
        optional[n + 1] = optional[n];
        caps[n + 1] = false;
        ++n;
      }
      ++n;
    }
  }

  // Places: where the person works or comes from ("в Шымкенте", "из Индии", "in Tashkent", «Шымкентте»,
  // "в больнице", "at a studio", «ауруханада») says nothing of the profession, but as words the titles lack
  // they would keep the query from naming one. A place phrase follows a place preposition (в, на, из; in, at,
  // from) and runs while its words are names (a known city or country; a capital inside the sentence) or
  // nouns of a place (stem::is_place_noun: больница, завод, studio, қала…), with the words for the kind of
  // place before them (stem::is_place_adjective: «в городской больнице», "at a private clinic"), none a
  // title word; or it is one such Kazakh word in the locative or ablative case, with names or kinds of place
  // just before it («Алматы қаласында», «қалалық ауруханада»). Its words are optional.
  // Anything else after the preposition ends the phrase and stays a word to match: a field that narrows a name
  // («в строительстве», «в ветеринарии»), an adjective («в ветеринарной клинике»), a title word («в пищевой
  // промышленности»). A place noun may still stand for a field («аниматор в отеле»), so with one
  // (`workplace`) only an official name matched in full can be listed: the whole title is named, and where it
  // is worked changes nothing («работаю бактериологом в лаборатории»). Returns the number of words made
  // optional.
  size_t optional_places(const Index& ix, CandidateCache& cache, const Tokens& toks, bool skeleton, bool trailing,
                         bool names_capitalised, std::vector<uint8_t>& role) {
    auto typing = [&](size_t i) { return being_typed(toks, i, trailing); };
    // Not a title word as a whole word, nor (the word being typed) the confident start of one as typed:
    // "из Инд" is not yet a title word, nor «больниц» one mistyped. A place that only sounds like an English
    // word of the titles («Индии» like "and", "end") is still a place.
    auto none_confident = [&](size_t i, bool last) {
      const std::vector<Cand>& cands = cache.get(ix, U32(toks.key(i)), last, skeleton);
      return std::none_of(cands.begin(), cands.end(), [&](const Cand& c) {
        if (last) return c.conf && c.kind == K_PREFIX;
        return c.conf && !(c.kind == K_WORD && c.q == Q_SKELETON && !skeleton);
      });
    };
    auto unknown = [&](size_t i) { return none_confident(i, false) && (!typing(i) || none_confident(i, true)); };
    // A name: a city or a country known by name (stem::is_place_name), or a capital inside the sentence (not
    // its first word, nor one after a mark) on a word that is not an adjective.
    auto name = [&](size_t i) {
      const U32 w(toks.key(i));
      if (stem::is_place_name(w)) return true;
      return names_capitalised && i > 0 && toks.toks[i].capital && !toks.toks[i].pause && !modifier(w);
    };
    auto place_noun = [&](size_t i) { return stem::is_place_noun(U32(toks.key(i))); };
    auto adjective = [&](size_t i) { return stem::is_place_adjective(U32(toks.key(i))); };
    size_t made = 0;
    auto make_optional = [&](size_t i) {
      if (role[i] != REQUIRED) return;
      role[i] = OPTIONAL;
      ++made;
    };
    for (size_t i = 0; i < toks.size(); ++i) {
      // Kazakh: «Шымкентте», «ауруханада», «Алматы қаласында» (not the word being typed: «анесте» is on its
      // way to анестезиолог).
      if (!typing(i) && role[i] == REQUIRED && stem::kk_place_case(U32(toks.key(i))) && unknown(i) &&
          (name(i) || place_noun(i))) {
        make_optional(i);
        workplace = workplace || !name(i);
        // What stands before it: its kind («қалалық ауруханада»), a name («Алматы қаласында»), or both.
        for (size_t j = i; j-- > 0 && role[j] == REQUIRED && unknown(j) && (name(j) || adjective(j));)
          make_optional(j);
        continue;
      }
      if (!stem::is_place_preposition(toks.key(i)) || toks.toks[i].caps) continue;
      size_t last = i;  // the phrase's last name or place noun; a kind of place only counts before one
      bool noun = false;
      for (size_t end = i + 1; end < toks.size() && !toks.toks[end].pause &&
                               !stem::is_place_preposition(toks.key(end)); ++end) {
        if (role[end] != REQUIRED) {
          if (stem::is_stop(toks.key(end))) continue;  // "at a studio"
          break;
        }
        if (!unknown(end)) break;
        if (name(end) || place_noun(end)) noun = noun || !name(end), last = end;
        else if (!adjective(end)) break;
      }
      for (size_t j = i + 1; j <= last; ++j) make_optional(j);
      workplace = workplace || noun;
      i = std::max(i, last);
    }
    return made;
  }
};

// True when no result of this reading can beat `floor` (the best reading so far; it must be strictly
// better, ties going to the earlier reading): the best composite score the candidate bounds allow.
bool cannot_beat(const Index& ix, const QueryWords& qw, bool skeleton, const Eval& floor, int idx) {
  int qsum = 0, matched = 0;
  bool all_conf = true, all_word = true;
  for (size_t qi = 0; qi < qw.n; ++qi) {
    CandidateBound b = bound_candidates(ix, qw.key[qi], qw.last[qi], skeleton);
    if (qw.caps[qi] && b.q < Q_INITIALS) b.q = Q_INITIALS;  // initials: not confident in a guess (initials_hits)
    if (!b.exact && !qw.optional[qi]) all_word = false;
    if (qw.optional[qi]) qsum += b.q / 2;
    else qsum += b.q, matched += b.q > 0, all_conf = all_conf && b.conf;
  }
  const int fmax = qsum + (all_conf ? B_FULL : 0) + (all_conf && all_word ? B_EXACT : 0) + B_COVER + B_OFFICIAL -
                   REWRITE_PENALTY;
  // Only the reading as typed can be 'mentioned' (evaluate): an alternative is at most suggestions short of listed.
  const int tier = all_conf && matched ? T_LISTED : matched ? T_SUGGESTIONS : T_NONE;
  const int top = composite(tier == T_LISTED, tier == T_LISTED, matched, fmax);
  return tier < floor.tier || (tier == floor.tier && (top < floor.top || (top == floor.top && idx > floor.idx)));
}

// Hits of an abbreviation in capitals ("ИКТ", "ПО", "БҚ"): the initials of as many consecutive significant
// words of a field, none of them its head (an abbreviation stands for the qualifier: "ИТ-специалист"; "ИП" is
// not the initials of "Инженер-программист"). Confident only as typed: in a reading that is itself a guess
// ("RN" read in the other keyboard layout as "КТ") initials would be a second guess.
void initials_hits(const Index& ix, const U32& abbr, uint8_t qi, bool conf, std::vector<Hit>& hits) {
  const size_t n = abbr.size();
  if (n < 2 || n > 5) return;
  for (uint32_t fid = 0; fid < ix.fields.size(); ++fid) {
    const Field& F = ix.fields[fid];
    for (size_t i = 0; i + n <= F.ntok; ++i) {
      size_t k = 0;
      for (; k < n; ++k) {
        const Tok& t = ix.toks[F.tok + i + k];
        if (!(t.flags & F_SIG) || (t.flags & F_HEAD) || ix.words[t.word].key[0] != abbr[k]) break;
      }
      if (k < n) continue;
      for (k = 0; k < n; ++k)
        hits.push_back(Hit{Hit::make_key(fid, qi, Q_INITIALS, uint16_t(i + k)), K_WORD, Q_INITIALS, conf, 0, 255});
    }
  }
}

}  // namespace

void evaluate(const Index& ix, Scratch& s, const std::string& reading, bool skeleton, const Eval* floor, Eval& ev) {
  const bool guess = floor != nullptr;
  const QueryWords qw(ix, s.cache, reading, skeleton, guess);
  const size_t nq = qw.n;
  ev.clear();
  ev.content = qw.content;
  if (!nq || (floor && cannot_beat(ix, qw, skeleton, *floor, ev.idx))) return;
  for (size_t qi = 0; qi < nq; ++qi) {
    const std::vector<Cand>& cands = s.cache.get(ix, qw.key[qi], qw.last[qi], skeleton);
    size_t weak = 0;
    for (const Cand& c : cands) {
      // No stacked guesses: a typo or a short word's stem in a reading that is itself a guess is not confident.
      const bool conf =
          c.conf && !(guess && (c.kind == K_TYPO || (c.kind == K_MORPH && qw.key[qi].size() < GUESS_STEM_MIN)));
      for (uint32_t p = ix.post_off[c.word]; p < ix.post_off[c.word + 1]; ++p)
        if (c.q > Q_PREFIX_SHORT || ++weak <= WEAK_HITS_CAP)
          ev.hits.push_back(Hit{Hit::make_key(ix.posts[p].field, uint8_t(qi), c.q, ix.posts[p].pos), c.kind, c.q, conf,
                                c.a, c.b});
    }
    if (qw.caps[qi]) initials_hits(ix, qw.key[qi], uint8_t(qi), !guess, ev.hits);
  }
  // (field, query word, quality desc, position): one key compare. For one query word a field position
  // holds one word, which has one candidate, so no two hits compare equal.
  std::sort(ev.hits.begin(), ev.hits.end(), [](const Hit& x, const Hit& y) { return x.key < y.key; });
  auto better = [](const Res& a, const Res& b) {
    if (a.listed != b.listed) return a.listed;
    if (a.matched != b.matched) return a.matched > b.matched;
    return a.fscore > b.fscore;
  };
  Res cur{};
  bool have = false, covers = false, named = false, mentioned = false;  // of the entry being read
  std::vector<uint8_t>& tok_hit = s.tok_hit;
  for (size_t h0 = 0; h0 < ev.hits.size();) {
    size_t h1 = h0;
    const uint32_t fid = ev.hits[h0].field();
    while (h1 < ev.hits.size() && ev.hits[h1].field() == fid) ++h1;
    ev.aggs.push_back(Eval::Agg{fid, uint32_t(h0), uint32_t(h1)});
    const Field& F = ix.fields[fid];
    int sum = 0, matched = 0;
    uint8_t weakest = K_WORD;
    bool all_word = true, head = false, specific = false, whole_head = false;
    uint64_t touched = 0;
    bool seen[MAX_QWORDS] = {}, conf[MAX_QWORDS] = {};
    tok_hit.assign(F.ntok, 0);
    for (size_t h = h0; h < h1; ++h) {
      const Hit& x = ev.hits[h];
      const uint8_t xqi = x.qi();
      const uint16_t xpos = x.pos();
      const Tok& t = ix.toks[F.tok + xpos];
      if (qw.optional[xqi]) {
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
        touched |= uint64_t(1) << t.group;
        if (t.flags & F_HEAD) {
          head = true;
          // The head as a word of its own, not the start of it: "design" is not "designer", «анестезия» not
          // «анестезиолог», though they share a stem (a typo is the word itself).
          const bool shorter = qw.key[xqi].size() < ix.words[t.word].key.size();
          if (!((x.kind == K_MORPH || x.kind == K_PREFIX) && shorter)) whole_head = true;
        }
        if (ix.words[t.word].df <= ix.rare_df) specific = true;
        tok_hit[xpos] = 1;
      }
    }
    if (!matched) { h0 = h1; continue; }
    bool all_conf = true;
    for (size_t qi = 0; qi < nq; ++qi) all_conf = all_conf && (qw.optional[qi] || conf[qi]);
    const int G = F.groups, covered = __builtin_popcountll(touched & F.sigmask);
    bool whole_name = true;  // every significant word of the field is in the query, confidently
    for (uint16_t i = 0; whole_name && i < F.ntok; ++i)
      if ((ix.toks[F.tok + i].flags & F_SIG) && !tok_hit[i]) whole_name = false;
    const bool full = all_conf && whole_name;
    // The query names this field: the whole field is matched, or its head is matched, at most (G-1)/2 of its
    // word groups are left out, and a specific word matched. Listed: it names the field, and every query word
    // is confident in it; never through an alias that is a word of another entry's name alone.
    const bool names = whole_name || (head && specific && (G - covered) <= (G - 1) / 2);
    bool listed = all_conf && names && !F.shared;
    // ... but not when the query drops an adjective or an abbreviation before a word it matched in an
    // alias or the English name ("аналитик данных" is not "аналитик больших данных", "менеджер проектов"
    // not "ИТ-менеджер проектов", "project manager" not "ICT project manager"), nor, in an alias, a specific
    // word other than the head before the last word it matched: the field of the job («преподаватель вуза» is
    // not «преподаватель информатики в вузе»). An alias is already the short colloquial name, and the English
    // name a translation, so the word left out narrows the profession. (Official names carry qualifiers people
    // omit: «анимация технигі»; the head of an alias may be left out: «лазер».)
    if (listed && !full && (is_alias(F.kind) || F.kind == FK_EN)) {
      uint16_t last = 0;  // the last word of the field the query matched
      for (uint16_t i = 0; i < F.ntok; ++i)
        if (tok_hit[i]) last = i;
      for (uint16_t i = 0; i < last; ++i) {
        const Tok& t = ix.toks[F.tok + i];
        if (!(t.flags & F_SIG) || tok_hit[i]) continue;
        const bool qualifier = ((t.flags & F_ABBR) || modifier(ix.words[t.word].key)) && tok_hit[i + 1];
        const bool field = is_alias(F.kind) && !(t.flags & F_HEAD) && ix.words[t.word].df <= ix.rare_df;
        if (qualifier || field) {
          listed = false;
          break;
        }
      }
    }
    // A place noun left out (QueryWords::workplace): only an official name (or its English name), or an alias
    // that shortens it (Field::shortened), named in full.
    if (qw.workplace && !(full && (F.kind <= FK_EN || F.shortened))) listed = false;
    const bool exact = full && all_word;
    const int fscore = sum + (full ? B_FULL : 0) + (exact ? B_EXACT : 0) + (G ? B_COVER * covered / G : 0) +
                       (F.kind <= FK_EN ? B_OFFICIAL : 0) - (guess ? REWRITE_PENALTY : 0);
    const uint8_t kind = is_alias(F.kind)  ? uint8_t(K_ALIAS)
                         : F.kind == FK_EN ? uint8_t(K_ENGLISH)
                         : exact           ? uint8_t(K_EXACT)
                                           : weakest;
    const Res r{F.entry, fid, listed, matched, fscore, kind, 0};
    if (have && cur.entry != r.entry) {
      cur.covers = covers, cur.named = named, cur.mentioned = mentioned;
      ev.res.push_back(cur);
      have = covers = named = mentioned = false;
    }
    if (!have || better(r, cur)) cur = r, have = true;
    covers = covers || all_conf;
    named = named || (all_conf && !is_alias(F.kind));
    // Mentioned: all of a name as typed (not in a guessed reading), or of an alias that is the name without
    // its common words («онколог» of «Врач-онколог»); never of a search aid that is not a name.
    mentioned = mentioned || (whole_name && whole_head && !guess && (F.kind <= FK_EN || F.shortened));
    h0 = h1;
  }
  if (have) {
    cur.covers = covers, cur.named = named, cur.mentioned = mentioned;
    ev.res.push_back(cur);
  }
  // Function words alone ("и", "в", "және", "of") are in many titles but name none of them: they may suggest,
  // never make an entry listed or the query broad.
  if (!qw.content)
    for (Res& r : ev.res) r.listed = r.covers = r.named = r.mentioned = false;
  for (Res& r : ev.res) r.score = composite(r.listed, r.named, r.matched, r.fscore);
  set_top(ev);
}

namespace {
// Whether a run of ASCII digits in `reading` stands as a word of its own: digits touching an ASCII letter or
// a Cyrillic letter U+0400..U+047F (D0/D1 + one continuation byte) are part of a word ("А0паратты": the
// code-layout readings), so tokenizing for a code is skipped.
bool has_free_digits(const std::string& reading) {
  const size_t n = reading.size();
  auto u = [&](size_t i) { return static_cast<unsigned char>(reading[i]); };
  auto letter_at = [&](size_t i) {
    const unsigned char c = u(i) | 0x20;
    return (c >= 'a' && c <= 'z') || ((u(i) == 0xD0 || u(i) == 0xD1) && i + 1 < n && (u(i + 1) & 0xC0) == 0x80);
  };
  for (size_t i = 0; i < n; ++i) {
    if (u(i) < '0' || u(i) > '9') continue;
    size_t j = i;
    while (j < n && u(j) >= '0' && u(j) <= '9') ++j;
    const bool left = i > 0 && (letter_at(i - 1) || (i > 1 && (u(i - 1) & 0xC0) == 0x80 && letter_at(i - 2)));
    if (!left && !(j < n && letter_at(j))) return true;
    i = j;
  }
  return false;
}
}  // namespace

// Codes: "2512-1-007", "25121007", "2512 1 007", "2512.1.007"; a prefix lists its group in official order.
bool evaluate_code(const Index& ix, const std::string& reading, Eval& ev) {
  if (!has_free_digits(reading)) return false;
  static thread_local Tokens toks;  // tokenizer buffers, reused (cleared by tokenize)
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
  ev.clear();
  const int penalty = ev.kind ? REWRITE_PENALTY : 0;
  bool exact = false;
  for (uint32_t e = 0; e < ix.code_digits.size(); ++e) {
    const std::string& c = ix.code_digits[e];
    if (c == d) exact = true, ev.res.push_back(Res{e, ix.entry_field[e], true, 1, CODE_EXACT - penalty, K_CODE, 0});
    else if (c.size() > d.size() && c.compare(0, d.size(), d) == 0)
      ev.res.push_back(Res{e, ix.entry_field[e], d.size() >= 4, 1, CODE_PREFIX - penalty, K_CODE, 0});
  }
  // A prefix of several codes ("2512", "2166") names none of them: every one is listed, choose yours (broad).
  if (!exact && ev.res.size() >= 2)
    for (Res& r : ev.res) r.covers = r.listed, r.listed = false;
  if (ev.res.empty() && d.size() >= 5) {  // one mistyped digit
    for (uint32_t e = 0; e < ix.code_digits.size(); ++e) {
      const std::string& c = ix.code_digits[e];
      if (c.size() < d.size()) continue;
      int diff = 0;
      for (size_t i = 0; i < d.size(); ++i) diff += c[i] != d[i];
      if (diff == 1) ev.res.push_back(Res{e, ix.entry_field[e], false, 1, CODE_ONE_DIGIT - penalty, K_TYPO, 0});
    }
  }
  if (words && ev.res.empty()) return false;
  for (Res& r : ev.res) r.score = composite(r.listed, false, r.matched, r.fscore);
  set_top(ev);
  return true;
}

void order_results(Eval& ev, size_t limit) {
  const size_t k = std::min(ev.res.size(), limit);
  std::partial_sort(ev.res.begin(), ev.res.begin() + long(k), ev.res.end(), res_before);
}

}  // namespace kzprof
