// Issue 14.3: every answer depends only on the matcher's list and the query, never on what was asked
// before. Before 713355d a blank query after "врач" returned browse results carrying "врач"'s highlights
// (the per-query scratch was static thread_local, shared by every Matcher); the 1 M-search test could not
// see it because its sequence repeats. Here: queries in a random order (seeded, so a failure replays),
// blank ones among them, two matchers interleaved and reloaded, each answer compared with the answer of a
// fresh matcher that has answered nothing before.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "core/answer_json.hpp"
#include "core/catalog_json.hpp"
#include "files.hpp"

using namespace kzprof;

namespace {

Catalog catalog(const char* path) {
  Catalog c;
  REQUIRE(load_catalog_json(read_file(path), c).empty());
  return c;
}

// Queries from the list itself (names, their prefixes and words, codes, aliases) plus blanks and oddities.
std::vector<std::string> queries(const Catalog& c) {
  std::vector<std::string> q = {"", " ", "\t\n", "\xE2\x80\x8B", "врач", "dhfx", "2512", "zzzz", "a", "инж",
                                "\xF0\x9F\x98\x80", "\xFF\xFE", std::string(300, 'x')};
  for (const Profession& p : c.professions) {
    for (const std::string* s : {&p.ru, &p.kk, &p.en}) {
      q.push_back(*s);
      q.push_back(s->substr(0, s->find(' ')));
      q.push_back(s->substr(0, 5));  // may cut a character: invalid UTF-8 too
    }
    q.push_back(p.code);
    q.push_back(p.code.substr(0, 4));
    if (!p.aliases_ru.empty()) q.push_back(p.aliases_ru.front());
  }
  return q;
}

std::string fresh_answer(const Catalog& c, const std::string& q, int limit) {
  Matcher fresh;
  fresh.load(Catalog(c));
  return search_json(fresh, q, limit);
}

}  // namespace

TEST_CASE("answers warm equal answers from a fresh matcher, in random order, across matchers and reloads") {
  const Catalog mini = catalog(KZPROF_TEST_DIR "/fixtures/mini.json");
  const Catalog real = catalog(KZPROF_TEST_DIR "/../data/professions.json");
  const std::vector<std::string> qm = queries(mini), qr = queries(real);
  std::mt19937 rng(14);
  Matcher a, b;
  a.load(Catalog(mini));
  b.load(Catalog(real));
  const Catalog* list_a = &mini;
  const Catalog* list_b = &real;
  const int limits[] = {0, 1, 3, 10, 51, 1000};
  size_t compared = 0;
  for (int step = 0; step < 600; ++step) {
    const bool use_a = rng() % 2;
    Matcher& m = use_a ? a : b;
    const Catalog& list = use_a ? *list_a : *list_b;
    const std::vector<std::string>& pool = rng() % 4 ? (&list == &mini ? qm : qr) : (&list == &mini ? qr : qm);
    // a blank query right after a real one half of the time: the case that carried stale highlights
    const std::string q = rng() % 3 == 0 ? std::string(rng() % 2 ? "" : "  ") : pool[rng() % pool.size()];
    const int limit = limits[rng() % 6];
    const std::string warm = search_json(m, q, limit);
    REQUIRE_MESSAGE(warm == fresh_answer(list, q, limit), "step " << step << ", query '" << q << "', limit " << limit);
    ++compared;
    if (rng() % 97 == 0) {  // reload one of them with the other list
      (use_a ? list_a : list_b) = &list == &mini ? &real : &mini;
      m.load(Catalog(&list == &mini ? real : mini));
    }
  }
  CHECK(compared == 600);
}
