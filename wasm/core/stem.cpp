#include "stem.hpp"

#include <algorithm>
#include <vector>


namespace kzprof {
namespace stem {
namespace {

bool ru_vowel(char32_t c) {
  return c == U'а' || c == U'е' || c == U'и' || c == U'о' || c == U'у' || c == U'ы' || c == U'э' || c == U'ю' ||
         c == U'я';
}

// A suffix and its length (lists end with {nullptr, 0}).
struct Suf { const char32_t* s; size_t n; };
template <size_t N>
constexpr Suf S(const char32_t (&s)[N]) { return Suf{s, N - 1}; }

// w ends with suf inside [limit, end); compared from the last letter (most suffixes fail there).
inline bool ends(const U32& w, size_t limit, const Suf& suf) {
  const size_t n = suf.n;
  if (w.size() < n || w.size() - n < limit) return false;
  const char32_t* t = w.data() + (w.size() - n);
  for (size_t i = n; i-- > 0;)
    if (t[i] != suf.s[i]) return false;
  return true;
}

bool ends(const U32& w, size_t limit, const char32_t* suf) {
  size_t n = 0;
  while (suf[n]) ++n;
  if (w.size() < n || w.size() - n < limit) return false;
  const char32_t* t = w.data() + (w.size() - n);
  for (size_t i = 0; i < n; ++i)
    if (t[i] != suf[i]) return false;
  return true;
}

// A suffix list grouped by last letter (а..я), longest first in each group: a word is compared only
// with the suffixes ending in its last letter.
struct SufTable {
  std::vector<Suf> by[32];
  explicit SufTable(const Suf* list) {
    for (const Suf* s = list; s->s; ++s) {
      const char32_t c = s->s[s->n - 1];
      if (c < U'а' || c > U'я') continue;
      std::vector<Suf>& v = by[c - U'а'];  // longest first; equal lengths in list order (no sort code)
      size_t at = v.size();
      v.push_back(*s);
      for (; at > 0 && v[at - 1].n < s->n; --at) v[at] = v[at - 1];
      v[at] = *s;
    }
  }
  const std::vector<Suf>* of(const U32& w) const {
    if (w.empty() || w.back() < U'а' || w.back() > U'я') return nullptr;
    return &by[w.back() - U'а'];
  }
};

// Longest suffix of `t` inside [limit, end); returns its length or 0.
size_t longest(const U32& w, size_t limit, const SufTable& t) {
  const std::vector<Suf>* v = t.of(w);
  if (v)
    for (const Suf& s : *v)
      if (ends(w, limit, s)) return s.n;
  return 0;
}

// Group-1 endings must follow а or я (inside RV).
bool after_a(const U32& w, size_t n, size_t rv) {
  if (w.size() < n + 1 || w.size() - n - 1 < rv) return false;
  char32_t c = w[w.size() - n - 1];
  return c == U'а' || c == U'я';
}

const Suf PG1[] = {S(U"в"), S(U"вши"), S(U"вшись"), {nullptr, 0}};
const Suf PG2[] = {S(U"ив"), S(U"ивши"), S(U"ившись"), S(U"ыв"), S(U"ывши"), S(U"ывшись"), {nullptr, 0}};
const Suf ADJ[] = {S(U"ее"), S(U"ие"), S(U"ые"), S(U"ое"), S(U"ими"), S(U"ыми"), S(U"ей"),  S(U"ий"),  S(U"ый"),
                   S(U"ой"), S(U"ем"), S(U"им"), S(U"ым"), S(U"ом"),  S(U"его"), S(U"ого"), S(U"ему"), S(U"ому"),
                   S(U"их"), S(U"ых"), S(U"ую"), S(U"юю"), S(U"ая"),  S(U"яя"),  S(U"ою"),  S(U"ею"),  {nullptr, 0}};
const Suf PART1[] = {S(U"ем"), S(U"нн"), S(U"вш"), S(U"ющ"), S(U"щ"), {nullptr, 0}};
const Suf PART2[] = {S(U"ивш"), S(U"ывш"), S(U"ующ"), {nullptr, 0}};
const Suf REFL[] = {S(U"ся"), S(U"сь"), {nullptr, 0}};
const Suf VERB1[] = {S(U"ла"), S(U"на"), S(U"ете"), S(U"йте"), S(U"ли"), S(U"й"),  S(U"л"),   S(U"ем"),  S(U"н"),
                     S(U"ло"), S(U"но"), S(U"ет"),  S(U"ют"),  S(U"ны"), S(U"ть"), S(U"ешь"), S(U"нно"), {nullptr, 0}};
const Suf VERB2[] = {S(U"ила"), S(U"ыла"), S(U"ена"), S(U"ейте"), S(U"уйте"), S(U"ите"),   S(U"или"), S(U"ыли"),
                     S(U"ей"),  S(U"уй"),  S(U"ил"),  S(U"ыл"),   S(U"им"),   S(U"ым"),    S(U"ен"),  S(U"ило"),
                     S(U"ыло"), S(U"ено"), S(U"ят"),  S(U"ует"),  S(U"уют"),  S(U"ит"),    S(U"ыт"),  S(U"ены"),
                     S(U"ить"), S(U"ыть"), S(U"ишь"), S(U"ую"),   S(U"ю"),    {nullptr, 0}};
const Suf NOUN[] = {S(U"а"),   S(U"ев"),  S(U"ов"),  S(U"ие"),  S(U"ье"),    S(U"е"),  S(U"иями"), S(U"ями"),
                    S(U"ами"), S(U"еи"),  S(U"ии"),  S(U"и"),   S(U"ией"),   S(U"ей"), S(U"ой"),   S(U"ий"),
                    S(U"й"),   S(U"иям"), S(U"ям"),  S(U"ием"), S(U"ем"),    S(U"ам"), S(U"ом"),   S(U"о"),
                    S(U"у"),   S(U"ах"),  S(U"иях"), S(U"ях"),  S(U"ы"),     S(U"ь"),  S(U"ию"),   S(U"ью"),
                    S(U"ю"),   S(U"ия"),  S(U"ья"),  S(U"я"),   {nullptr, 0}};

const SufTable T_PG1(PG1), T_PG2(PG2), T_ADJ(ADJ), T_PART1(PART1), T_PART2(PART2), T_REFL(REFL), T_VERB1(VERB1),
    T_VERB2(VERB2), T_NOUN(NOUN);

// Removes the longest ending from group1 (needs а/я before it) ∪ group2. Returns success.
bool strip_groups(U32& w, size_t rv, const SufTable* g1, const SufTable& g2) {
  size_t n1 = g1 ? longest(w, rv, *g1) : 0, n2 = longest(w, rv, g2);
  if (n2 && n2 >= n1) { w.resize(w.size() - n2); return true; }
  if (n1) {
    if (!after_a(w, n1, rv)) return false;
    w.resize(w.size() - n1);
    return true;
  }
  return false;
}

}  // namespace

U32 russian(const U32& in) {
  U32 w = in;
  size_t n = w.size(), rv = n, r1 = n, r2 = n;
  size_t i = 0;
  while (i < n && !ru_vowel(w[i])) ++i;
  if (i < n) {
    rv = i + 1;
    size_t j = rv;
    while (j < n && ru_vowel(w[j])) ++j;
    if (j < n) {
      r1 = j + 1;
      size_t k = r1;
      while (k < n && !ru_vowel(w[k])) ++k;
      while (k < n && ru_vowel(w[k])) ++k;
      if (k < n) r2 = k + 1;
    }
  }
  (void)r1;
  if (rv >= n) return w;
  // Step 1
  if (!strip_groups(w, rv, &T_PG1, T_PG2)) {
    size_t rn = longest(w, rv, T_REFL);
    if (rn) w.resize(w.size() - rn);
    size_t an = longest(w, rv, T_ADJ);
    if (an) {
      w.resize(w.size() - an);
      strip_groups(w, rv, &T_PART1, T_PART2);
    } else if (!strip_groups(w, rv, &T_VERB1, T_VERB2)) {
      size_t nn = longest(w, rv, T_NOUN);
      if (nn) w.resize(w.size() - nn);
    }
  }
  // Step 2
  if (ends(w, rv, U"и")) w.pop_back();
  // Step 3: derivational ость/ост in R2
  if (ends(w, r2, U"ость")) w.resize(w.size() - 4);
  else if (ends(w, r2, U"ост")) w.resize(w.size() - 3);
  // Step 4
  if (ends(w, rv, U"ейше")) w.resize(w.size() - 4), (ends(w, rv, U"нн") ? w.pop_back() : void());
  else if (ends(w, rv, U"ейш")) w.resize(w.size() - 3), (ends(w, rv, U"нн") ? w.pop_back() : void());
  else if (ends(w, rv, U"нн")) w.pop_back();
  else if (ends(w, rv, U"ь")) w.pop_back();
  return w;
}

namespace {

// Kazakh endings in folded form (ә→а, і→и, ң→н, ғ→г, қ→к, ө→о, ұ/ү→у), longest first within a step.
const Suf KK[] = {
    // personal endings
    S(U"мын"),
    S(U"мин"),
    S(U"бын"),
    S(U"бин"),
    S(U"пын"),
    S(U"пин"),
    S(U"сын"),
    S(U"син"),
    S(U"мыз"),
    S(U"миз"),
    S(U"быз"),
    S(U"биз"),
    S(U"пыз"),
    S(U"пиз"),
    S(U"сыз"),
    S(U"сиз"),
    S(U"сындар"),
    S(U"синдер"),
    S(U"сыныз"),
    S(U"синиз"),
    // plural
    S(U"лар"),
    S(U"лер"),
    S(U"дар"),
    S(U"дер"),
    S(U"тар"),
    S(U"тер"),
    // possessive
    S(U"ы"),
    S(U"и"),
    S(U"сы"),
    S(U"си"),
    S(U"ым"),
    S(U"им"),
    S(U"ын"),
    S(U"ин"),
    S(U"ымыз"),
    S(U"имиз"),
    S(U"ыныз"),
    S(U"иниз"),
    S(U"ныз"),
    S(U"низ"),
    // genitive, dative, accusative, locative, ablative, instrumental, equative
    S(U"нын"),
    S(U"нин"),
    S(U"дын"),
    S(U"дин"),
    S(U"тын"),
    S(U"тин"),
    S(U"га"),
    S(U"ге"),
    S(U"ка"),
    S(U"ке"),
    S(U"на"),
    S(U"не"),
    S(U"а"),
    S(U"е"),
    S(U"ды"),
    S(U"ди"),
    S(U"ты"),
    S(U"ти"),
    S(U"н"),
    S(U"ны"),
    S(U"ни"),
    S(U"да"),
    S(U"де"),
    S(U"та"),
    S(U"те"),
    S(U"нда"),
    S(U"нде"),
    S(U"дан"),
    S(U"ден"),
    S(U"тан"),
    S(U"тен"),
    S(U"нан"),
    S(U"нен"),
    S(U"мен"),
    S(U"бен"),
    S(U"пен"),
    S(U"ша"),
    S(U"ше"),
    // -дағы/-дегі (adjectival locative)
    S(U"дагы"),
    S(U"деги"),
    S(U"тагы"),
    S(U"теги"),
    S(U"ндагы"),
    S(U"ндеги"),
    {nullptr, 0}};

const size_t KK_MIN_STEM = 4;   // never strip below 4 letters
const size_t KK_MIN_STEM1 = 5;  // single-letter endings (а, е, ы, и, н) need a 5-letter stem
const int KK_MAX_STEPS = 4;

// Consonant assimilation at a Kazakh morpheme boundary (folded letters: к is к/қ, г is г/ғ): an ending
// starting with т/к/п follows a voiceless consonant (or б в г д: «клубқа»); one starting with д/г/б
// never follows a voiceless consonant. So «акушерка» (р + ка) is not акушер + dative, «кітапқа» is.
bool kk_voiceless(char32_t c) {
  return c == U'к' || c == U'п' || c == U'с' || c == U'т' || c == U'ф' || c == U'х' || c == U'ц' || c == U'ч' ||
         c == U'ш' || c == U'щ';
}
bool kk_joins(char32_t before, char32_t first) {
  if (first == U'т' || first == U'к' || first == U'п')
    return kk_voiceless(before) || before == U'б' || before == U'в' || before == U'г' || before == U'д';
  if (first == U'д' || first == U'г' || first == U'б') return !kk_voiceless(before);
  return true;
}

}  // namespace

namespace {

// Agent nouns: X-лаушы (-леуші, -даушы, -деуші) is the X-шы of the same X, with or without endings after
// it: бағдарламалаушысы = бағдарламашысы.
U32 kk_agent_short(const U32& in) {
  U32 w = in;
  for (const char32_t* agent : {U"лаушы", U"леуши", U"даушы", U"деуши"}) {
    const size_t at = w.find(agent, 4);
    if (at != U32::npos) w.erase(at, 3);
  }
  return w;
}

// Ending s can be cut from w: w ends with it, enough stem is left, and the two join.
bool kk_cuts(const U32& w, const Suf& s) {
  if (!ends(w, 0, s)) return false;
  const size_t rest = w.size() - s.n;
  return rest >= (s.n == 1 ? KK_MIN_STEM1 : KK_MIN_STEM) && kk_joins(w[rest - 1], s.s[0]);
}

// Voicing alternation before vowel endings (технигі → техник, кітабы → кітап): the final г/б of every
// stem is devoiced, stripped or not, so both forms meet.
U32 kk_devoiced(U32 w) {
  if (!w.empty()) {
    if (w.back() == U'г') w.back() = U'к';
    else if (w.back() == U'б') w.back() = U'п';
  }
  return w;
}

const SufTable& kk_endings() {
  static const SufTable T_KK(KK);
  return T_KK;
}

void kk_cut_every_way(const U32& w, int steps, std::vector<U32>& out) {
  const U32 stem = kk_devoiced(w);
  if (std::find(out.begin(), out.end(), stem) == out.end()) out.push_back(stem);
  if (steps == KK_MAX_STEPS) return;
  if (const std::vector<Suf>* v = kk_endings().of(w))
    for (const Suf& s : *v)
      if (kk_cuts(w, s)) kk_cut_every_way(U32(w, 0, w.size() - s.n), steps + 1, out);
}

}  // namespace

U32 kazakh(const U32& in) {
  U32 w = kk_agent_short(in);
  for (int step = 0; step < KK_MAX_STEPS; ++step) {
    size_t best = 0;
    if (const std::vector<Suf>* v = kk_endings().of(w))
      for (const Suf& s : *v)  // longest first: the first that fits wins
        if (kk_cuts(w, s)) { best = s.n; break; }
    if (!best) break;
    w.resize(w.size() - best);
  }
  return kk_devoiced(w);
}

void kazakh_every_stem(const U32& w, std::vector<U32>& out) {
  out.clear();
  kk_cut_every_way(kk_agent_short(w), 0, out);
}

U32 english(const U32& in) {
  U32 w = in;
  if (w.size() > 2 && w.compare(w.size() - 2, 2, U"'s") == 0) w.resize(w.size() - 2);
  if (!w.empty() && w.back() == '\'') w.pop_back();
  size_t n = w.size();
  if (n > 4 && w.compare(n - 3, 3, U"ies") == 0) { w.resize(n - 3); w += U"y"; }
  else if (n > 4 && (w.compare(n - 4, 4, U"ches") == 0 || w.compare(n - 4, 4, U"shes") == 0 ||
                     w.compare(n - 3, 3, U"xes") == 0 || w.compare(n - 4, 4, U"sses") == 0)) w.resize(n - 2);
  else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i') w.resize(n - 1);
  return w;
}

namespace {

// A small set of words, sorted, looked up by binary search: made from a space-separated list written as
// people write (UTF-8, Kazakh letters), each word folded (text::fold) and put in the form it is compared in.
class WordSet {
 public:
  explicit WordSet(const char* list, U32 (*form)(const U32&) = nullptr) {
    U32 w;
    for (char32_t c : text::decode(list)) {
      if (c != ' ') w.push_back(text::fold(c));
      if (c == ' ' && !w.empty()) add(form ? form(w) : w), w.clear();
    }
    if (!w.empty()) add(form ? form(w) : w);
    std::sort(words_.begin(), words_.end());
  }
  bool has(std::u32string_view w) const {
    auto it =
        std::lower_bound(words_.begin(), words_.end(), w, [](const U32& a, std::u32string_view b) { return a < b; });
    return it != words_.end() && *it == w;
  }
  const std::vector<U32>& words() const { return words_; }

 private:
  std::vector<U32> words_;
  void add(U32 w) { words_.push_back(std::move(w)); }
};

// A word list in the three languages: Russian and Kazakh words compared by stem (every inflected form
// counts), English ones as written or, with `en_form`, by that form. A Russian word's stem may also be the
// listed word itself: Snowball cuts «роддом» to «родд» (as if -ом were an ending) but «роддоме» to «роддом».
class Lexicon {
 public:
  Lexicon(const char* ru, const char* kk, const char* en, U32 (*en_form)(const U32&) = nullptr)
      : ru_(ru, russian), ru_as_listed_(ru), kk_(kk, kazakh), en_(en, en_form), en_form_(en_form) {}
  bool has(const U32& w) const {
    if (text::has_cyrillic(w)) {
      const U32 stem = russian(w);
      return ru_.has(stem) || ru_as_listed_.has(stem) || kk_.has(kazakh(w));
    }
    return en_.has(en_form_ ? en_form_(w) : w);
  }

 private:
  WordSet ru_, ru_as_listed_, kk_, en_;
  U32 (*en_form_)(const U32&);
};

}  // namespace

bool is_stop(std::u32string_view w) {
  static const WordSet STOP(
      "по в во и с со для на из к ко о об от при или а у "         // Russian
      "жөніндегі және мен бен пен үшін немесе "                    // Kazakh
      "ету етуді етуге етудің етуде "                              // the verb of compounds: қамтамасыз ету
      "of and in for the a an or to at on with");                  // English
  return w.size() <= 9 && STOP.has(w);
}

// The frame of a sentence around a title: pronouns, forms of work / be / become / seek / study, the words
// for profession and speciality, "is it on the list" and question words, years of experience; and the words
// of what the list is for (a permanent residence permit for a foreigner in Kazakhstan, whether one qualifies,
// asked for oneself or a spouse), and the conjunctions that join such clauses (если, егер, if, but), none of
// which is a word of a profession. Russian and Kazakh words are compared by stem (so every inflected form
// counts), English words as written.
bool is_frame(const U32& w) {
  static const Lexicon WORDS(
      "я мы меня мне мой моя мои это работаю работал работать работа являюсь был была быть буду "
      "стать хочу хотел ищу искать вакансия профессия специальность образование квалификация должность "
      "учился училась учусь окончил окончила закончил закончила имею есть ли входит список списке перечень "
      "перечне какой кто что как можно лет летний год опыт стаж уже сейчас тоже также пмж внж жительство "
      "постоянное проживание приехал приехала переехал переехала "
      // Other forms where the Snowball stem differs: опыт/опыта (оп, опыт), диплом/дипломом, ...
      "опыта дипломом иностранца казахстане "
      "разрешение получить оформить подходит подхожу подойдет подойду могу может могут дадут дают иностранец "
      "казахстан жена муж диплом востребованный востребованные если когда чтобы но",
      "мен менің маған мені біз мамандық мамандығым кәсіп кәсібім жұмыс істеймін істедім істеу "
      "жасаймын болып болдым болғым боламын келеді іздеймін жыл тәжірибе тізім тізімде тізбе тізбеде бар ма "
      "ме ба бе па пе қазір оқыдым бітірдім бойынша тұрақты тұруға рұқсат ықтиярхат аламын шетелдік "
      "қазақстан әйелім күйеуім диплом дипломым кіре кіреді келген келдім егер бірақ",
      "i i'm im am is are was were be been my me she they his her their work works worked working job as "
      "looking seeking want become profession occupation speciality specialty qualification years year "
      "experience list listed what about how it does do can have has had now currently there permanent "
      "residence residency permit visa get obtain apply qualify eligible foreigner kazakhstan wife husband "
      "diploma degree moved came here yrs yr exp living demand if but because when");
  return WORDS.has(w);
}

bool is_person(const U32& w) {
  static const Lexicon WORDS(
      "он она они его её ее ему ей их им брат сестра сын дочь отец отца мать мама папа супруг супруга друг подруга",
      "ол олар оның оны оған ағам інім әпкем қарындасым сіңлім ұлым қызым балам әкем анам жұбайым досым",
      "he him brother sister son daughter father mother spouse friend");
  return WORDS.has(w);
}

bool is_place_preposition(std::u32string_view w) {
  static const WordSet PREP("в во на из in at from");
  return PREP.has(w);
}

bool is_place_noun(const U32& w) {
  static const Lexicon WORDS(
      "больница госпиталь клиника поликлиника лаборатория завод фабрика комбинат предприятие компания фирма "
      "организация банк офис студия театр телевидение телеканал университет институт колледж школа центр "
      "агентство издательство министерство отель гостиница ресторан магазин город г село роддом диспансер "
      "аэропорт нии стартап отделение департамент холдинг корпорация",
      "аурухана емхана клиника зертхана зауыт фабрика кәсіпорын компания фирма мекеме банк кеңсе студия театр "
      "теледидар университет институт колледж мектеп орталық агенттік баспа министрлік қонақүй мейрамхана "
      "дүкен қала ауыл әуежай перзентхана бөлім",
      "hospital clinic lab laboratory factory plant company firm bank office studio theatre theater television "
      "university institute college school center centre agency ministry hotel restaurant shop store city town "
      "village department airport startup corporation",
      english);
  return WORDS.has(w);
}

bool is_place_adjective(const U32& w) {
  static const Lexicon WORDS(
      "городской областной районный республиканский частный государственный муниципальный центральный "
      "национальный международный местный сельский крупный большой небольшой иностранный зарубежный "
      "казахстанский российский китайский турецкий американский немецкий корейский индийский узбекский",
      "қалалық облыстық аудандық республикалық жеке мемлекеттік халықаралық ұлттық жергілікті ауылдық үлкен "
      "шағын қазақстандық ресейлік қытайлық түрік американдық неміс корей үнді өзбек",
      "private public state regional district national international local big large small foreign "
      "municipal central russian chinese turkish american german korean indian",
      english);
  return WORDS.has(w);
}

bool is_place_name(const U32& w) {
  // The cities of Kazakhstan and the countries (and capitals) applicants most often come from.
  static const Lexicon WORDS(
      "алматы астана шымкент караганда актобе тараз павлодар семей атырау костанай кызылорда уральск "
      "петропавловск актау темиртау туркестан талдыкорган экибастуз кокшетау казахстан россия москва узбекистан "
      "ташкент самарканд кыргызстан киргизия бишкек таджикистан душанбе туркменистан китай индия турция украина "
      "беларусь белоруссия германия монголия иран пакистан афганистан азербайджан грузия армения корея сша "
      "америка европа",
      "алматы астана шымкент қарағанды ақтөбе тараз павлодар өскемен семей атырау қостанай қызылорда орал "
      "петропавл ақтау теміртау түркістан талдықорған қазақстан ресей мәскеу өзбекстан ташкент қырғызстан "
      "бішкек тәжікстан түрікменстан қытай үндістан түркия украина беларусь германия моңғолия иран пәкістан "
      "ауғанстан әзербайжан грузия армения корея америка",
      "almaty astana shymkent karaganda aktobe taraz pavlodar semey atyrau kostanay kyzylorda uralsk aktau "
      "turkestan kazakhstan russia moscow uzbekistan tashkent samarkand kyrgyzstan bishkek tajikistan dushanbe "
      "turkmenistan china india turkey ukraine belarus germany mongolia iran pakistan afghanistan azerbaijan "
      "georgia armenia korea usa america europe");
  return WORDS.has(w);
}

bool kk_place_case(const U32& w) {
  // Folded endings, longest first: the adjective of place (-дағы), the ablative (-дан), the locative (-да).
  static const char32_t* const END[] = {U"ндагы", U"ндеги", U"дагы", U"деги", U"тагы", U"теги", U"ндан", U"нден",
                                        U"нан", U"нен", U"дан", U"ден", U"тан", U"тен", U"нда", U"нде",
                                        U"да", U"де", U"та", U"те", nullptr};
  for (const char32_t* const* e = END; *e; ++e) {
    const size_t n = std::char_traits<char32_t>::length(*e);
    if (w.size() >= n + KK_MIN_STEM && w.compare(w.size() - n, n, *e) == 0 && kk_joins(w[w.size() - n - 1], (*e)[0]))
      return true;
  }
  return false;
}

// Kazakh synonyms of one meaning in the official titles, one class a line: "software" is бағдарламалық
// қамтылым, жасақтама, қамсыздандыру or қамтамасыз ету; "developer" әзірлеуші or жасаушы.
const std::vector<U32>* kazakh_synonyms(const U32& kk_stem) {
  static const WordSet CLASSES[] = {WordSet("қамтылым жасақтама қамсыздандыру қамтамасыз", kazakh),
                                    WordSet("әзірлеуші жасаушы", kazakh)};
  for (const WordSet& cls : CLASSES)
    if (cls.has(kk_stem)) return &cls.words();
  return nullptr;
}

bool ru_adjective(std::u32string_view w) {
  static const char32_t* const END[] = {U"ый", U"ий",  U"ой",  U"ая",  U"яя",  U"ое",  U"ее", U"ые",
                                        U"ие", U"ого", U"его", U"ому", U"ему", U"ых",  U"их", U"ым",
                                        U"им", U"ую",  U"юю",  U"ыми", U"ими", nullptr};
  if (w.size() < 5) return false;
  for (const char32_t* const* e = END; *e; ++e) {
    size_t n = std::char_traits<char32_t>::length(*e);
    if (w.substr(w.size() - n) == std::u32string_view(*e, n)) return true;
  }
  return false;
}

}  // namespace stem
}  // namespace kzprof
