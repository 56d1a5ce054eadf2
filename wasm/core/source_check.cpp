#include "source_check.hpp"

#include "text.hpp"

#include <cctype>
#include <map>

namespace kzprof {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Classifier codes in `s` ("####-#-###" or "####-#"), not glued to other digits or hyphens.
std::vector<std::pair<std::string, size_t>> find_codes(const std::string& s) {
  std::vector<std::pair<std::string, size_t>> found;
  for (size_t i = 0; i + 6 <= s.size(); ++i) {
    if (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '-')) continue;
    size_t len = 0;
    if (i + 10 <= s.size() && is_valid_code(std::string_view(s).substr(i, 10))) len = 10;
    else if (is_valid_code(std::string_view(s).substr(i, 6))) len = 6;
    if (!len) continue;
    size_t end = i + len;
    if (end < s.size() && (is_digit(s[end]) || s[end] == '-')) continue;
    found.emplace_back(s.substr(i, len), i);
    i = end - 1;
  }
  return found;
}

// `t` without its whitespace, or (`one_space`) with one space where a run of it was between two words.
std::string squeeze_whitespace(std::string_view t, bool one_space) {
  std::string out;
  out.reserve(t.size());
  bool gap = false;
  for (size_t i = 0; i < t.size();) {
    const size_t from = i;
    const char32_t c = text::decode_one(t, i);
    if (text::is_space(c)) { gap = one_space && !out.empty(); continue; }
    if (gap) out.push_back(' '), gap = false;
    out.append(t.substr(from, i - from));
  }
  return out;
}

}  // namespace

std::string collapse_whitespace(std::string_view t) { return squeeze_whitespace(t, true); }
std::string strip_whitespace(std::string_view t) { return squeeze_whitespace(t, false); }

std::vector<std::string> check_against_source(const Catalog& catalog, const OfficialText& src) {
  std::vector<std::string> errors;
  const std::string lang(src.language);
  const std::string where = "the official " + std::string(lang == "kk" ? "Kazakh" : "Russian") + " text (Annex 2)";
  size_t start = src.text.find(src.annex_marker);
  if (start == std::string_view::npos) {
    errors.push_back(lang + " source: Annex 2 heading '" + std::string(src.annex_marker) + "' not found");
    return errors;
  }
  const std::string annex = strip_whitespace(src.text.substr(start));
  // With one space between words: where the publication's spacing is reliable, names are found word for word.
  const std::string annex_words = src.layout_reliable ? collapse_whitespace(src.text.substr(start)) : "";
  const auto codes = find_codes(annex);

  std::map<std::string, std::vector<size_t>> at;  // code -> offsets in annex
  for (const auto& [code, off] : codes) at[code].push_back(off);
  for (const auto& [code, offs] : at) {
    if (!catalog.by_code(code)) errors.push_back(code + ": in " + where + " but missing from data");
    if (offs.size() > 1) errors.push_back(code + ": appears " + std::to_string(offs.size()) + " times in " + where);
  }

  // Every group heading of this language, whitespace-stripped once; and where each occurs, for the
  // structural check.
  std::vector<std::string> headings;
  std::vector<std::pair<size_t, std::string>> heading_at;  // offset, group id
  for (const auto& g : catalog.groups) {
    const std::string id(g.id);
    for (const std::string& hv : lang == "kk" ? g.kk : g.ru) {
      const std::string h(hv);
      std::string needle = strip_whitespace(h);
      size_t pos = needle.empty() ? std::string::npos : annex.find(needle);
      if (pos == std::string::npos)
        errors.push_back("group '" + id + "': field '" + lang + "': heading '" + h + "' not found in " + where);
      for (; pos != std::string::npos; pos = annex.find(needle, pos + 1)) heading_at.emplace_back(pos, id);
      if (!needle.empty()) headings.push_back(std::move(needle));
    }
  }

  std::string previous;  // the entry before, and where the order prints it: entries follow the order's rows
  size_t previous_at = 0;
  for (const auto& p : catalog.professions) {
    const std::string code(p.code);
    const std::string name(lang == "kk" ? p.kk : p.ru);
    if (name != collapse_whitespace(name))
      errors.push_back(code + ": field '" + lang + "': name '" + name + "' has spaces at an end or two in a row");
    auto it = at.find(code);
    if (it == at.end()) {
      errors.push_back(code + ": field 'code': not found in " + where + " (an entry the order does not contain)");
      continue;
    }
    if (!previous.empty() && it->second.front() < previous_at)
      errors.push_back(code + ": field 'position': after " + previous + " in data, before it in " + where);
    previous = code, previous_at = it->second.front();
    // The row's name lies between its code and the next code.
    size_t from = it->second.front() + p.code.size(), to = annex.size();
    for (const auto& c : codes)
      if (c.second > from) { to = c.second; break; }
    // The cell must hold exactly the name: group headings printed inside the row are removed first,
    // so a truncated or extended name fails as surely as a misspelt one.
    std::string row = annex.substr(from, to - from);
    for (const auto& h : headings)
      for (size_t pos; (pos = row.find(h)) != std::string::npos;) row.erase(pos, h.size());
    if (row != strip_whitespace(name))
      errors.push_back(code + ": field '" + lang + "': name '" + name + "' not found in its row of " + where);
    else if (src.layout_reliable && annex_words.find(collapse_whitespace(name)) == std::string::npos)
      errors.push_back(code + ": field '" + lang + "': name '" + name + "' not word for word in " + where +
                       " (the spaces between its words differ)");
    if (src.layout_reliable) {
      const std::string* under = nullptr;
      size_t best = 0;
      for (const auto& [off, id] : heading_at)
        if (off < it->second.front() && (!under || off >= best)) { best = off; under = &id; }
      if (!under || *under != p.group)
        errors.push_back(code + ": field 'group': data says '" + std::string(p.group) + "' but " + where +
                         " lists it under '" + (under ? *under : std::string("no heading")) + "'");
    }
  }
  return errors;
}

}  // namespace kzprof
