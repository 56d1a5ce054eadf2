// kzprof [--data FILE] [--limit N] QUERY...
// Answers a query from the terminal with the same core the web page uses; prints the JSON result.
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/answer_json.hpp"
#include "core/catalog_json.hpp"

#ifndef KZPROF_DEFAULT_DATA
#define KZPROF_DEFAULT_DATA "data/professions.json"
#endif

int main(int argc, char** argv) {
  std::string data_path = KZPROF_DEFAULT_DATA, query;
  int limit = 10;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data_path = argv[++i];
    else if (a == "--limit" && i + 1 < argc) limit = std::atoi(argv[++i]);
    else query += (query.empty() ? "" : " ") + a;
  }
  std::ifstream f(data_path, std::ios::binary);
  if (!f) { std::cerr << "kzprof: cannot read " << data_path << "\n"; return 1; }
  std::ostringstream ss;
  ss << f.rdbuf();
  kzprof::Matcher m;
  auto errors = kzprof::load_json(m, ss.str());
  for (const auto& e : errors) std::cerr << data_path << ": " << e << "\n";
  if (!errors.empty()) return 1;
  std::cout << kzprof::search_json(m, query, limit) << "\n";
  return 0;
}
