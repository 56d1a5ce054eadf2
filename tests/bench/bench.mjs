// Benchmark of the kzprof search (not a test: it never fails on numbers, it prints them).
//
//   a. Size: raw and gzip -9 bytes of what the page ships for search (kzprof-core.wasm,
//      kzprof-core.mjs, kzprof.mjs). Goal: <= 60 KB gzip for wasm + JS glue.
//   b. Latency through the JS API in Node on the real 51 entries: every query of
//      tests/relevance/queries.tsv and every keystroke prefix of it, many rounds; p50/p95/p99/max
//      in µs. Goal: p99 <= 50 µs.
//   c. Scale: a synthetic list of 100,000 generated titles (same schema, deterministic PRNG):
//      index build time (createMatcher) and per-keystroke latency over a few hundred typing
//      sequences. Goals: build <= 1 s, p99 <= 16 ms.
//   d. Comparison with Fuse.js, MiniSearch and FlexSearch (node_modules, standard configs) on the
//      same data and the same queries.tsv: per-category top-1/top-3, claims on negatives,
//      latency p50/p99, bundle size gz.
//
// Run (after `cmake --build --preset wasm`, which assembles build/site):
//   node tests/bench/bench.mjs                       # against build/site
//   KZPROF_SITE=build/rel-site node tests/bench/bench.mjs --json out.json
// Options: --json FILE      also write all figures as JSON
//          --rounds N       rounds over the keystroke set in (b) and (d)          (default 20)
//          --lib-rounds N   rounds over the keystroke set for each engine in (d)  (default 2)
//          --synthetic N    size of the synthetic list in (c); 0 skips (c)        (default 100000)
//          --sequences N    typing sequences in (c)                                (default 300)
//          --budget S       stop (c)'s keystroke loop after S seconds              (default 60)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import {
  REPO, CATEGORIES, NEGATIVE, loadSite, loadQueries, keystrokes, evaluate, kzprofEngine, positivesTotal,
  summarize, table, fmtPct,
} from '../relevance/queries.mjs';

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const JSON_OUT = opt('json', null);
const ROUNDS = Number(opt('rounds', 20));
const LIB_ROUNDS = Number(opt('lib-rounds', 2));
const SYN_N = Number(opt('synthetic', 100000));
const SEQUENCES = Number(opt('sequences', 300));
const BUDGET_S = Number(opt('budget', 60));

const report = { when: new Date().toISOString(), node: process.version };
const now = () => process.hrtime.bigint();
const us = (ns) => Number(ns) / 1e3;
const fmtUs = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const fmtMs = (x) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const say = (s = '') => console.log(s);

const site = await loadSite();
const queries = loadQueries({ data: site.data });
const matcher = await site.createMatcher(site.dataText, { wasmBinary: site.wasmBinary });
report.site = site.site;
report.data_version = matcher.meta.data_version ?? null;
say(`kzprof benchmark — site ${site.site}, data ${report.data_version}, ${queries.length} queries, node ${process.version}`);

// ---------------------------------------------------------------- a. size
{
  const rows = [];
  const sizes = {};
  let raw = 0, gzip = 0;
  for (const f of [site.files.wasm, site.files.glue, site.files.api]) {
    const buf = fs.readFileSync(path.join(site.site, f));
    const g = gz(buf);
    sizes[f] = { raw: buf.length, gzip: g };
    raw += buf.length; gzip += g;
    rows.push([f, buf.length, g, kb(g)]);
  }
  rows.push(['total (wasm + JS glue + API)', raw, gzip, kb(gzip)]);
  const data = fs.readFileSync(path.join(site.site, site.files.data));
  rows.push([`(${site.files.data}, not counted)`, data.length, gz(data), kb(gz(data))]);
  report.size = { files: sizes, total: { raw, gzip }, goal_gzip: 60 * 1024, ok: gzip <= 60 * 1024 };
  say('\n## a. Size (gzip -9)\n');
  say(table(['file', 'raw bytes', 'gzip bytes', 'gzip'], rows));
  say(`\ngoal: total <= 60 KB gzip -> ${gzip <= 60 * 1024 ? 'OK' : 'OVER'} (${kb(gzip)})`);
}

// ---------------------------------------------------------------- latency helper
/** Distinct inputs: every query and every keystroke prefix of it. */
const inputs = [...new Set(queries.flatMap((q) => keystrokes(q.query)))];

/** Times `fn(input)` for each input, `rounds` times (after one warm-up round); returns µs samples. */
function timeCalls(fn, list, rounds) {
  for (const q of list) fn(q);
  const samples = new Float64Array(list.length * rounds);
  let k = 0;
  for (let r = 0; r < rounds; r++) {
    for (const q of list) {
      const t0 = now();
      fn(q);
      samples[k++] = us(now() - t0);
    }
  }
  return summarize(samples);
}

// ---------------------------------------------------------------- b. latency on the 51 entries
{
  const s = timeCalls((q) => matcher.search(q, { limit: 10 }), inputs, ROUNDS);
  report.latency51 = { inputs: inputs.length, rounds: ROUNDS, unit: 'us', ...s, goal_p99_us: 50, ok: s.p99 <= 50 };
  say(`\n## b. Latency through the JS API, real ${matcher.entries.length} entries\n`);
  say(`${inputs.length} distinct inputs (queries + every keystroke prefix) × ${ROUNDS} rounds = ${s.n} calls, limit 10\n`);
  say(table(['engine', 'calls', 'p50 µs', 'p95 µs', 'p99 µs', 'max µs'],
    [['kzprof (wasm)', s.n, fmtUs(s.p50), fmtUs(s.p95), fmtUs(s.p99), fmtUs(s.max)]]));
  say(`\ngoal: p99 <= 50 µs -> ${s.p99 <= 50 ? 'OK' : 'OVER'}`);
}

// ---------------------------------------------------------------- c. synthetic 100k list
/** mulberry32: small deterministic PRNG. */
function prng(seed) {
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
const HEADS = [
  ['инженер', 'инженер', 'engineer'], ['специалист', 'маман', 'specialist'], ['техник', 'техник', 'technician'],
  ['оператор', 'оператор', 'operator'], ['мастер', 'шебер', 'foreman'], ['менеджер', 'менеджер', 'manager'],
  ['аналитик', 'талдаушы', 'analyst'], ['технолог', 'технолог', 'technologist'], ['консультант', 'кеңесші', 'consultant'],
  ['механик', 'механик', 'mechanic'], ['разработчик', 'әзірлеуші', 'developer'], ['администратор', 'әкімші', 'administrator'],
  ['инспектор', 'инспектор', 'inspector'], ['лаборант', 'зертханашы', 'laboratory assistant'], ['эксперт', 'сарапшы', 'expert'],
  ['координатор', 'үйлестіруші', 'coordinator'], ['диспетчер', 'диспетчер', 'dispatcher'], ['наладчик', 'баптаушы', 'adjuster'],
  ['исследователь', 'зерттеуші', 'researcher'], ['методист', 'әдіскер', 'methodologist'], ['архитектор', 'сәулетші', 'architect'],
  ['экономист', 'экономист', 'economist'], ['конструктор', 'құрастырушы', 'designer'], ['преподаватель', 'оқытушы', 'lecturer'],
];
const RANKS = [['', '', ''], ['', '', ''], ['ведущий ', 'жетекші ', 'lead '], ['старший ', 'аға ', 'senior '],
  ['главный ', 'бас ', 'chief '], ['младший ', 'кіші ', 'junior ']];
const ACTIVITIES = [
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
const SECTORS = [
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
function syntheticData(real, n, seed = 20240503) {
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

/** Typing sequences for the synthetic list: positive queries of queries.tsv plus vocabulary phrases. */
function typingSequences(count, seed = 7) {
  const rnd = prng(seed);
  const pos = queries.filter((q) => q.category !== NEGATIVE).map((q) => q.query);
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

if (SYN_N > 0) {
  say(`\n## c. Synthetic list: ${SYN_N.toLocaleString('en')} titles\n`);
  const t0 = now();
  const syn = syntheticData(site.data, SYN_N);
  const synText = JSON.stringify(syn);
  const genMs = us(now() - t0) / 1e3;
  const builds = [];
  let big = null, error = null;
  // Up to 3 builds (median reported); a slow build (> 2 s) is not repeated.
  for (let i = 0; i < 3 && !error && !(builds.length && builds[builds.length - 1] > 2000); i++) {
    big?.dispose();
    const tb = now();
    try {
      big = await site.createMatcher(synText, { wasmBinary: site.wasmBinary });
      builds.push(us(now() - tb) / 1e3);
    } catch (e) {
      error = e.message.split('\n').slice(0, 4).join(' / ');
    }
  }
  const tSmall = now();
  (await site.createMatcher(site.dataText, { wasmBinary: site.wasmBinary })).dispose();
  const smallMs = us(now() - tSmall) / 1e3;
  report.synthetic = { n: SYN_N, json_bytes: Buffer.byteLength(synText), generate_ms: genMs, error };
  if (error) {
    say(`the core REJECTED the synthetic data: ${error}`);
  } else {
    const build = [...builds].sort((a, b) => a - b)[Math.floor((builds.length - 1) / 2)];
    const seqs = typingSequences(SEQUENCES);
    const samples = [];
    const deadline = Date.now() + BUDGET_S * 1000;
    let seqDone = 0;
    for (const q of seqs) {
      if (Date.now() > deadline) break;
      for (const k of keystrokes(q)) {
        const ts = now();
        big.search(k, { limit: 10 });
        samples.push(us(now() - ts) / 1e3);
      }
      seqDone++;
    }
    const s = summarize(samples);
    report.synthetic = { ...report.synthetic, build_ms: builds, build_ms_median: build, build_small_ms: smallMs,
      sequences: seqDone, keystrokes: s.n, unit: 'ms', ...s, goal_build_ms: 1000, goal_p99_ms: 16,
      ok: build <= 1000 && s.p99 <= 16 };
    say(`generated in ${genMs.toFixed(0)} ms, JSON ${kb(Buffer.byteLength(synText))}; 51 real entries included; build = createMatcher (JSON.parse + wasm instantiate + core load/index)\n`);
    say(table(['measure', 'value', 'goal'], [
      [`build (createMatcher), median of ${builds.length}`, `${fmtMs(build)} ms`, '<= 1000 ms'],
      ['build runs', builds.map(fmtMs).join(' / ') + ' ms', ''],
      ['createMatcher on the real 51 (baseline)', `${fmtMs(smallMs)} ms`, ''],
      [`keystrokes (${seqDone} sequences${seqDone < seqs.length ? ', budget hit' : ''})`, s.n, ''],
      ['keystroke p50', `${fmtMs(s.p50)} ms`, ''],
      ['keystroke p95', `${fmtMs(s.p95)} ms`, ''],
      ['keystroke p99', `${fmtMs(s.p99)} ms`, '<= 16 ms'],
      ['keystroke max', `${fmtMs(s.max)} ms`, ''],
    ], ['l', 'r', 'r']));
    say(`\ngoals: build ${build <= 1000 ? 'OK' : 'OVER'}, p99 ${s.p99 <= 16 ? 'OK' : 'OVER'}`);
    big.dispose();
  }
}

// ---------------------------------------------------------------- d. comparison with libraries
const require = createRequire(import.meta.url);
const nm = path.join(REPO, 'node_modules');

/** The file a web developer ships: package.json "module" (else "main"), plus a .min sibling if any. */
function libBundle(pkgName, minCandidates = []) {
  const dir = path.join(nm, pkgName);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const field = pkg.module ? 'module' : 'main';
  const rel = pkg[field].replace(/^\.\//, '');
  const buf = fs.readFileSync(path.join(dir, rel));
  const out = { name: pkg.name, version: pkg.version, file: `${rel} (package.json "${field}")`, raw: buf.length, gzip: gz(buf) };
  for (const m of minCandidates) {
    if (m === rel || !fs.existsSync(path.join(dir, m))) continue;
    const b = fs.readFileSync(path.join(dir, m));
    out.min = { file: m, raw: b.length, gzip: gz(b) };
  }
  return out;
}

const docs = site.data.professions.map((p) => ({
  id: p.code, code: p.code, kk: p.kk, ru: p.ru, en: p.unofficial?.en ?? '',
  aliases: p.unofficial?.aliases ?? { ru: [], kk: [], en: [] },
  aliasText: Object.values(p.unofficial?.aliases ?? {}).flat().join(' ; '),
}));

async function libraries() {
  const { default: Fuse } = await import(path.join(nm, 'fuse.js/dist/fuse.mjs'));
  const { default: MiniSearch } = await import(path.join(nm, 'minisearch/dist/es/index.js'));
  const { default: FlexSearch } = await import(path.join(nm, 'flexsearch/dist/flexsearch.bundle.module.min.mjs'));

  // Fuse.js: the usual config, threshold 0.4 over all name fields (arrays for the aliases).
  const fuse = new Fuse(docs, { keys: ['code', 'kk', 'ru', 'en', 'aliases.ru', 'aliases.kk', 'aliases.en'], threshold: 0.4, includeScore: true });
  // MiniSearch: prefix + fuzzy 0.2 search, aliases as one text field.
  const mini = new MiniSearch({ idField: 'id', fields: ['code', 'kk', 'ru', 'en', 'aliasText'], searchOptions: { prefix: true, fuzzy: 0.2 } });
  mini.addAll(docs);
  // FlexSearch: Document index, forward tokenizer, merged field results.
  const flex = new FlexSearch.Document({ tokenize: 'forward', document: { id: 'id', index: ['code', 'kk', 'ru', 'en', 'aliasText'] } });
  for (const d of docs) flex.add(d);

  const claimEngine = (fn) => (q) => { const codes = fn(q); return { codes, claim: codes.length > 0, listed: false, verdict: codes.length ? 'results' : 'empty' }; };
  return [
    { name: 'Fuse.js', engine: claimEngine((q) => fuse.search(q, { limit: 10 }).map((r) => r.item.code)),
      bundle: libBundle('fuse.js', ['dist/fuse.min.mjs']),
      config: "keys code,kk,ru,en,aliases.{ru,kk,en}; threshold 0.4" },
    { name: 'MiniSearch', engine: claimEngine((q) => mini.search(q).slice(0, 10).map((r) => r.id)),
      bundle: libBundle('minisearch'), config: 'fields code,kk,ru,en,aliases; prefix true, fuzzy 0.2' },
    { name: 'FlexSearch', engine: claimEngine((q) => flex.search(q, { limit: 10, merge: true }).map((r) => r.id)),
      bundle: libBundle('flexsearch'), config: "Document, tokenize 'forward', fields code,kk,ru,en,aliases, merge" },
  ];
}

{
  const ours = { name: 'kzprof', engine: kzprofEngine(matcher),
    bundle: { file: 'kzprof-core.wasm + kzprof-core.mjs + kzprof.mjs', raw: report.size.total.raw, gzip: report.size.total.gzip },
    config: 'claim = verdict listed' };
  const engines = [ours, ...(await libraries())];
  for (const e of engines) {
    e.rel = evaluate(queries, e.engine);
    e.lat = timeCalls(e.engine, inputs, LIB_ROUNDS);
  }
  say(`\n## d. Comparison on the same ${docs.length} entries and the same ${queries.length} queries\n`);
  say('top-1 / top-3 per category; negatives: share of queries where the engine claims a match ' +
    '(kzprof: verdict listed; libraries: any result returned)\n');
  const header = ['category', 'n', ...engines.map((e) => `${e.name} top-1/top-3`)];
  const rows = [];
  for (const c of CATEGORIES) {
    const n = ours.rel.get(c)?.n;
    if (!n) continue;
    if (c === NEGATIVE) rows.push([`${c} (claims)`, n, ...engines.map((e) => fmtPct(e.rel.get(c).claims, n))]);
    else rows.push([c, n, ...engines.map((e) => { const s = e.rel.get(c); return `${fmtPct(s.top1, n)} / ${fmtPct(s.top3, n)}`; })]);
  }
  const totals = engines.map((e) => positivesTotal(e.rel));
  rows.push(['all positives', totals[0].n, ...totals.map((t) => `${fmtPct(t.top1, t.n)} / ${fmtPct(t.top3, t.n)}`)]);
  say(table(header, rows));

  say(`\nlatency per call on the ${docs.length} entries (${inputs.length} inputs × ${LIB_ROUNDS} rounds, through each engine's search call incl. mapping to codes), and bundle size\n`);
  say(table(['engine', 'p50 µs', 'p99 µs', 'max µs', 'bundle gz', 'bundle raw', 'file shipped', 'config'],
    engines.map((e) => [e.name, fmtUs(e.lat.p50), fmtUs(e.lat.p99), fmtUs(e.lat.max), e.bundle.gzip, e.bundle.raw,
      e.bundle.file + (e.bundle.min ? `; minified ${e.bundle.min.file}: ${e.bundle.min.gzip} gz` : ''), e.config]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'l']));

  report.comparison = engines.map((e) => ({
    engine: e.name, config: e.config, bundle: e.bundle, latency_us: e.lat,
    categories: Object.fromEntries([...e.rel].map(([c, s]) => [c, c === NEGATIVE
      ? { n: s.n, claims: s.claims, claims_pct: (100 * s.claims) / s.n, listed: s.listed }
      : { n: s.n, top1: s.top1, top3: s.top3, top1_pct: (100 * s.top1) / s.n, top3_pct: (100 * s.top3) / s.n, listed: s.listed }])),
  }));
}

if (JSON_OUT) {
  fs.writeFileSync(JSON_OUT, `${JSON.stringify(report, null, 2)}\n`);
  say(`\nfigures written to ${JSON_OUT}`);
}
