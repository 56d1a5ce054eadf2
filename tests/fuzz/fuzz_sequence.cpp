// libFuzzer: one Matcher driven through a sequence of operations decoded from the input (issue 14):
// load the real list, the fixture list, a mutated or arbitrary data text, or nothing; search with any query
// and any int limit; reset; destroy and recreate. Every answer is checked: a known verdict, at most
// max(limit, 0) results, known and distinct codes, browse answers in official order without highlights,
// highlights inside their strings in UTF-16 units, valid UTF-8 text, and the same answer from a fresh
// Matcher that has answered nothing before (the stale-highlights defect of issue 14.3 and the call-order
// defect of 14.9 were found by such a harness within seconds; the per-input targets never saw them).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/answer_json.hpp"
#include "core/catalog_json.hpp"

#include "require.hpp"

namespace {

std::string read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    std::fprintf(stderr, "fuzz_sequence: cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Lists {
  std::string real_text, mini_text;
  kzprof::Catalog real, mini;
  kzprof::Matcher real_matcher, mini_matcher;  // loaded, never searched: copied to get a fresh matcher
};

const Lists& lists() {
  static const Lists* l = [] {
    auto* x_ = new Lists;
    Lists& x = *x_;
    const char* env = std::getenv("KZPROF_DATA");
    x.real_text = read(env ? env : KZPROF_SOURCE_DIR "/data/professions.json");
    x.mini_text = read(KZPROF_SOURCE_DIR "/tests/fixtures/mini.json");
    if (!kzprof::load_catalog_json(x.real_text, x.real).empty() ||
        !kzprof::load_catalog_json(x.mini_text, x.mini).empty())
      std::abort();  // the fuzzer needs both lists
    x.real_matcher.load(kzprof::Catalog(x.real));
    x.mini_matcher.load(kzprof::Catalog(x.mini));
    return x_;
  }();
  return *l;
}

// Strict UTF-8 (no overlongs, no surrogates, at most U+10FFFF); its length in UTF-16 units, or -1.
long utf16_length(std::string_view s) {
  long units = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (!n || i + n > s.size()) return -1;
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < n; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return -1;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return -1;
    units += cp >= 0x10000 ? 2 : 1;
    i += n;
  }
  return units;
}

void check_spans(const kzprof::Spans& spans, std::string_view text) {
  const long len = utf16_length(text);
  REQUIRE(len >= 0);
  for (const kzprof::Span& s : spans) REQUIRE(s.begin < s.end && long(s.end) <= len);
}

bool is_word(const char* s) {  // a lower-case ASCII name: "prefix", "kk-latin"
  if (!s || !*s) return false;
  for (; *s; ++s)
    if (!((*s >= 'a' && *s <= 'z') || *s == '-')) return false;
  return true;
}

// The invariants of one answer to `query` with `limit`, over catalog `c` (what the matcher holds).
void check_answer(const kzprof::Answer& a, const kzprof::Catalog& c, std::string_view query, int limit) {
  const std::string_view v = a.verdict ? a.verdict : "";
  REQUIRE(v == "listed" || v == "suggestions" || v == "none" || v == "browse" || v == "broad" || v == "mentioned");
  REQUIRE(a.results.size() <= size_t(limit < 0 ? 0 : limit));
  REQUIRE(a.results.size() <= c.professions.size());
  if (a.rewrite) {
    REQUIRE(is_word(a.rewrite->kind));
    REQUIRE(utf16_length(a.rewrite->from) >= 0 && utf16_length(a.rewrite->text) >= 0);
  }
  const bool browse = v == "browse";
  size_t last = 0;
  for (size_t i = 0; i < a.results.size(); ++i) {
    const kzprof::Result& r = a.results[i];
    const kzprof::Profession* p = c.by_code(r.code);
    REQUIRE(p != nullptr);  // a known code
    for (size_t k = 0; k < i; ++k) REQUIRE(a.results[k].code != r.code);
    REQUIRE(is_word(r.match));
    check_spans(r.kk, p->kk);
    check_spans(r.ru, p->ru);
    check_spans(r.en, p->en);
    if (r.alias) {
      const std::string_view lang = r.alias->lang ? r.alias->lang : "";
      const auto& list = lang == "ru" ? p->aliases_ru : lang == "kk" ? p->aliases_kk : p->aliases_en;
      REQUIRE(lang == "ru" || lang == "kk" || lang == "en");
      REQUIRE(std::find(list.begin(), list.end(), r.alias->text) != list.end());
      check_spans(r.alias->highlights, r.alias->text);
    }
    if (browse) {  // official order, nothing highlighted
      const size_t at = size_t(p - c.professions.data());
      REQUIRE(i == 0 || at > last);
      last = at;
      REQUIRE(r.kk.empty() && r.ru.empty() && r.en.empty() && !r.alias);
    }
  }
  // A blank query browses the whole list (up to the limit) whatever was asked before.
  bool blank = true;
  for (char ch : query) blank = blank && (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r');
  if (blank && query.size() <= 256) {
    REQUIRE(browse);
    REQUIRE(a.results.size() == std::min(c.professions.size(), size_t(limit < 0 ? 0 : limit)));
  }
}

class Reader {
 public:
  Reader(const uint8_t* d, size_t n) : d_(d), n_(n) {}
  bool empty() const { return i_ >= n_; }
  uint8_t byte() { return i_ < n_ ? d_[i_++] : 0; }
  int32_t int32() {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v = (v << 8) | byte();
    return int32_t(v);
  }
  std::string bytes(size_t n) {
    n = std::min(n, n_ - std::min(i_, n_));
    std::string s(reinterpret_cast<const char*>(d_ + i_), n);
    i_ += n;
    return s;
  }

 private:
  const uint8_t* d_;
  size_t n_, i_ = 0;
};

// A limit: mostly small, sometimes any int (negative, INT_MAX).
int limit_from(Reader& in) {
  const uint8_t k = in.byte();
  if (k < 200) return k % 60;
  return in.int32();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Lists& L = lists();
  Reader in(data, size);
  auto m = std::make_unique<kzprof::Matcher>();
  kzprof::Catalog held;  // what m holds (empty until a load succeeds)
  std::unique_ptr<kzprof::Matcher> pristine;  // loaded with `held`, never searched (other lists than the two)
  const kzprof::Matcher* proto = nullptr;     // the same for the real and the fixture list
  // Building an index costs 10-30 ms under ASan (the real list): the two lists are assigned from loaded
  // copies, and load() runs on edited texts (case 2), mostly of the small list.
  for (int op = 0; op < 24 && !in.empty(); ++op) {
    const uint8_t what = in.byte() % 9;
    if (what <= 5) pristine.reset(), proto = nullptr;  // the list held may change (case 6 reloads the same one)
    switch (what) {
      case 0:  // the real list, as a copy of a loaded matcher (load() itself: case 2 with a no-op edit)
        held = L.real;
        *m = L.real_matcher;
        proto = &L.real_matcher;
        break;
      case 1:  // the fixture list, the same way
        held = L.mini;
        *m = L.mini_matcher;
        proto = &L.mini_matcher;
        break;
      case 2: {  // a mutated data text: a few bytes of one list overwritten, deleted or inserted
        std::string text = in.byte() % 4 ? L.mini_text : L.real_text;
        for (int k = in.byte() % 4; k >= 0; --k) {
          const size_t hi = in.byte(), lo = in.byte();  // two statements: a fixed order of reading
          const size_t at = (hi << 8 | lo) * 7 % (text.size() + 1);
          const uint8_t how = in.byte() % 3;
          const std::string piece = in.bytes(in.byte() % 8);
          if (how == 0) text.replace(at, piece.size(), piece);
          else if (how == 1) text.erase(at, piece.size() + 1);
          else text.insert(at, piece);
        }
        const auto problems = kzprof::load_json(*m, text);
        held = kzprof::Catalog{};
        if (problems.empty()) REQUIRE(kzprof::load_catalog_json(text, held).empty());
        else REQUIRE(m->catalog().professions.empty());
        break;
      }
      case 3: {  // arbitrary bytes as the data text
        const std::string text = in.bytes(in.byte());
        const auto problems = kzprof::load_json(*m, text);
        held = kzprof::Catalog{};
        if (problems.empty()) REQUIRE(kzprof::load_catalog_json(text, held).empty());
        break;
      }
      case 4:  // an empty catalog (load() with no records)
        held = kzprof::Catalog{};
        m->load(kzprof::Catalog{});
        break;
      case 5:  // destroy and recreate
        m = std::make_unique<kzprof::Matcher>();
        held = kzprof::Catalog{};
        break;
      case 6:  // reset the same object to another list, then back (a reload; the two lists by copy)
        *m = L.mini_matcher;
        if (proto) *m = *proto;
        else m->load(kzprof::Catalog(held));
        break;
      default: {  // search: arbitrary bytes, or a piece of a name of the list held (to reach real matches)
        std::string q;
        const uint8_t kind = in.byte();
        if (kind % 4 == 0 || held.professions.empty()) {
          q = in.bytes(in.byte());
        } else if (kind % 4 == 1) {
          q = std::string(in.byte() % 4, ' ');  // blank, after whatever came before
        } else {
          const kzprof::Profession& p = held.professions[in.byte() % held.professions.size()];
          const std::string& s = kind % 4 == 2 ? p.ru : (in.byte() % 2 ? p.kk : p.en);
          const size_t from = in.byte() % (s.size() + 1);
          q = s.substr(from, in.byte());
        }
        const int limit = limit_from(in);
        const kzprof::Answer warm = m->search(q, limit);
        check_answer(warm, held, q, limit);
        // Fresh: a copy of a matcher that loaded the same list and answered nothing (built once per list
        // held; a copy costs far less than building the index again, and shares nothing with `m`).
        // The fresh answers of the two lists are kept (each computed once, by a fresh copy): most queries
        // come back in other inputs, and a copy of the real list's index is most of a search's cost.
        static std::unordered_map<std::string, nlohmann::ordered_json> fresh_answers;
        const std::string key = std::string(proto == &L.real_matcher ? "r" : "m") + std::to_string(limit) + '\n' + q;
        if (proto && fresh_answers.count(key)) {
          REQUIRE(kzprof::to_json(warm) == fresh_answers[key]);
          break;
        }
        if (!proto && !pristine) {
          pristine = std::make_unique<kzprof::Matcher>();
          pristine->load(kzprof::Catalog(held));
        }
        kzprof::Matcher fresh = proto ? *proto : *pristine;
        const nlohmann::ordered_json cold = kzprof::to_json(fresh.search(q, limit));
        REQUIRE(kzprof::to_json(warm) == cold);
        if (proto) {
          if (fresh_answers.size() > 200000) fresh_answers.clear();
          fresh_answers.emplace(key, cold);
        }
        break;
      }
    }
  }
  return 0;
}
