// The only file that knows about emscripten: the core to JavaScript through embind, typed both ways.
// In: web/kzprof.mjs checks the shape of the JSON.parse output and hands each group and profession over as
// an embind record (value_object; its string lists as JavaScript arrays), then load() runs the one value
// check (check_catalog) and builds the index. Out: search() returns the Answer as a plain JavaScript object.
// Any call order is safe: load() without records reports an empty list; search() before load() answers
// from an empty list.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <utility>
#include <vector>

#include "core/matcher.hpp"

namespace {

using emscripten::val;

struct GroupRecord {
  std::string id, en;
};
struct ProfessionRecord {
  double position = 0;
  std::string code, group, kk, ru, en;
};

std::vector<std::string> strings(const val& list) { return emscripten::vecFromJSArray<std::string>(list); }

class JsMatcher {
 public:
  // The records arrive by value: their strings are moved into the catalog, not copied again.
  void add_group(GroupRecord r, const val& kk, const val& ru) {
    pending_.groups.push_back(kzprof::Group{std::move(r.id), strings(kk), strings(ru), std::move(r.en)});
  }
  void add_profession(ProfessionRecord r, const val& aliases_ru, const val& aliases_kk, const val& aliases_en) {
    pending_.professions.push_back(kzprof::Profession{r.position, std::move(r.code), std::move(r.group),
                                                      std::move(r.kk), std::move(r.ru), std::move(r.en),
                                                      strings(aliases_ru), strings(aliases_kk), strings(aliases_en)});
  }
  // Checks the records added so far and builds the index over them. Returns the problems (an empty array:
  // loaded); with problems the matcher is left empty.
  val load() {
    kzprof::Catalog c = std::move(pending_);
    pending_ = {};
    const std::vector<std::string> problems = kzprof::check_catalog(c);
    matcher_.load(problems.empty() ? std::move(c) : kzprof::Catalog{});
    val out = val::array();
    for (const std::string& p : problems) out.call<void>("push", p);
    return out;
  }
  val search(const std::string& query, int limit) const { return to_js(matcher_.search(query, limit)); }

 private:
  kzprof::Catalog pending_;
  kzprof::Matcher matcher_;

  static val spans(const kzprof::Spans& s) {
    val out = val::array();
    for (const kzprof::Span& x : s) {
      val pair = val::array();
      pair.call<void>("push", x.begin, x.end);
      out.call<void>("push", pair);
    }
    return out;
  }
  static val to_js(const kzprof::Answer& a) {
    val out = val::object();
    out.set("verdict", val(a.verdict));
    if (a.rewrite) {
      val rw = val::object();
      rw.set("kind", val(a.rewrite->kind));
      rw.set("from", a.rewrite->from);
      rw.set("text", a.rewrite->text);
      out.set("rewrite", rw);
    } else {
      out.set("rewrite", val::null());
    }
    out.set("truncated", a.truncated);
    val results = val::array();
    for (const kzprof::Result& r : a.results) {
      val x = val::object();
      x.set("code", r.code);
      x.set("score", r.score);
      x.set("match", val(r.match));
      val hl = val::object();
      hl.set("kk", spans(r.kk));
      hl.set("ru", spans(r.ru));
      hl.set("en", spans(r.en));
      x.set("highlights", hl);
      if (r.alias) {
        val al = val::object();
        al.set("lang", val(r.alias->lang));
        al.set("text", r.alias->text);
        al.set("highlights", spans(r.alias->highlights));
        x.set("alias", al);
      } else {
        x.set("alias", val::null());
      }
      results.call<void>("push", x);
    }
    out.set("results", results);
    return out;
  }
};

}  // namespace

EMSCRIPTEN_BINDINGS(kzprof) {
  emscripten::value_object<GroupRecord>("GroupRecord").field("id", &GroupRecord::id).field("en", &GroupRecord::en);
  emscripten::value_object<ProfessionRecord>("ProfessionRecord")
      .field("position", &ProfessionRecord::position)
      .field("code", &ProfessionRecord::code)
      .field("group", &ProfessionRecord::group)
      .field("kk", &ProfessionRecord::kk)
      .field("ru", &ProfessionRecord::ru)
      .field("en", &ProfessionRecord::en);
  emscripten::class_<JsMatcher>("Matcher")
      .constructor<>()
      .function("addGroup", &JsMatcher::add_group)
      .function("addProfession", &JsMatcher::add_profession)
      .function("load", &JsMatcher::load)
      .function("search", &JsMatcher::search);
}
