// The verdict rules of issue 11 on the real list (data/professions.json), one general rule per case: no
// stacked guesses, sentence frames, broad words, official names over aliases, English in Cyrillic,
// abbreviations, compatibility forms, Kazakh word formation, consonant swaps, code prefixes.
#include <doctest/doctest.h>

#include <string>

#include "core/catalog_json.hpp"
#include "core/matcher.hpp"
#include "files.hpp"

using namespace kzprof;

namespace {

const Matcher& real() {
  static Matcher m = [] {
    Matcher x;
    REQUIRE(load_json(x, read_file(KZPROF_TEST_DIR "/../data/professions.json")).empty());
    return x;
  }();
  return m;
}

std::string verdict(const std::string& q) { return real().search(q, 10).verdict; }
std::string first(const std::string& q) {
  const Answer a = real().search(q, 10);
  return a.results.empty() ? "" : a.results[0].code;
}

}  // namespace

TEST_CASE("no stacked guesses: a transliteration or a layout with a typo is never listed") {
  CHECK(verdict("vrach-onkolog") == "listed");        // one guess: a transliteration
  CHECK(verdict("vrach-onkalog") != "listed");        // a transliteration and a typo
  CHECK(first("vrach-onkalog") == "2211-7-004");      // still found first
  CHECK(verdict("dhfx-jyrjkju") == "listed");         // one guess: the keyboard layout
  CHECK(verdict("dhfx-jyrjkjuuu") != "listed");
  CHECK(verdict("lawyer") != "listed");               // "лавер" is not "лазер"
  CHECK(verdict("lawer") != "listed");
}

TEST_CASE("no stacked guesses: capitals read in the other keyboard layout are not taken for initials") {
  CHECK(verdict("КТ") == "broad");                    // as typed: the initials of "коммуникационных технологий"
  CHECK(verdict("RN") != "broad");                    // a nurse's "RN" is "КТ" only in the other layout: two guesses
  CHECK(verdict("RN") != "listed");
  CHECK(verdict("BRN") == "broad");                   // "ИКТ" is a word of the titles: one guess, as for any word
}

TEST_CASE("a sentence in capitals (caps lock) is read as a sentence: capitals there are not abbreviations") {
  CHECK(verdict("я работаю врачом-онкологом") == "listed");
  CHECK(verdict("Я РАБОТАЮ ВРАЧОМ-ОНКОЛОГОМ") == "listed");
  CHECK(first("Я РАБОТАЮ ВРАЧОМ-ОНКОЛОГОМ") == "2211-7-004");
  CHECK(verdict("РАЗРАБОТЧИК ПО") == "listed");       // "ПО" is still read as "программного обеспечения"
}

TEST_CASE("the words of what the list is for are a sentence's frame: residence permit, qualifying, a spouse") {
  CHECK(verdict("хочу получить ПМЖ как врач-онколог") == "listed");   // an abbreviation of three capitals
  CHECK(verdict("входит ли гематолог в список востребованных профессий") == "listed");  // the list's own title
  CHECK(verdict("моя сестра эндокринолог, она может получить ПМЖ?") == "listed");
  CHECK(verdict("neonatologist, 6 years exp") == "listed");
  CHECK(verdict("мой муж врач-онколог, подходит?") == "listed");
  CHECK(verdict("can an oncologist get permanent residence") == "listed");
  CHECK(verdict("хочу получить ПМЖ как сварщик") != "listed");        // the frame names no profession
  CHECK(verdict("хочу получить ПМЖ") != "listed");
}

TEST_CASE("a consonant put for another makes another word, not a typo") {
  CHECK(verdict("гепатолог") != "listed");            // hepatologist, not haematologist
  CHECK(verdict("лавер") != "listed");
  CHECK(verdict("гемотолог") == "listed");            // a vowel: a spelling slip
  CHECK(verdict("гемаотлог") == "listed");            // two letters swapped
}

TEST_CASE("sentences: the frame around a title does not block the verdict; other words do") {
  CHECK(verdict("я работаю врачом-онкологом") == "listed");
  CHECK(first("я работаю врачом-онкологом") == "2211-7-004");
  CHECK(verdict("I work as an oncologist") == "listed");
  CHECK(verdict("менің мамандығым дәрігер-онколог") == "listed");
  CHECK(verdict("есть ли в списке звукооператор?") == "listed");
  CHECK(verdict("я работаю врачом-ревматологом") != "listed");  // ревматолог is neither frame nor title
}

TEST_CASE("broad words: several listed professions carry the word, none is named") {
  const Answer a = real().search("врач", 20);
  CHECK(std::string(a.verdict) == "broad");
  CHECK(a.results.size() >= 8);
  CHECK(verdict("дәрігер") == "broad");
  CHECK(verdict("developer") == "broad");
  CHECK(verdict("я врач") == "broad");
  CHECK(verdict("врач-стоматолог") == "suggestions");  // a near miss, not a broad word
  CHECK(verdict("фармацевт") != "broad");
  CHECK(verdict("2512") == "broad");                  // a code prefix of several codes
  CHECK(verdict("2512-1-007") == "listed");
}

TEST_CASE("function words alone name no profession: neither listed nor broad") {
  for (const std::string q : {"и", "в", "of", "and", "және", "для", "in the", "d" /* "в" in the Russian layout */,
                              "of 5", "и 2", "in 2024" /* a number beside them is not a profession word */}) {
    CAPTURE(q);
    CHECK(verdict(q) != "broad");
    CHECK(verdict(q) != "listed");
  }
  CHECK(verdict("врач") == "broad");                  // a content word still is
  CHECK(verdict("врач и") == "broad");                // and a function word beside it changes nothing
  CHECK(verdict("ПО") == "broad");                    // in capitals it is an abbreviation (программное обеспечение)
  CHECK(verdict("2512") == "broad");                  // numbers alone are a code
  // nor is a letter being typed, by sound ("y" -> "ы" ~ "и") or as a prefix ("п" of "по")
  CHECK(verdict("y") != "broad");
  CHECK(verdict("j") != "broad");
  CHECK(verdict("jönındegı") != "none");              // a longer word still finds a title's function word
}

TEST_CASE("official names outrank aliases; an alias that is a word of another name is not enough") {
  CHECK(verdict("программист") == "broad");           // an alias of one entry, a word of two official names
  const std::string top = first("программист");
  CHECK((top == "2519-9-002" || top == "2512-1-005"));
  CHECK(verdict("нейрохирург") == "listed");          // an alias that is no other entry's word
}

TEST_CASE("an abbreviation left out of an alias narrows it, as an adjective does") {
  // The list has ICT project managers («ИТ-менеджер проектов»), not project managers of any field.
  CHECK(verdict("менеджер проектов") != "listed");
  CHECK(first("менеджер проектов") == "2512-1-003");
  CHECK(verdict("ИТ-менеджер проектов") == "listed");
  CHECK(verdict("project manager") != "listed");  // the English name «ICT project manager» likewise
  CHECK(verdict("IT project manager") == "listed");
  CHECK(verdict("менеджер проектов ИКТ") == "listed");
}

TEST_CASE("English jargon in Cyrillic letters is read back by sound") {
  CHECK(first("софтвер девелопер") == "2512-1-007");
  CHECK(verdict("софтвер девелопер") == "listed");
  CHECK(verdict("дата инженер") == "listed");
  CHECK(first("клауд инженер") == "2529-0-001");
}

TEST_CASE("English initials spelled out in Cyrillic are a reading: one guess, as a keyboard layout is") {
  CHECK(verdict("айти архитектор инфраструктуры") == "listed");
  CHECK(first("айти архитектор инфраструктуры") == "2521-2-001");
  CHECK(verdict("эй ай инженер") == "listed");
  CHECK(first("эй ай инженер") == "2519-9-001");
  CHECK(verdict("айти архитектор инфрастуктуры") != "listed");  // and a typo: two guesses
  // Letters read from their names are not initials of title words as well: that would be a second guess.
  CHECK(verdict("ай си инженер") != "listed");  // IC is not "inorganic chemical"
  CHECK(verdict("ай пи инженер") != "listed");  // IP is not "information protection"
  CHECK(verdict("си эс инженер") != "listed");  // CS is not "control systems"
  const Answer a = real().search("эй ай инженер", 10);
  REQUIRE(a.rewrite);
  CHECK(a.rewrite->kind == std::string("letters"));
}

TEST_CASE("abbreviations in capitals are the initials of title words, never of the head") {
  CHECK(first("специалист по ИБ") == "2524-0-007");
  CHECK(verdict("специалист по ИБ") == "listed");
  CHECK(first("менеджер ИКТ-проектов") == "2512-1-003");
  CHECK(verdict("ИП") != "listed");                   // not "Инженер-программист": the head is not initialled
}

TEST_CASE("compatibility forms are folded first") {
  CHECK(verdict("２５１２－１－００７") == "listed");
  CHECK(first("Ｗｅｂ ｄｅｖｅｌｏｐｅｒ") == "2512-2-001");
  CHECK(first("ﬁlm editor") == "3521-3-003");
  CHECK(verdict("²¹⁶⁶-¹") == "listed");
  const Answer a = real().search("２５１２－１－００７", 1);
  CHECK(!a.rewrite);                                  // folding is not a guess
}

TEST_CASE("Kazakh word formation and synonyms") {
  CHECK(verdict("бағдарламалық жасақтама әзірлеушісі") == "listed");
  CHECK(first("бағдарламалық жасақтама әзірлеушісі") == "2512-1-007");
  CHECK(first("бағдарламалық қамсыздандыру дизайнері") == "2512-1-001");
  CHECK(verdict("бағдарламалаушы") != "none");        // an agent noun like бағдарламашы
}

TEST_CASE("a Kazakh word is cut every way its endings allow, in the query and in the titles") {
  CHECK(verdict("ақпаратты қорғау маманымын") == "listed");            // маман + ы + мын, not мама + ны + мын
  CHECK(first("ақпаратты қорғау маманымын") == "2524-0-006");
  CHECK(verdict("Бұлтты есептеу жөніндегі маманмын") == "listed");     // the official «маманы» is маман + ы
}

TEST_CASE("a Kazakh ending on a word the official name spells otherwise: its stem is within the typo budget") {
  // The official Kazakh name is «Дәрігер-нейрохируг»; people write нейрохирург and add endings to it.
  CHECK(verdict("Дәрігер-нейрохирургтар") == "listed");
  CHECK(verdict("мен дәрігер-нейрохирургпын") == "listed");
  CHECK(first("мен дәрігер-нейрохирургпын") == "2217-4-001");
  // A stem that extends a title word's stem is another word, not a typo: акушерка (midwife) is not акушер.
  CHECK(verdict("акушеркалар") != "listed");
  CHECK(verdict("мен акушеркамын") != "listed");
}

TEST_CASE("invisible characters inside a query word are dropped, as in a title (pasted text carries them)") {
  // Zero-width space, BOM, soft hyphen and zero-width joiner inside "нейрохирург": the same answer as typed.
  const std::string typed = "нейрохирург";
  REQUIRE(verdict(typed) == "listed");
  for (const char* invisible : {"\xE2\x80\x8B", "\xEF\xBB\xBF", "\xC2\xAD", "\xE2\x80\x8D"}) {
    const std::string pasted = "нейро" + std::string(invisible) + "хирург";
    CAPTURE(pasted);
    CHECK(verdict(pasted) == "listed");
    CHECK(first(pasted) == first(typed));
  }
}

TEST_CASE("a place one works in or comes from does not block the verdict; a field that narrows the name does") {
  CHECK(verdict("работаю врачом-онкологом в Шымкенте") == "listed");
  CHECK(first("работаю врачом-онкологом в Шымкенте") == "2211-7-004");
  CHECK(verdict("врач-онколог из Индии") == "listed");          // where from
  CHECK(verdict("I work as an endocrinologist in Tashkent") == "listed");
  CHECK(verdict("мен Шымкентте дәрігер-онкологпын") == "listed");  // Kazakh locative of a name
  CHECK(verdict("мен Алматы қаласында дәрігер-онкологпын") == "listed");  // a name before a place noun
  CHECK(verdict("работаю врачом-онкологом в г. Алматы") == "listed");      // «г.» is not the end of a phrase
  // A capital is a name only inside the sentence and when not every word has one: the phone capitalises
  // the first word, and Title Case capitalises every word.
  CHECK(verdict("Қонақүйде аниматормын") != "listed");
  CHECK(verdict("Oncologist At A Veterinary Clinic") != "listed");
  CHECK(verdict("врач-педиатр в Ветеринарной клинике") != "listed");  // an adjective is not a name
  // A workplace named by a common noun: listed when the whole official name is named ...
  CHECK(verdict("работаю бактериологом в лаборатории") == "listed");
  CHECK(verdict("муж работает звукооператором на телевидении") == "listed");
  CHECK(verdict("I work as a sound engineer at a studio in Almaty") == "listed");
  CHECK(verdict("ауруханада дәрігер-онколог болып істеймін") == "listed");
  CHECK(verdict("работаю нейрохирургом в больнице") == "listed");  // «нейрохирург»: «Врач-нейрохирург» shortened
  CHECK(verdict("бизнес-аналитик в банке") != "listed");  // shortened by «в области ИКТ», a qualifier
  // The kind of place before its noun: level, owner, size, country.
  CHECK(verdict("работаю врачом-онкологом в городской больнице") == "listed");
  CHECK(verdict("врач-педиатр в частной клинике") == "listed");
  CHECK(verdict("I am an oncologist at a private clinic") == "listed");
  CHECK(verdict("мен қалалық ауруханада дәрігер-онкологпын") == "listed");
  CHECK(verdict("врач-педиатр в частной") != "listed");  // a kind of place without the place
  CHECK(verdict("жена акушер-гинеколог в роддоме") == "listed");
  CHECK(verdict("авиационный инженер в аэропорту Алматы") == "listed");
  CHECK(verdict("I work as a medical physicist in a radiotherapy department") != "listed");  // a field before it
  CHECK(verdict("менеджер проектов в крупной строительной компании") != "listed");  // a field inside the phrase
  // ... for it may name a field, which narrows a part of a name or an alias, or, with an adjective, is
  // another field altogether.
  CHECK(verdict("менеджер проектов в строительстве") != "listed");
  CHECK(verdict("аниматор в отеле") != "listed");
  CHECK(verdict("врач-онколог в ветеринарной клинике") != "listed");
  CHECK(verdict("врач-онколог в ветеринарии") != "listed");      // not a place noun: a field
  CHECK(verdict("врач-онколог в ветклинике") != "listed");
  CHECK(verdict("oncologist at a veterinary clinic") != "listed");
  CHECK(verdict("Ветеринарияда дәрігер-онкологпын") != "listed");
  CHECK(verdict("аниматор из отеля") != "listed");               // from a place noun: as in one
  // A phrase of names ends at the first word that is not one: the job after it is still read.
  CHECK(verdict("по диплому педиатр, работаю в Алматы стоматологом") != "listed");
  // A word being typed that ends like a Kazakh locative is still the start of a title word.
  CHECK(verdict("анесте") == "listed");
  // With nothing else, the words after a preposition are the query: «стоматолог» is read, not dropped.
  CHECK(verdict("есть ли в списке профессия стоматолог") == "none");
  // A phrase holding a title word is not a place: «пищевой» stays required.
  CHECK(verdict("инженер-технолог в Пищевой промышленности") != "listed");
  // A place alone names nothing.
  CHECK(verdict("в Шымкенте") != "listed");
  CHECK(verdict("в Шымкенте") != "broad");
}

TEST_CASE("what else a sentence says is still matched: a clause may name the real job or change the field") {
  CHECK(verdict("я медсестра, анестезиолог-реаниматолог") != "listed");
  CHECK(verdict("я медсестра, работаю в онкологии") != "listed");
  CHECK(verdict("Я ветеринар, онколог") != "listed");
  CHECK(verdict("врач-онколог, ветеринарная клиника") != "listed");
  CHECK(verdict("педиатр, по факту стоматолог") != "listed");
  CHECK(verdict("мастер производственного обучения, парикмахерское искусство") != "listed");
}

TEST_CASE("a verb stands for the agent noun of its root") {
  CHECK(verdict("разрабатываю мобильные приложения") == "listed");
  CHECK(first("разрабатываю мобильные приложения") == "2512-2-003");
  CHECK(verdict("администрирую серверы") == "listed");
  CHECK(first("администрирую серверы") == "2522-0-003");
  CHECK(verdict("I edit videos") == "listed");
  CHECK(verdict("разрабатываю программное обеспечение") == "listed");
  CHECK(verdict("разрабатываю") == "none");             // the word being typed may still become anything
  CHECK(verdict("разрабатываю ") == "broad");           // typed in full: several developers are listed
  CHECK(verdict("монтажник") != "listed");              // an agent of its own, not «монтажер»
  CHECK(verdict("радиоведущий") != "listed");           // «радио-» alone is no shared root with «радиохимик»
  CHECK(verdict("исследование полезных ископаемых") != "listed");  // an action noun: the research, not its researcher
  CHECK(verdict("по специальности ") != "broad");       // a frame word: «специальность» names no «специалист»
}

TEST_CASE("pronouns and relatives are a sentence's frame once typed in full, not while being typed") {
  CHECK(verdict("моя жена врач акушер-гинеколог, она подходит?") == "listed");
  CHECK(verdict("мой брат врач-неонатолог") == "listed");
  CHECK(verdict("врач-он") != "broad");  // «он» being typed is the start of «онколог», not a pronoun
  CHECK(verdict("у моего отца диплом врача-онколога") == "listed");
  CHECK(verdict("сестра-анестезист") != "listed");  // joined to a word, «сестра» is part of a title
  CHECK(verdict("я врач-педиатр с 10-летним стажем") == "listed");
  CHECK(verdict("имею диплом врача-эндокринолога") == "listed");
  // Every form of a frame word: Snowball stems «опыт» to «оп» but «опыта» to «опыт».
  CHECK(verdict("видеомонтажер, 3 года опыта") == "listed");
  CHECK(verdict("мен Ресейден келген дәрігер-педиатрмын") == "listed");
  CHECK(verdict("әйелім дәрігер-гематолог, ол тізімге кіре ме?") == "listed");
}

TEST_CASE("a word that only sounds like an English function word names nothing") {
  // «Индии» romanized sounds like "and" (n, d); short prefixes sounded like "an", "of", "to".
  CHECK(verdict("Индии") != "broad");
  CHECK(verdict("ане") != "broad");
  CHECK(verdict("өрт") != "broad");
}

TEST_CASE("a listed name in full among words nothing explains is 'mentioned': neither listed nor not found") {
  // The name is there; what the other words say about the person is unknown.
  CHECK(verdict("My brother is a neurosurgeon and wants to move to Astana") == "mentioned");
  CHECK(first("My brother is a neurosurgeon and wants to move to Astana") == "2217-4-001");
  CHECK(verdict("врач-нейрохирург, оперирую позвоночник") == "mentioned");
  CHECK(verdict("ассистент врача-нейрохирурга") == "mentioned");   // says only that the name is there
  // Only a whole name counts, not its head with a different qualifier.
  CHECK(verdict("врач функциональной диагностики") == "suggestions");  // «Врач лучевой диагностики»
  // The head as a word of its own: "design" shares the stem of "designer", but is not the person.
  CHECK(verdict("graphic design student") == "suggestions");
  CHECK(verdict("graphic designer student") == "mentioned");
  // An alias that is the official name without its common words is that name; a guessed reading is not.
  CHECK(verdict("работаю онкологом в онкодиспансере") == "mentioned");   // «онколог» of «Врач-онколог»
  CHECK(verdict("oncology nurse") == "suggestions");                       // read as «онкологы нурсе»
  // Two names in full: which one is the person's is unknown.
  CHECK(verdict("врач-онколог и врач-гематолог") == "suggestions");
  // Every word explained stays listed; a name alone stays listed.
  CHECK(verdict("я работаю врачом-нейрохирургом") == "listed");
  CHECK(verdict("нейрохирург") == "listed");
}

TEST_CASE("object pronouns and the conjunctions joining a sentence's clauses are part of its frame") {
  CHECK(verdict("ему дадут пмж если он нейрохирург") == "listed");
  CHECK(verdict("если нейрохирург, ей дадут пмж?") == "listed");
  CHECK(verdict("бірақ мен онколог") == "listed");
  CHECK(verdict("if I am a neurosurgeon can I apply") == "listed");
  // Negation is not a frame word: the sentence says the person is not one.
  CHECK(verdict("но я не нейрохирург") != "listed");
  CHECK(verdict("I am not a neurosurgeon") != "listed");
  CHECK(verdict("им") == "none");   // a pronoun alone names nothing
}

TEST_CASE("an alias names its job with its field: leaving out a specific word before a matched one is not listed") {
  CHECK(verdict("преподаватель вуза") != "listed");        // «преподаватель информатики в вузе»: any subject
  CHECK(first("преподаватель вуза") == "2317-0-003");       // still found first
  CHECK(verdict("преподаватель информатики в вузе") == "listed");
  CHECK(verdict("информатика оқытушысы") == "listed");
  CHECK(verdict("ЖОО оқытушысы") != "listed");              // a university lecturer of any subject
  CHECK(verdict("лазер") == "listed");                      // the head of an alias may be left out
  CHECK(verdict("аналитик данных") != "listed");            // a dropped adjective, as before
}
