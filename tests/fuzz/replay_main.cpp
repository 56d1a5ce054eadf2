// Replays fuzz inputs without libFuzzer (g++ native and sanitize presets): every file in the given
// directories (the committed seed corpus and tests/fuzz/regressions/<target>/, where every crash the
// fuzzers find is kept) goes through the target's LLVMFuzzerTestOneInput once. A crash, an abort or a
// sanitizer report fails the test; it prints how many inputs ran.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  size_t runs = 0;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(argv[i], ec)) {
      if (!e.is_regular_file() || e.path().filename().string()[0] == '.') continue;
      std::ifstream f(e.path(), std::ios::binary);
      std::ostringstream ss;
      ss << f.rdbuf();
      const std::string s = ss.str();
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
      ++runs;
    }
    if (ec) {
      std::fprintf(stderr, "replay: cannot read %s: %s\n", argv[i], ec.message().c_str());
      return 1;
    }
  }
  std::printf("replay: %zu inputs, no crash\n", runs);
  return runs ? 0 : 1;
}
