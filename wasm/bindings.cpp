// The only file that knows about emscripten: exposes the core to JavaScript through embind.
// Queries cross as UTF-8 std::string; results cross as JSON text (parsed once in web/kzprof.mjs).
// The data crosses as the packed catalog (format: wasm/core/catalog.hpp), built by web/kzprof.mjs from
// JSON.parse output, so the wasm carries no JSON parser. It is handed over as UTF-8 bytes: `buffer(n)`
// returns a Uint8Array view of n bytes in the wasm memory, JavaScript encodes into it (TextEncoder.encodeInto,
// n = 3 × UTF-16 length) and calls `load(bytes written)` — embind's std::string conversion would encode the ~30 MB of a
// 100k-entry list one character at a time in JavaScript.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <memory>

#include "core/matcher.hpp"

namespace {

std::unique_ptr<char[]> packed_buf;
size_t packed_len = 0;

// The view is valid until the next allocation in the wasm (memory growth detaches it): fill it at once.
emscripten::val buffer(kzprof::Matcher&, size_t n) {
  packed_buf.reset(new char[n ? n : 1]);
  packed_len = n;
  return emscripten::val(emscripten::typed_memory_view(n, reinterpret_cast<unsigned char*>(packed_buf.get())));
}

// Loads the first `used` bytes written into `buffer` as the packed catalog. Returns "" when the data loaded, otherwise the
// problems, one per line.
std::string load(kzprof::Matcher& m, size_t used) {
  // The buffer was sized for the worst case (3 bytes per UTF-16 unit): the catalog keeps an exact copy
  // (its strings are views into it) and the buffer goes back before the index is built.
  kzprof::Catalog c;
  std::string joined;
  for (const auto& e : kzprof::load_packed_catalog(std::string_view(packed_buf.get(), std::min(used, packed_len)), c))
    joined += e + "\n";
  packed_buf.reset();
  packed_len = 0;
  if (!joined.empty()) c = kzprof::Catalog{};
  m.load(std::move(c));
  return joined;
}

std::string search(const kzprof::Matcher& m, const std::string& query, int limit) {
  return m.search_json(query, limit);
}

}  // namespace

EMSCRIPTEN_BINDINGS(kzprof) {
  emscripten::class_<kzprof::Matcher>("Matcher")
      .constructor<>()
      .function("buffer", &buffer)
      .function("load", &load)
      .function("search", &search);
}
