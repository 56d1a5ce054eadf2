// The synthetic lists of the benchmark (tests/bench/bench.mjs): the real 51 entries followed by
// generated titles from a parallel ru/kk/en vocabulary, deterministic (seeded PRNG), same schema as
// data/professions.json; and the typing sequences run against them. Every engine gets the same data.
/** mulberry32: small deterministic PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Parallel vocabulary [ru, kk, en]. Titles: "<Rank> <head> по <activity> <sector>" and the
// Kazakh / English equivalents "<Sector> <activity> жөніндегі <rank> <head>", "<rank> <activity> <head> (<sector>)".
export const HEADS = [
  ['инженер', 'инженер', 'engineer'], ['специалист', 'маман', 'specialist'], ['техник', 'техник', 'technician'],
  ['оператор', 'оператор', 'operator'], ['мастер', 'шебер', 'foreman'], ['менеджер', 'менеджер', 'manager'],
  ['аналитик', 'талдаушы', 'analyst'], ['технолог', 'технолог', 'technologist'], ['консультант', 'кеңесші', 'consultant'],
  ['механик', 'механик', 'mechanic'], ['разработчик', 'әзірлеуші', 'developer'], ['администратор', 'әкімші', 'administrator'],
  ['инспектор', 'инспектор', 'inspector'], ['лаборант', 'зертханашы', 'laboratory assistant'], ['эксперт', 'сарапшы', 'expert'],
  ['координатор', 'үйлестіруші', 'coordinator'], ['диспетчер', 'диспетчер', 'dispatcher'], ['наладчик', 'баптаушы', 'adjuster'],
  ['исследователь', 'зерттеуші', 'researcher'], ['методист', 'әдіскер', 'methodologist'], ['архитектор', 'сәулетші', 'architect'],
  ['экономист', 'экономист', 'economist'], ['конструктор', 'құрастырушы', 'designer'], ['преподаватель', 'оқытушы', 'lecturer'],
];
export const RANKS = [['', '', ''], ['', '', ''], ['ведущий ', 'жетекші ', 'lead '], ['старший ', 'аға ', 'senior '],
  ['главный ', 'бас ', 'chief '], ['младший ', 'кіші ', 'junior ']];
export const ACTIVITIES = [
  ['автоматизации', 'автоматтандыру', 'automation'], ['охране труда', 'еңбекті қорғау', 'occupational safety'],
  ['контролю качества', 'сапаны бақылау', 'quality control'], ['ремонту оборудования', 'жабдықты жөндеу', 'equipment repair'],
  ['наладке', 'баптау', 'commissioning'], ['снабжению', 'жабдықтау', 'procurement'], ['сбыту', 'өткізу', 'sales'],
  ['эксплуатации', 'пайдалану', 'operations'], ['метрологии', 'метрология', 'metrology'],
  ['стандартизации', 'стандарттау', 'standardization'], ['логистике', 'логистика', 'logistics'],
  ['планированию', 'жоспарлау', 'planning'], ['проектированию', 'жобалау', 'design'], ['испытаниям', 'сынау', 'testing'],
  ['монтажу', 'монтаждау', 'installation'], ['диагностике', 'диагностика', 'diagnostics'],
  ['обучению персонала', 'персоналды оқыту', 'staff training'], ['энергосбережению', 'энергия үнемдеу', 'energy saving'],
  ['экологии', 'экология', 'ecology'], ['защите данных', 'деректерді қорғау', 'data protection'],
  ['телекоммуникациям', 'телекоммуникация', 'telecommunications'], ['сварке', 'дәнекерлеу', 'welding'],
  ['бурению', 'бұрғылау', 'drilling'], ['добыче', 'өндіру', 'extraction'], ['переработке', 'қайта өңдеу', 'processing'],
  ['хранению', 'сақтау', 'storage'], ['транспортировке', 'тасымалдау', 'transportation'], ['учету', 'есепке алу', 'accounting'],
  ['аудиту', 'аудит', 'audit'], ['маркетингу', 'маркетинг', 'marketing'], ['программному обеспечению', 'бағдарламалық қамтамасыз ету', 'software'],
  ['информационной безопасности', 'ақпараттық қауіпсіздік', 'information security'],
];
export const SECTORS = [
  ['нефтяной промышленности', 'мұнай өнеркәсібі', 'petroleum industry'], ['газовой отрасли', 'газ саласы', 'gas sector'],
  ['горнодобывающей промышленности', 'тау-кен өнеркәсібі', 'mining'], ['металлургии', 'металлургия', 'metallurgy'],
  ['химического производства', 'химия өндірісі', 'chemical production'], ['пищевой промышленности', 'тамақ өнеркәсібі', 'food industry'],
  ['сельского хозяйства', 'ауыл шаруашылығы', 'agriculture'], ['энергетики', 'энергетика', 'power engineering'],
  ['строительства', 'құрылыс', 'construction'], ['железнодорожного транспорта', 'темір жол көлігі', 'railway transport'],
  ['авиации', 'авиация', 'aviation'], ['связи', 'байланыс', 'communications'], ['банковской сферы', 'банк саласы', 'banking'],
  ['здравоохранения', 'денсаулық сақтау', 'health care'], ['образования', 'білім беру', 'education'],
  ['машиностроения', 'машина жасау', 'mechanical engineering'], ['легкой промышленности', 'жеңіл өнеркәсіп', 'light industry'],
  ['водного хозяйства', 'су шаруашылығы', 'water management'], ['лесного хозяйства', 'орман шаруашылығы', 'forestry'],
  ['информационных систем', 'ақпараттық жүйелер', 'information systems'], ['цифровых платформ', 'цифрлық платформалар', 'digital platforms'],
  ['морского порта', 'теңіз порты', 'seaport'], ['атомной энергетики', 'атом энергетикасы', 'nuclear power'],
  ['фармацевтики', 'фармацевтика', 'pharmaceuticals'], ['текстильного производства', 'тоқыма өндірісі', 'textile production'],
  ['полиграфии', 'полиграфия', 'printing'], ['телевидения', 'телевизия', 'television'], ['туризма', 'туризм', 'tourism'],
  ['торговли', 'сауда', 'trade'], ['нефтехимии', 'мұнай химиясы', 'petrochemicals'],
];
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** The real 51 entries followed by generated ones up to `n`; same schema as data/professions.json. */
export function syntheticData(real, n, seed = 20240503) {
  const rnd = prng(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const groups = [...real.groups, { id: 'synthetic-industry', kk: ['Өнеркәсіп (синтетикалық)'], ru: ['Промышленность (синтетическая)'], unofficial: { en: 'Industry (synthetic)' } },
    { id: 'synthetic-services', kk: ['Қызметтер (синтетикалық)'], ru: ['Услуги (синтетические)'], unofficial: { en: 'Services (synthetic)' } }];
  const professions = real.professions.map((p) => ({ ...p }));
  const codes = new Set(professions.map((p) => p.code));
  const titles = new Set(professions.map((p) => p.ru));
  const groupIds = groups.map((g) => g.id);
  let guard = 0;
  while (professions.length < n) {
    if (++guard > n * 50) throw new Error('synthetic generator: vocabulary too small for n');
    const [hr, hk, he] = pick(HEADS), [rr, rk, re] = pick(RANKS), [ar, ak, ae] = pick(ACTIVITIES), [sr, sk, se] = pick(SECTORS);
    let ru = `${rr}${hr} по ${ar} ${sr}`, kk = `${sk} ${ak} жөніндегі ${rk}${hk}`, en = `${re}${ae} ${he} (${se})`;
    if (rnd() < 0.5) { // a second activity: "... по A и B ..."
      const [a2r, a2k, a2e] = pick(ACTIVITIES);
      if (a2r === ar) continue;
      ru = `${rr}${hr} по ${ar} и ${a2r} ${sr}`; kk = `${sk} ${ak} және ${a2k} жөніндегі ${rk}${hk}`; en = `${re}${ae} and ${a2e} ${he} (${se})`;
    }
    if (titles.has(ru)) continue;
    let code;
    do {
      code = `${1000 + Math.floor(rnd() * 9000)}-${Math.floor(rnd() * 10)}-${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
    } while (codes.has(code));
    codes.add(code); titles.add(ru);
    professions.push({ position: 0, code, group: pick(groupIds), kk: cap(kk), ru: cap(ru),
      unofficial: { en: cap(en), aliases: { ru: [], kk: [], en: [] } } });
  }
  professions.forEach((p, i) => { p.position = i + 1; });
  return { meta: { ...real.meta, data_version: `synthetic-${n}-seed${seed}` }, groups, professions };
}

/** Typing sequences for the synthetic lists: 60 % spread evenly over `positives` (positive queries of queries.tsv), the rest vocabulary phrases. */
export function typingSequences(positives, count, seed = 7) {
  const rnd = prng(seed);
  const pos = positives;
  const out = [];
  const fromTsv = Math.min(pos.length, Math.round(count * 0.6));
  const step = pos.length / fromTsv;
  for (let i = 0; i < fromTsv; i++) out.push(pos[Math.floor(i * step)]);
  while (out.length < count) {
    const h = HEADS[Math.floor(rnd() * HEADS.length)], a = ACTIVITIES[Math.floor(rnd() * ACTIVITIES.length)];
    const s = SECTORS[Math.floor(rnd() * SECTORS.length)];
    const forms = [`${h[0]} по ${a[0]}`, `${h[0]} ${s[0]}`, `${s[1]} ${h[1]}`, `${a[1]} ${h[1]}`, `${a[2]} ${h[2]}`,
      `${RANKS[2 + Math.floor(rnd() * 4)][0]}${h[0]}`];
    out.push(forms[Math.floor(rnd() * forms.length)]);
  }
  return out;
}
