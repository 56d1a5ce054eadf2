// Relevance report of the matcher on tests/relevance/queries.tsv, through the exact artifact the page
// ships (${KZPROF_SITE}/kzprof.mjs + kzprof-core.wasm + professions.json; default build/site).
//
// For each category it prints n, top-1 %, top-3 % and the share of positives answered with the
// verdict 'listed'; for negatives, the number of 'listed' verdicts (must be 0: a profession that
// is not on the list must never be reported as listed). It fails when a category is below its floor
// (FLOORS below) and prints the failing queries (query, expected, got) for diagnosis.
//
// Run: ctest --preset wasm (as relevance_relevance), or
//      KZPROF_SITE=build/site node --test tests/relevance/relevance.test.mjs
//      node tests/relevance/relevance.test.mjs            (standalone, same output)
// Env: KZPROF_SITE (site dir), KZPROF_FAILURES (failing queries shown per category, default 8).
//
// Issue 11 fixtures (written before the issue-11 engine work, see their headers): negatives.tsv (common
// professions NOT on the list: every 'listed' verdict is printed with its line), behaviours.tsv (sentences,
// jargon, abbreviations, compatibility forms, Kazakh word formation, broad words, full names; a dev set:
// its misses are printed) and holdout2.tsv (a fresh holdout: ONLY aggregate figures are printed, never
// its lines). Each is reported per category: top-1, top-3, verdict accuracy, the share of 'listed:' queries
// answered 'listed' with the right code first, 'broad:' queries answered 'none', negatives answered 'listed'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOLDOUT_TSV, DEV2_TSV, NEGATIVES_TSV, BEHAVIOURS_TSV, HOLDOUT2_TSV, NEGATIVES3_TSV, POSITIVES4_TSV, HOLDOUT5_TSV, DEV6_TSV, HOLDOUT6_TSV, DEV7_TSV, HOLDOUT8_TSV, loadSite, headlineText, negativesTotal, positivesTotal, loadQueries, evaluate, kzprofEngine, relevanceTable, failuresText, pct, NEGATIVE,
} from './queries.mjs';

// Floors in percent (top1, top3: share of queries whose first / first three results contain an
// acceptable code; listed: share of positives answered with verdict 'listed').
// Raise these as the engine improves, never lower them. Set from the first full measurement
// (99.8 % top-1, 100 % top-3 overall), a few points below it per category. The 'listed' floors of prefix,
// layout, translit and code were lowered once, by issue 11's rules (the answers are more honest, not worse):
// a query that names several listed professions is now 'broad', not 'listed' ("програм", "2512", and
// "программист", an alias of one entry but a word of two official names); a transliteration or a layout
// with a typo on top is no longer 'listed' (no stacked guesses).
export const FLOORS = {
  exact:    { top1: 95, top3: 98, listed: 95 },
  kazakh:   { top1: 95, top3: 98, listed: 70 },
  prefix:   { top1: 95, top3: 98, listed: 36 },
  compound: { top1: 95, top3: 98, listed: 35 },
  typo:     { top1: 95, top3: 98, listed: 85 },
  morph:    { top1: 95, top3: 98, listed: 80 },
  nokk:     { top1: 95, top3: 98, listed: 70 },
  layout:   { top1: 95, top3: 98, listed: 88 },
  translit: { top1: 95, top3: 98, listed: 82 },
  code:     { top1: 95, top3: 98, listed: 65 },
  english:  { top1: 95, top3: 98, listed: 80 },
  alias:    { top1: 95, top3: 98, listed: 95 },
};
// Negatives: the most 'listed' verdicts allowed. This one is not a floor: it stays 0.
export const NEGATIVE_MAX_LISTED = 0;

const PER_CATEGORY = Number(process.env.KZPROF_FAILURES ?? 8);

const site = await loadSite();
const queries = loadQueries({ data: site.data });
const matcher = await site.createMatcher(site.dataText, { wasmBinary: site.wasmBinary });
const results = evaluate(queries, kzprofEngine(matcher));

console.log(`\nRelevance on ${queries.length} queries (${site.site}, data ${matcher.meta.data_version ?? '?'}):\n`);
console.log(relevanceTable(results));
const fails = failuresText(results, PER_CATEGORY);
if (fails) console.log(`\nFailing queries (at most ${PER_CATEGORY} per category):\n${fails}`);
console.log('');

// Held-out set: reported, not floored (see the header of holdout.tsv).
const holdout = loadQueries({ file: HOLDOUT_TSV, data: site.data });
const holdoutResults = evaluate(holdout, kzprofEngine(matcher));
// Totals only: printing the misses line by line would show the engineer what to tune on.
console.log(`Held-out queries (${holdout.length}, never tuned on; totals only):\n`);
console.log(relevanceTable(holdoutResults));
console.log('');

// Second development set (dev2.tsv, written before the engine was run on it): reported, not floored.
const dev2 = loadQueries({ file: DEV2_TSV, data: site.data });
const dev2Results = evaluate(dev2, kzprofEngine(matcher));
console.log(`Second development set (${dev2.length}, dev2.tsv):\n`);
console.log(relevanceTable(dev2Results));
const dev2Fails = failuresText(dev2Results, PER_CATEGORY);
if (dev2Fails) console.log(`\ndev2 misses:\n${dev2Fails}`);
console.log('');

// ---- Issue 11 fixtures: figures for every file; gates only on what holds with the engine of today.
const issue11 = {};
for (const [name, file, show] of [
  ['negatives.tsv', NEGATIVES_TSV, 'negatives'], ['behaviours.tsv', BEHAVIOURS_TSV, 'all'], ['holdout2.tsv', HOLDOUT2_TSV, 'none'],
  ['negatives3.tsv', NEGATIVES3_TSV, 'negatives'], ['positives4.tsv', POSITIVES4_TSV, 'all'],
  ['holdout5.tsv', HOLDOUT5_TSV, 'none'], ['dev6.tsv', DEV6_TSV, 'all'], ['holdout6.tsv', HOLDOUT6_TSV, 'none'],
  ['dev7.tsv', DEV7_TSV, 'all'], ['holdout8.tsv', HOLDOUT8_TSV, 'none'],
]) {
  const qs = loadQueries({ file, data: site.data });
  const res = evaluate(qs, kzprofEngine(matcher));
  issue11[name] = { queries: qs, results: res };
  console.log(`${name} (${qs.length} queries${show === 'none' ? '; fresh holdout, aggregate figures only' : ''}):\n`);
  console.log(relevanceTable(res));
  console.log(headlineText(res));
  if (show === 'negatives') {
    const lines = [...res].filter(([c]) => c.startsWith('neg')).flatMap(([, st]) => st.failures);
    if (lines.length) console.log(`\nnegatives answered 'listed' (${lines.length}):\n` + lines
      .map((f) => `  ${name}:${f.line} ${JSON.stringify(f.query)} -> ${f.got.join(', ')}`).join('\n'));
  } else if (show === 'all') {
    const f = failuresText(res, Number(process.env.KZPROF_FAILURES ?? 1000));
    if (f) console.log(`\n${name} misses (top-1 miss or wrong expected verdict):\n${f}`);
  }
  console.log('');
}

// GATES FOR THE ISSUE-11 FILES, raised to the goals when issue 11 landed where the engine meets them. Raise,
// never lower. negatives: none answered 'listed'. behaviours.tsv (a dev set, looked at while working): the
// goals. holdout2.tsv (never looked at line by line): no negative 'listed', no broad word 'none', top-1 and
// top-3 at the goal; its 'listed with the right code first' share is below the 95 % goal (90.4 % when issue
// 11 landed) and is held there, not at the goal. negatives3.tsv and positives4.tsv (written blind on
// 2026-11-30, then development sets): no negative 'listed'; positives4 held where it stands (98.8 %).
// holdout5.tsv (sentences written blind, a holdout read only as totals): no negative 'listed'; its sentences
// named 'listed' held where the place, person and Kazakh-stem rules left them (63 of 90 = 70.0 %). dev6.tsv
// (every kind of query, written blind, a development set) and holdout6.tsv (the same kinds, written blind, a
// holdout read only as totals): no negative 'listed'; held where they stood when added (94.6 %, 87.5 %).
// dev7.tsv (sentences written blind, a development set): no negative 'listed'; held at 58 % (52.2 % when added).
// holdout8.tsv (sentences written blind on 2026-12-01, a holdout read only as totals): no negative 'listed';
// held where it stood when added (87 of 151 = 57.6 %).
export const ISSUE11_GATES = {
  negativesMaxListed: { 'negatives.tsv': 0, 'holdout2.tsv': 0, 'negatives3.tsv': 0, 'holdout5.tsv': 0, 'dev6.tsv': 0,
    'holdout6.tsv': 0, 'dev7.tsv': 0, 'holdout8.tsv': 0 },
  // per file: top-1 and top-3 of the positives, 'listed' with the right code first, broad words answered 'none'
  positives: {
    'behaviours.tsv': { top1: 97, top3: 99, fullListed: 95, broadNone: 0 },
    'holdout2.tsv': { top1: 97, top3: 99, fullListed: 90, broadNone: 0 },
    'positives4.tsv': { top1: 99, top3: 99, fullListed: 99, broadNone: 0 },
    'holdout5.tsv': { top1: 99, top3: 99, fullListed: 70, broadNone: 0 },
    'dev6.tsv': { top1: 98, top3: 98, fullListed: 94, broadNone: 0 },
    'holdout6.tsv': { top1: 98, top3: 98, fullListed: 87, broadNone: 0 },
    'dev7.tsv': { top1: 98, top3: 99, fullListed: 58, broadNone: 0 },
    'holdout8.tsv': { top1: 97, top3: 99, fullListed: 57, broadNone: 0 },
  },
};

test('issue-11 fixtures are well-formed (negatives ≥ 300 in every kind, every behaviour category present)', () => {
  const neg = issue11['negatives.tsv'];
  assert.ok(neg.queries.length >= 300, `negatives.tsv has only ${neg.queries.length} lines`);
  assert.ok(neg.queries.every((q) => q.negative), 'negatives.tsv holds only negatives');
  for (const c of ['neg-ru', 'neg-kk', 'neg-en', 'neg-near', 'neg-typo', 'neg-translit', 'neg-layout', 'neg-sentence'])
    assert.ok((neg.results.get(c)?.n ?? 0) >= 25, `negatives.tsv: ${c} has fewer than 25 lines`);
  for (const name of ['behaviours.tsv', 'holdout2.tsv'])
    for (const c of ['full', 'sentence', 'jargon', 'abbrev', 'unicode', 'kkform', 'broad', 'blank'])
      assert.ok(issue11[name].results.has(c), `${name}: no '${c}' queries`);
});

test('issue-11 fixtures: blank queries (also of odd space characters only) get the verdict browse', () => {
  for (const name of ['behaviours.tsv', 'holdout2.tsv']) {
    const s = issue11[name].results.get('blank');
    assert.equal(s.verdictOk, s.verdictN, `${name}: ${s.verdictN - s.verdictOk} blank queries not answered 'browse'`);
  }
});

test('issue-11 negatives: no profession that is not on the list is answered "listed"', () => {
  for (const [name, max] of Object.entries(ISSUE11_GATES.negativesMaxListed)) {
    const t = negativesTotal(issue11[name].results);
    assert.ok(t.listed <= max, `${name}: ${t.listed} negatives answered 'listed' (at most ${max})`);
  }
});

test('issue-11 positives: top-1, top-3, "listed" with the right code first, broad words never "none"', () => {
  for (const [name, gate] of Object.entries(ISSUE11_GATES.positives)) {
    const t = positivesTotal(issue11[name].results);
    const got = { top1: pct(t.top1, t.ranked), top3: pct(t.top3, t.ranked), fullListed: pct(t.fullOk, t.fullN) };
    for (const k of ['top1', 'top3', 'fullListed'])
      assert.ok(got[k] + 1e-9 >= gate[k], `${name}: ${k} ${got[k].toFixed(1)}% < ${gate[k]}%`);
    assert.ok(t.broadNone <= gate.broadNone, `${name}: ${t.broadNone} broad words answered 'none'`);
  }
});

test('dev2 queries: no profession that is not on the list is reported as listed', () => {
  const s = dev2Results.get(NEGATIVE);
  assert.ok(s && s.listed === 0, `dev2 negatives listed: ${s?.failures.map((f) => f.query).join(', ')}`);
});

test('held-out queries: no profession that is not on the list is reported as listed', () => {
  const s = holdoutResults.get(NEGATIVE);
  assert.ok(s && s.listed === 0, `held-out negatives listed: ${s?.failures.map((f) => f.query).join(', ')}`);
});

test('queries.tsv is well-formed and every code is on the list', () => {
  assert.ok(queries.length >= 230, `only ${queries.length} queries`);
  for (const [c, s] of results) assert.ok(s.n >= 15, `category ${c} has only ${s.n} queries`);
  for (const c of Object.keys(FLOORS)) assert.ok(results.has(c), `category ${c} has no queries`);
  assert.ok(results.get(NEGATIVE).n >= 30, 'fewer than 30 negatives');
});

test('no profession that is not on the list is reported as listed', () => {
  const s = results.get(NEGATIVE);
  assert.ok(s.listed <= NEGATIVE_MAX_LISTED,
    `${s.listed} negatives got verdict 'listed': ${s.failures.map((f) => JSON.stringify(f.query)).join(', ')}`);
});

for (const [category, floor] of Object.entries(FLOORS)) {
  test(`${category}: at or above its floor (top-1 ≥ ${floor.top1}%, top-3 ≥ ${floor.top3}%, listed ≥ ${floor.listed}%)`, () => {
    const s = results.get(category);
    const got = { top1: pct(s.top1, s.n), top3: pct(s.top3, s.n), listed: pct(s.listed, s.n) };
    const below = Object.keys(floor).filter((k) => got[k] + 1e-9 < floor[k]);
    assert.deepEqual(below, [], `${category} below floor: ` +
      below.map((k) => `${k} ${got[k].toFixed(1)}% < ${floor[k]}%`).join(', '));
  });
}

test('the search answers in the documented shape', () => {
  for (const q of ['', 'врач', 'zzzzqqq', '2512-1-007']) {
    const r = matcher.search(q, { limit: 5 });
    assert.ok(['listed', 'broad', 'mentioned', 'suggestions', 'none', 'browse'].includes(r.verdict), `verdict ${r.verdict} for ${q}`);
    assert.ok(Array.isArray(r.results) && r.results.length <= 5);
    for (const x of r.results) assert.ok(matcher.byCode(x.code), `unknown code ${x.code}`);
  }
});
