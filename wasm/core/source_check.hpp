// Checks the data against the official texts of the order (data/sources/): the same codes, every
// official name and group heading present verbatim, and the group structure of the Kazakh table.
// Comparison ignores whitespace only (line breaks, tabs, no-break spaces, the PDF's letter-spacing);
// letters, case and punctuation must match exactly. Where the text's spacing is reliable (the Kazakh text;
// the Russian PDF splits words at line ends) a name must also be there word for word, one space apart.
// Entries must follow the order's rows, and names have no space at an end or two in a row.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"

namespace kzprof {

struct OfficialText {
  std::string_view language;     // "kk" or "ru", used in messages
  std::string_view text;         // the whole publication
  std::string_view annex_marker; // heading that starts Annex 2, e.g. "Приложение 2"
  // The table is as published (the Kazakh text; the Russian one is a PDF that splits words at line ends):
  // which group heading each row falls under is checked, and names are found word for word.
  bool layout_reliable;
};

// Text with every whitespace character (text::is_space) removed.
std::string strip_whitespace(std::string_view text);
// `text` with every run of whitespace one space, none at either end.
std::string collapse_whitespace(std::string_view text);

std::vector<std::string> check_against_source(const Catalog& catalog, const OfficialText& source);

}  // namespace kzprof
