// Normalization, tokenization with UTF-16 offsets, stemmers, readings (layouts, transliteration).
#include <doctest/doctest.h>

#include <algorithm>

#include "core/index.hpp"
#include "core/readings.hpp"
#include "core/stem.hpp"
#include "core/text.hpp"

using namespace kzprof;

static U32 u(const char* s) { return text::decode(s); }
static std::string keys(const std::string& s) {
  std::string o;
  for (const Token& t : text::tokenize(s)) o += (o.empty() ? "" : "|") + text::to_utf8(t.key);
  return o;
}

TEST_CASE("case folding: Russian, Kazakh, Latin; ё=е; Kazakh letters fold to Russian ones") {
  CHECK(keys("ВРАЧ Онколог") == "врач|онколог");
  CHECK(keys("ӘҒҚҢӨҰҮҺІ") == "агкноуухи");
  CHECK(keys("әғқңөұүһі") == "агкноуухи");
  CHECK(keys("Ёлка ёж") == "елка|еж");
  CHECK(keys("Software DEVELOPER") == "software|developer");
  CHECK(keys("Бағдарламалық қамтылымды әзірлеуші") == keys("Багдарламалык камтылымды азирлеуши"));
}

TEST_CASE("NFD forms: и + combining breve is й, е + diaeresis is ё (= е); stress marks vanish") {
  CHECK(keys("и\xCC\x86-тест") == "й|тест");
  CHECK(keys("И\xCC\x86") == "й");
  CHECK(keys("е\xCC\x88лочный") == "елочный");
  CHECK(keys("вра\xCC\x81ч") == "врач");
}

TEST_CASE("punctuation and every dash are word breaks; whitespace collapses") {
  CHECK(keys("врач-онколог") == "врач|онколог");
  for (const char* d : {"‐", "‑", "‒", "–", "—", "―", "/", ",", "(", ")"})
    CHECK(keys(std::string("врач") + d + "онколог") == "врач|онколог");
  CHECK(keys("  врач \t\n  онколог  ") == "врач|онколог");
  auto t = text::tokenize("Врач-педиатр (детский) врач");
  REQUIRE(t.size() == 4);
  CHECK(!t[0].joined);
  CHECK(t[1].joined);
  CHECK(t[2].paren);
  CHECK(!t[3].paren);
  CHECK(!t[3].joined);
}

TEST_CASE("Latin look-alikes inside mostly Cyrillic words are Cyrillic (and the reverse)") {
  CHECK(keys("Врaч-онкoлог") == "врач|онколог");  // Latin a, o
  CHECK(keys("пpoграммист") == "программист");    // Latin p, o
  CHECK(keys("sоftware") == "software");          // Cyrillic о
  CHECK(keys("iOS") == "ios");
}

TEST_CASE("offset map: UTF-16 positions of the original after folding") {
  auto t = text::tokenize("Мастер (ёлочный) и\xCC\x86-тест");
  REQUIRE(t.size() == 4);
  CHECK(t[1].b.front() == 8);
  CHECK(t[1].e.back() == 15);
  CHECK(t[2].key == u("й"));
  CHECK(t[2].b[0] == 17);
  CHECK(t[2].e[0] == 19);  // и + U+0306 are two UTF-16 units
  CHECK(t[3].b[0] == 20);
  auto e = text::tokenize("\xF0\x9F\x98\x80 врач");  // an emoji is two UTF-16 units
  REQUIRE(e.size() == 1);
  CHECK(e[0].b[0] == 3);
}

TEST_CASE("invalid UTF-8 is replaced, never crashes; the length cap counts UTF-16 units") {
  CHECK(keys("\xFF\xFE врач \xC3") == "врач");
  bool tr = false;
  CHECK(text::cap_utf16("абв", 2, &tr) == "аб");
  CHECK(tr);
  CHECK(text::cap_utf16("\xF0\x9F\x98\x80x", 1, &tr) == "");  // never half a surrogate pair
  text::cap_utf16("абв", 3, &tr);
  CHECK(!tr);
}

TEST_CASE("transliteration skeleton") {
  CHECK(text::skeleton(u("дизайнер")) == text::skeleton(u("дизаинер")));
  CHECK(text::skeleton(u("программист")) == text::skeleton(u("програмист")));
  CHECK(text::skeleton(u("мобильный")) == text::skeleton(u("мобилныи")));
}

TEST_CASE("Russian Snowball stemmer") {
  auto ru = [](const char* w) { return text::to_utf8(stem::russian(text::decode(w))); };
  CHECK(ru("врачом") == "врач");
  CHECK(ru("онкологом") == "онколог");
  CHECK(ru("разработчиков") == "разработчик");
  CHECK(ru("разработчик") == "разработчик");
  CHECK(ru("мобильных") == ru("мобильный"));
  CHECK(ru("приложений") == ru("приложения"));
  CHECK(ru("инженера") == "инженер");
  CHECK(ru("автоматизации") == ru("автоматизация"));
  CHECK(ru("безопасности") == "безопасн");  // derivational ость in R2
  CHECK(ru("красивейший") == "красив");     // superlative
  CHECK(ru("программного") == ru("программное"));
  CHECK(ru("проверившись") == "провер");  // perfective gerund
}

TEST_CASE("Kazakh suffix stripper on folded words") {
  auto kk = [](const char* w) {
    U32 k;
    for (const Token& t : text::tokenize(w)) k = t.key;
    return stem::kazakh(k);
  };
  CHECK(kk("әзірлеушімін") == kk("әзірлеуші"));
  CHECK(kk("инженерлер") == kk("инженер"));
  CHECK(kk("бағдарламашысы") == kk("бағдарламашы"));
  CHECK(kk("онкологпын") == kk("онколог"));
  CHECK(kk("технигі") == kk("техник"));
  CHECK(kk("дәрігерлердің") == kk("дәрігер"));
  CHECK(kk("мамандарға") == kk("маман"));
  CHECK(kk("ойын") == kk("ойын"));  // short stems stay
  // Consonant assimilation at the boundary: т/к/п endings follow voiceless consonants (and б в г д),
  // д/г/б endings never do. «акушерка» is not акушер + dative (that would be «акушерге»).
  CHECK(kk("кітапқа") == kk("кітап"));
  CHECK(kk("онкологқа") == kk("онколог"));
  CHECK(kk("инженерге") == kk("инженер"));
  CHECK(kk("акушерка") != kk("акушер"));
  CHECK(kk("аналитиктер") == kk("аналитик"));
  CHECK(kk("аналитикдер") != kk("аналитик"));
}

TEST_CASE("Kazakh endings cut every way: an ending can hide another") {
  std::vector<U32> every;
  stem::kazakh_every_stem(U"маманымын", every);
  CHECK(stem::kazakh(U"маманымын") == U"мама");  // мама + ны + мын, the longest ending first
  CHECK(std::find(every.begin(), every.end(), U32(U"маман")) != every.end());  // маман + ы + мын
  CHECK(std::find(every.begin(), every.end(), U32(U"мама")) != every.end());
}

TEST_CASE("English light stemmer and stop words") {
  CHECK(stem::english(u("developers")) == u("developer"));
  CHECK(stem::english(u("children's")) == u("children"));
  CHECK(stem::english(u("technologies")) == u("technology"));
  CHECK(stem::english(u("analysis")) == u("analysis"));
  CHECK(stem::is_stop(u("по")));
  CHECK(stem::is_stop(u("жониндеги")));
  CHECK(stem::is_stop(u("of")));
  CHECK(!stem::is_stop(u("врач")));
}

TEST_CASE("keyboard layouts") {
  CHECK(readings::qwerty_to_cyrillic("dhfx-jyrjkju") == "врач-онколог");
  CHECK(readings::qwerty_to_cyrillic("k.,jq") == "любой");
  CHECK(readings::qwerty_to_cyrillic("gtlbfnh'") == "педиатрэ");
  CHECK(readings::cyrillic_to_qwerty("ыщаецфку вумудщзук") == "software developer");
  CHECK(readings::kk_number_row_to_digits("әәәә-1-ққ1", false) == "2222-1-001");
  CHECK(readings::kk_number_row_to_digits("ә512ө1өққ7", false) == "2512-1-007");
  CHECK(readings::kk_number_row_to_digits("ә512,1", true) == "251261");
}

TEST_CASE("English initials spelled out in Cyrillic are read as one abbreviation") {
  using readings::spelled_letters;
  CHECK(spelled_letters("айти архитектор") == "IT архитектор");
  CHECK(spelled_letters("Ай-Ти специалист") == "IT специалист");
  CHECK(spelled_letters("эй ай инженер") == "AI инженер");
  CHECK(spelled_letters("эйч ар") == "HR");               // эйч before эй
  CHECK(spelled_letters("ай") == "ай");                   // one letter is a word (Kazakh «ай», a month)
  CHECK(spelled_letters("бір ай") == "бір ай");
  CHECK(spelled_letters("архитектор") == "архитектор");   // not only letter names
  CHECK(spelled_letters("эйэйэйэйэйэй") == "эйэйэйэйэйэй");  // over five letters: not an abbreviation
}

TEST_CASE("transliteration: Russian romanizations and Kazakh Latin") {
  using readings::transliterate;
  CHECK(transliterate("vrach onkolog", false, false) == "врач онколог");
  CHECK(transliterate("razrabotchik", false, false) == "разработчик");
  CHECK(transliterate("inzhener", false, false) == "инженер");
  CHECK(transliterate("injener", false, false) == "инженер");
  CHECK(transliterate("dizayner", false, false) == "дизайнер");
  CHECK(transliterate("spetsialist", false, false) == "специалист");
  CHECK(transliterate("specialist", false, false) == "специалист");
  CHECK(transliterate("shchuka yashchik", false, false) == "щука ящик");
  CHECK(transliterate("yurist", false, false) == "юрист");
  CHECK(transliterate("bağdarlamalyq", true, false) == "бағдарламалық");
  CHECK(transliterate("a'zirleushi", true, false) == "әзірлеуші");
  CHECK(transliterate("qazaqstan", true, false) == "қазақстан");
  CHECK(readings::looks_kazakh_latin("bag'darlama"));
  CHECK(readings::looks_kazakh_latin("äzirleuşi"));
  CHECK(!readings::looks_kazakh_latin("vrach"));
}

TEST_CASE("Damerau–Levenshtein (OSA), bounded") {
  CHECK(osa_distance(u("программист"), u("програмист"), 2) == 1);
  CHECK(osa_distance(u("врач"), u("вркч"), 2) == 1);
  CHECK(osa_distance(u("ab"), u("ba"), 2) == 1);  // transposition
  CHECK(osa_distance(u("кардиолог"), u("гематолог"), 2) == 3);
  int p = -1;
  CHECK(osa_distance(u("прграмм"), u("программист"), 1, &p) == 2);  // whole word: too far
  CHECK(p == 1);                                                    // a prefix with one edit
  CHECK(osa_distance(u("прогр"), u("программист"), 1, &p) == 2);
  CHECK(p == 0);
  CHECK(osa_distance(u("програмист"), u("программист"), 2, &p) == 1);
  CHECK(p == 1);
}
