// The matching core: finds which official professions a free-text query means.
// Pipeline and constants: wasm/core/README.md.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "index.hpp"
#include "text.hpp"

namespace kzprof {

// Longest query looked at, in UTF-16 code units (longer input is cut; "truncated": true).
constexpr size_t MAX_QUERY_UTF16 = 256;

class Matcher {
 public:
  // Loads the data JSON (nlohmann, native tools; matcher_json.cpp) and builds the index; returns
  // problems (empty = ready; on problems the matcher is empty but usable).
  std::vector<std::string> load(std::string_view json_text);
  // Builds the index over a checked catalog (load_catalog / load_packed_catalog returned no problems).
  void load(Catalog&& c);
  // Search result as a JSON document (contract in wasm/core/README.md):
  // {"verdict","rewrite","truncated","results":[{code,score,match,highlights,alias}]}.
  std::string search_json(std::string_view query, int limit) const;
  const Catalog& catalog() const { return catalog_; }

  // Internal types, public for the implementation file's helpers.
  // The JSON answer being written: a growable char buffer (std::string's push_back/append are
  // out-of-line library calls in the wasm, about a quarter of a query's time).
  struct Out {
    std::vector<char> b;
    size_t n = 0;
    void room(size_t k);  // at least k more bytes
    void push_back(char c) { room(1); b[n++] = c; }
    void put(std::string_view s);
  };
  struct Word { U32 key, ru, kk, en; uint32_t df = 0; };  // df: entries containing the word
  struct Field { uint32_t entry; uint8_t kind; uint16_t alias; uint32_t tok; uint16_t ntok; uint16_t groups; uint64_t sigmask; };
  struct Tok { uint32_t word; uint16_t group; uint8_t flags; };
  struct Post { uint32_t field; uint16_t pos; };
  struct Cand { uint32_t word; int16_t q; uint8_t kind; bool conf; uint8_t a, b; };
  // A hit sorts by one 64-bit key: field, query word, quality (descending), token position.
  struct Hit {
    uint64_t key; uint8_t kind; int16_t q; bool conf; uint8_t a, b;
    static uint64_t make_key(uint32_t field, uint8_t qi, int q, uint16_t pos) {
      return (uint64_t(field) << 32) | (uint64_t(qi) << 28) | (uint64_t(1023 - q) << 16) | pos;
    }
    uint32_t field() const { return uint32_t(key >> 32); }
    uint8_t qi() const { return uint8_t((key >> 28) & 15); }
    uint16_t pos() const { return uint16_t(key); }
  };
  struct Res { uint32_t entry; uint32_t field; bool listed; int matched; int fscore; uint8_t kind; int score; };
  struct Eval;

 private:
  Catalog catalog_;
  std::vector<Word> words_;
  Space keys_, skel_, ru_, kk_, en_;
  std::vector<Field> fields_;
  std::vector<Tok> toks_;
  std::vector<uint32_t> post_off_;
  std::vector<Post> posts_;
  std::vector<uint32_t> entry_field_;  // first field of each entry (kk, ru, en, then aliases)
  std::vector<std::string> code_digits_;
  uint32_t rare_df_ = 2;  // a word in at most this many entries is specific (see README)

  // Highlight maps of the fields rendered so far: per field 1 + index of a header (token count) in
  // hl_tok_, then per token (first letter in hl_be_, letters); per letter its UTF-16 [b, e) in the
  // source. Tokenizing the titles was most of an answer's cost. Cleared when it holds more than
  // HL_CACHE_LETTERS letters. (search_json is const but fills it: one Matcher, one thread at a time.)
  static constexpr size_t HL_CACHE_LETTERS = size_t(1) << 18;
  mutable std::vector<uint32_t> hl_first_;
  mutable std::vector<std::pair<uint32_t, uint32_t>> hl_tok_, hl_be_;

  void build_index();
  Str field_text(const Field& f) const;
  void candidates(const U32& key, bool last, bool skeleton, std::vector<Cand>& out) const;  // cached
  void find_candidates(const U32& key, bool last, bool skeleton, std::vector<Cand>& out) const;
  size_t split_point(const U32& w, bool skeleton) const;
  void evaluate(const std::string& reading, bool skeleton, const Eval* floor, Eval& ev) const;
  bool evaluate_code(const std::string& reading, Eval& ev) const;
  void spans_json(Out& o, uint32_t fid, Str s,
                  const std::vector<std::pair<uint16_t, std::pair<uint8_t, uint8_t>>>& marks) const;
  std::string render(const Eval& ev, int limit, const std::string& from, bool truncated, const char* verdict) const;
};

}  // namespace kzprof
