// REQUIRE for the fuzz targets: a broken invariant aborts, which libFuzzer reports as a crash and saves.
#pragma once
#include <cstdio>
#include <cstdlib>

#define REQUIRE(cond)                                                                   \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)
