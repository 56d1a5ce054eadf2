// Matcher::load and Matcher::search: the query as typed, then its other readings (readings.hpp) when it
// does not name a listed profession; the best reading wins; its verdict and results become the Answer.
#include <algorithm>

#include "matcher.hpp"
#include "readings.hpp"

namespace kzprof {

void Matcher::load(Catalog&& c) {
  catalog_ = std::move(c);
  index_ = build_index(catalog_);
  scratch_.cache.clear();
  hl_first_.clear(), hl_tok_.clear(), hl_be_.clear();
}

namespace {
const char* verdict_of(const Eval& ev) {
  static const char* const NAMES[] = {"none", "suggestions", "mentioned", "broad", "listed"};  // by Tier
  return NAMES[ev.tier];
}
bool beats(const Eval& a, const Eval& b) {  // ties go to the earlier reading
  return a.tier > b.tier || (a.tier == b.tier && (a.top > b.top || (a.top == b.top && a.idx < b.idx)));
}
}  // namespace

Answer Matcher::search(std::string_view query, int limit) const {
  bool truncated = false;
  const std::string typed = text::cap_utf16(query, MAX_QUERY_UTF16, &truncated);
  const std::string q = text::fold_compat(typed);  // full-width, ligatures, super/subscripts, odd spaces
  limit = std::max(limit, 0);
  Eval& best = scratch_.best;
  best.clear();
  best.kind = nullptr;
  best.idx = -1;
  if (text::is_blank(q)) {
    for (uint32_t e = 0; e < catalog_.professions.size(); ++e)
      best.res.push_back(Res{e, index_.entry_field[e], false, 0, 0, K_BROWSE, 0});
    return answer(best, limit, typed, truncated, "browse");
  }
  best.reading = q;
  if (!evaluate_code(index_, q, best)) evaluate(index_, scratch_, q, false, nullptr, best);
  // Function words alone ("of", "және") are not re-read in another layout or alphabet: a guess about a word
  // that is already a word ("of" -> "оф") would find titles by sound and call them broad.
  if (best.tier < T_LISTED && best.content) {
    const std::vector<readings::Reading> alts = readings::alternatives(q);
    // Transliterations first: they are the usual winners, so the others are more often skipped by the bound
    // in evaluate. Ties still go by the order of the table (Eval::idx).
    for (int pass = 0; pass < 2; ++pass)
      for (size_t i = 0; i < alts.size(); ++i) {
        const readings::Reading& a = alts[i];
        if (a.skeleton != (pass == 0)) continue;
        Eval& ev = scratch_.ev;
        ev.reading = a.text;
        ev.kind = a.kind;
        ev.idx = int(i);
        if (!evaluate_code(index_, a.text, ev)) {
          if (a.code_only) continue;
          evaluate(index_, scratch_, a.text, a.skeleton, &best, ev);
        }
        if (beats(ev, best)) std::swap(best, ev);
      }
  }
  order_results(best, size_t(limit));
  return answer(best, limit, typed, truncated, verdict_of(best));
}

// ---- the answer: results with their highlights

// Highlight spans in UTF-16 units of field `fid` (text `s`) for (token position, letter range) marks.
// The field's token -> UTF-16 map is made by tokenizing it once and kept (hl_*).
Spans Matcher::spans(uint32_t fid, std::string_view s, const Marks& marks) const {
  Spans sp;
  if (!marks.empty()) {
    if (hl_first_.size() != index_.fields.size() || hl_be_.size() > HL_CACHE_LETTERS) {
      hl_first_.assign(index_.fields.size(), 0);
      hl_tok_.clear();
      hl_be_.clear();
    }
    if (!hl_first_[fid]) {
      static thread_local Tokens tk;  // tokenizer buffers, reused (cleared by tokenize)
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
      const size_t a = m.second.first, b = std::min<size_t>(m.second.second, t.second);
      if (a < b) sp.push_back(Span{hl_be_[t.first + a].first, hl_be_[t.first + b - 1].second});
    }
  }
  std::sort(sp.begin(), sp.end(), [](const Span& x, const Span& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  });
  Spans merged;  // overlapping and touching spans as one
  for (const Span& x : sp)
    if (!merged.empty() && x.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, x.end);
    else merged.push_back(x);
  return merged;
}

// The marks of the best hits of each query word in `field`.
const Matcher::Marks& Matcher::marks_of(const Eval& ev, uint32_t field, Marks& m) const {
  m.clear();
  auto it = std::lower_bound(ev.aggs.begin(), ev.aggs.end(), field,
                             [](const Eval::Agg& a, uint32_t f) { return a.field < f; });
  if (it == ev.aggs.end() || it->field != field) return m;
  int best_q = -1, cur_qi = -1;
  for (uint32_t h = it->hb; h < it->he; ++h) {
    const Hit& x = ev.hits[h];
    if (x.qi() != cur_qi) cur_qi = x.qi(), best_q = x.q;
    if (x.q == best_q) m.push_back({x.pos(), {x.a, x.b}});
  }
  return m;
}

Answer Matcher::answer(const Eval& ev, int limit, const std::string& from, bool truncated, const char* verdict) const {
  Answer a;
  a.verdict = verdict;
  a.truncated = truncated;
  if (ev.kind) a.rewrite = Rewrite{ev.kind, from, ev.reading};
  const size_t n = std::min(ev.res.size(), size_t(limit));
  a.results.reserve(n);
  Marks m;
  for (size_t i = 0; i < n; ++i) {
    const Res& r = ev.res[i];
    const Profession& p = catalog_.professions[r.entry];
    const uint32_t f0 = index_.entry_field[r.entry];
    Result& out = a.results.emplace_back();
    out.code = p.code;
    out.score = r.score;
    out.match = kind_name(r.kind);
    out.kk = spans(f0 + FK_KK, p.kk, marks_of(ev, f0 + FK_KK, m));
    out.ru = spans(f0 + FK_RU, p.ru, marks_of(ev, f0 + FK_RU, m));
    out.en = spans(f0 + FK_EN, p.en, marks_of(ev, f0 + FK_EN, m));
    const Field& F = index_.fields[r.field];
    if (r.kind == K_ALIAS && is_alias(F.kind)) {
      const std::string_view t = index_.field_text(catalog_, F);
      out.alias = AliasMatch{F.kind == FK_ALIAS_RU ? "ru" : F.kind == FK_ALIAS_KK ? "kk" : "en", std::string(t),
                             spans(r.field, t, marks_of(ev, r.field, m))};
    }
  }
  return a;
}

}  // namespace kzprof
