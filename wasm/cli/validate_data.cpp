// validate_data DATA.json SOURCES_DIR
// Checks data/professions.json (schema, types, codes) and compares it with the official texts in
// SOURCES_DIR (order49-kk.txt, order49-ru.txt). Prints one line per problem; exit 1 if any.
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/catalog_json.hpp"
#include "core/source_check.hpp"

static bool read_file(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: validate_data DATA.json SOURCES_DIR\n";
    return 2;
  }
  std::string data, kk, ru;
  const std::string dir = argv[2];
  if (!read_file(argv[1], data)) { std::cerr << "INVALID: cannot read " << argv[1] << "\n"; return 1; }
  if (!read_file(dir + "/order49-kk.txt", kk) || !read_file(dir + "/order49-ru.txt", ru)) {
    std::cerr << "INVALID: cannot read the official texts in " << dir << "\n";
    return 1;
  }
  kzprof::Catalog catalog;
  auto errors = kzprof::load_catalog_json(data, catalog);
  if (errors.empty()) {
    for (auto* e : {&kk, &ru}) {
      const bool is_kk = e == &kk;
      kzprof::OfficialText src{is_kk ? "kk" : "ru", *e, is_kk ? "\n2-қосымша\n" : "Приложение 2", is_kk};
      for (auto& msg : kzprof::check_against_source(catalog, src)) errors.push_back(msg);
    }
  }
  for (const auto& e : errors) std::cerr << argv[1] << ": " << e << "\n";
  if (!errors.empty()) {
    std::cerr << "INVALID: " << errors.size() << " problem(s)\n";
    return 1;
  }
  std::cout << "OK: " << catalog.professions.size() << " professions in " << catalog.groups.size()
            << " groups match the official Kazakh and Russian texts\n";
  return 0;
}
