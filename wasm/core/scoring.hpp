// Scoring: every weight of the matcher in one place, with its meaning, and the evaluation of one reading
// of a query (scoring.cpp): candidates per query word -> hits in fields -> one scored result per entry.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "candidates.hpp"
#include "catalog.hpp"
#include "index.hpp"

namespace kzprof {

// ---- Per query-word match quality (0..100): how sure we are that the query word means the index word.
constexpr int Q_EXACT = 100;          // same word after folding (case, ё, Kazakh letters, look-alikes)
constexpr int Q_SKELETON = 90;        // same sound skeleton: a translit reading, or an English word spelt in Cyrillic
constexpr int Q_PREFIX_MAX = 80;      // last query word is a prefix; 66..80 grows with the typed share
constexpr int Q_PREFIX_MIN = 66;
constexpr int Q_MORPH = 60;           // same Russian/Kazakh/English stem
constexpr int Q_TYPO = 50;            // whole word within the typo budget, minus Q_PER_EDIT per edit
constexpr int Q_TYPO_PREFIX = 45;     // last word is a prefix with typos ("прграмм"), minus Q_PER_EDIT per edit
constexpr int Q_PER_EDIT = 10;
constexpr int Q_INITIALS = 85;        // an abbreviation in capitals: the initials of consecutive title words
constexpr int Q_INFIX = 25;           // inside a compound ("хирург" in "нейрохирург"); never confident
constexpr int Q_PREFIX_NONLAST = 20;  // a non-last word that is only a prefix
constexpr int Q_PREFIX_SHORT = 10;    // a 1–2 letter last word as a prefix

// ---- Field bonuses (added to the sum of the best qualities of the query words in one field).
constexpr int B_FULL = 100;           // every significant word of the field is matched confidently
constexpr int B_EXACT = 60;           // ... and all of them exactly: the query is the name
constexpr int B_COVER = 60;           // times the share of the field's word groups the query touches
constexpr int B_OFFICIAL = 10;        // official kk/ru name or the English name, over an alias
constexpr int REWRITE_PENALTY = 40;   // a layout/transliteration reading, over the text as typed

// ---- Composite score of a result: LISTED_WEIGHT·listed + NAME_WEIGHT·named + WORD_WEIGHT·(matched query
// words) + field score (0..999). A listed result always outranks the others; then an entry whose own name
// (official, or its English translation) carries every query word outranks one reached only through an
// alias; then more matched words outrank a better field.
constexpr int LISTED_WEIGHT = 20000;
constexpr int NAME_WEIGHT = 10000;
constexpr int WORD_WEIGHT = 1000;
constexpr int FIELD_SCORE_MAX = 999;
// Codes: the whole code, a prefix of it, one digit mistyped (field scores).
constexpr int CODE_EXACT = 999, CODE_PREFIX = 500, CODE_ONE_DIGIT = 300;

// ---- Limits of the candidate search (candidates.cpp).
constexpr size_t PREFIX_CONF_MIN = 4;   // a confident prefix has >= 4 letters and >= half the word
constexpr size_t INFIX_MIN = 4;         // shortest infix searched
// Letters a verb shares with the agent noun it is read as (agent_noun_of): Cyrillic, Latin.
constexpr size_t AGENT_ROOT_CYR = 6, AGENT_ROOT_LAT = 4;
constexpr size_t PREFIX_CAP_1 = 30, PREFIX_CAP_2 = 150, PREFIX_CAP_N = 5000;  // prefix expansions per word
constexpr size_t MAX_QWORDS = 8;        // significant query words looked at
constexpr size_t SPLIT_MIN = 4;         // a fused word splits into title words of >= 4 letters each
constexpr size_t WEAK_HITS_CAP = 4000;  // postings taken per query word from weak (1–2 letter prefix) candidates
// Trigrams of q an edit can destroy: a substitution or insertion touches 3, a transposition of two
// neighbours (one OSA edit) 4, so a word within k edits shares at least grams(q) - 4k of them.
constexpr int GRAMS_PER_EDIT = 4;

// No stacked guesses: in a reading that is itself a guess (a keyboard layout, a transliteration), a typo, an
// abbreviation read as initials, or a stem-only match of a word shorter than this is never confident (the
// answer can't be "listed" or "broad" through it).
constexpr size_t GUESS_STEM_MIN = 5;

// Typo budget by query word length (in letters): 0 edits up to 4, 1 for 5–8, 2 from 9.
inline int typo_budget(size_t n) { return n <= 4 ? 0 : n <= 8 ? 1 : 2; }

// How a result matched (the answer's "match"): the weakest kind among its query words, or what it was.
enum Kind : uint8_t { K_WORD, K_PREFIX, K_MORPH, K_TYPO, K_INFIX, K_CODE, K_ALIAS, K_ENGLISH, K_EXACT, K_BROWSE };
const char* kind_name(uint8_t kind);

// One result: the best field of one entry. `covers`: some field of the entry holds every query word
// confidently; `named`: one of its names (not an alias) does; `mentioned`: every significant word of one of
// its names (official, English, or an alias that shortens one) is in the query as typed, confidently, its head
// as a word of its own, whatever else the query says.
struct Res {
  uint32_t entry, field;
  bool listed;
  int matched, fscore;
  uint8_t kind;
  int score;
  bool covers = false, named = false, mentioned = false;
};

// How sure the best reading is: it names one listed profession; it is a broad word several listed
// professions carry (every query word confident in two or more entries, none named); it mentions one listed
// profession by its whole name among words that were not read ("I'm a radiologist at a diagnostic center":
// the name is there, but what the other words say about the person is unknown); near misses; nothing.
enum Tier : int { T_NONE = 0, T_SUGGESTIONS = 1, T_MENTIONED = 2, T_BROAD = 3, T_LISTED = 4 };

// A hit: one candidate word of one query word at one token of one field. Sorted by one 64-bit key: field,
// query word, quality (descending), token position.
struct Hit {
  uint64_t key; uint8_t kind; int16_t q; bool conf; uint8_t a, b;
  static uint64_t make_key(uint32_t field, uint8_t qi, int q, uint16_t pos) {
    return (uint64_t(field) << 32) | (uint64_t(qi) << 28) | (uint64_t(1023 - q) << 16) | pos;
  }
  uint32_t field() const { return uint32_t(key >> 32); }
  uint8_t qi() const { return uint8_t((key >> 28) & 15); }
  uint16_t pos() const { return uint16_t(key); }
};

// The evaluation of one reading of the query.
struct Eval {
  struct Agg { uint32_t field, hb, he; };  // hits[hb, he) are those of `field`
  std::vector<Hit> hits;  // sorted by field, query word, quality desc
  std::vector<Agg> aggs;  // sorted by field
  std::vector<Res> res;   // one per entry; ordered only at the end (order_results)
  int tier = T_NONE;
  int top = -1;           // best composite score
  std::string reading;
  const char* kind = nullptr;  // the reading's kind (readings.hpp), nullptr for the query as typed
  int idx = -1;                // the reading's index in the list of readings, -1 for the query as typed
  bool content = true;         // the reading has a word that may name a profession (a code counts)
  void clear() { hits.clear(); aggs.clear(); res.clear(); tier = T_NONE; top = -1; content = true; }
};

// Buffers one Matcher reuses from query to query (their capacity stays; their content never carries over).
struct Scratch {
  Eval best, ev;
  CandidateCache cache;
  std::vector<uint8_t> tok_hit;
};

// Scores `reading` (skeleton: a transliteration, compared by skeleton) into ev. With `floor`, the reading is
// an alternative (a guess, see GUESS_STEM_MIN), and the work is skipped when an upper bound of its best
// result cannot beat the floor (the best reading so far).
void evaluate(const Index& ix, Scratch& s, const std::string& reading, bool skeleton, const Eval* floor, Eval& ev);
// Reads `reading` as a classifier code ("2512-1-007", "25121007", "2512"); false when it is not one.
bool evaluate_code(const Index& ix, const std::string& reading, Eval& ev);
// Orders the best `limit` results of ev: score descending, then official order.
void order_results(Eval& ev, size_t limit);

}  // namespace kzprof
