// The answer to one query, typed: what wasm/bindings.cpp turns into a JavaScript object and the native
// tools write as JSON (answer_json.hpp). The contract is in wasm/core/README.md.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kzprof {

// A highlighted part of a string: UTF-16 code units [begin, end), as JavaScript indexes strings.
struct Span { uint32_t begin, end; };
using Spans = std::vector<Span>;

struct AliasMatch {   // the unofficial alias a result was found by
  const char* lang;   // "ru", "kk" or "en"
  std::string text;
  Spans highlights;
};

struct Result {
  std::string code;
  int score;
  const char* match;  // "exact", "word", "prefix", "morph", "typo", "infix", "code", "alias", "english", "browse"
  Spans kk, ru, en;   // highlights in the official names and the English name
  std::optional<AliasMatch> alias;
};

struct Rewrite {      // the query was read another way (wrong keyboard layout, transliteration)
  const char* kind;   // "layout", "translit", "kk-latin", "letters", "code-layout"
  std::string from, text;
};

struct Answer {
  const char* verdict;  // "listed", "broad", "mentioned", "suggestions", "none", "browse"
  std::optional<Rewrite> rewrite;
  bool truncated = false;  // the query was longer than MAX_QUERY_UTF16 and was cut
  std::vector<Result> results;
};

}  // namespace kzprof
