// Shared by tests/relevance/relevance.test.mjs and tests/bench/bench.mjs: loading the shipped site,
// parsing queries.tsv, scoring an engine on it (top-1 / top-3 / verdicts), percentiles, and
// aligned markdown tables. Nothing here knows about a particular engine: an engine is a function
// `query -> { codes: [code, ...] (best first), claim: bool, listed: bool }`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../..');
export const QUERIES_TSV = path.join(here, 'queries.tsv');
export const HOLDOUT_TSV = path.join(here, 'holdout.tsv');
export const DEV2_TSV = path.join(here, 'dev2.tsv');
export const NEGATIVES_TSV = path.join(here, 'negatives.tsv');
export const BEHAVIOURS_TSV = path.join(here, 'behaviours.tsv');
export const HOLDOUT2_TSV = path.join(here, 'holdout2.tsv');
export const NEGATIVES3_TSV = path.join(here, 'negatives3.tsv');
export const POSITIVES4_TSV = path.join(here, 'positives4.tsv');
export const HOLDOUT5_TSV = path.join(here, 'holdout5.tsv');
export const DEV6_TSV = path.join(here, 'dev6.tsv');
export const HOLDOUT6_TSV = path.join(here, 'holdout6.tsv');
export const HOLDOUT8_TSV = path.join(here, 'holdout8.tsv');
export const DEV7_TSV = path.join(here, 'dev7.tsv');

/**
 * Category order for the reports; negatives last. The first twelve are the original categories of
 * queries.tsv / dev2.tsv / holdout.tsv. The next ones were added for issue 11 (behaviours.tsv,
 * holdout2.tsv): sentence (a title inside a sentence), jargon (English job titles spelled in Cyrillic),
 * abbrev (abbreviations of title phrases: ИТ, ИКТ, ПО, ИИ, ИБ, АСУ ТП, АКТ, ЖИ, БҚ…), unicode
 * (compatibility forms: full-width, ligatures, odd spaces, superscripts, decomposed letters), kkform
 * (Kazakh word formation and the Kazakh terms for software), full (names exactly one listed profession
 * in full, in any form), broad (a broad word several listed professions carry), blank (blank queries:
 * verdict 'browse'). Every category named `negative` or starting with `neg-` is a negative: the query
 * names a profession that is NOT on the list (negatives.tsv splits them by kind: neg-ru, neg-kk, neg-en,
 * neg-typo, neg-translit, neg-layout, neg-near, neg-sentence).
 */
export const CATEGORIES = ['exact', 'kazakh', 'prefix', 'compound', 'typo', 'morph', 'nokk', 'layout',
  'translit', 'code', 'english', 'alias',
  'full', 'sentence', 'jargon', 'abbrev', 'unicode', 'kkform', 'broad', 'blank',
  'sent-place', 'sent-kk', 'sent-other',  // holdout5.tsv: sentences with a place, in Kazakh, other
  'negative', 'neg-ru', 'neg-kk', 'neg-en', 'neg-typo', 'neg-translit', 'neg-layout', 'neg-near', 'neg-sentence'];
export const NEGATIVE = 'negative';
/** A negative category: `negative` (the original files) or `neg-*` (negatives.tsv, holdout2.tsv). */
export const isNegative = (category) => category === NEGATIVE || category.startsWith('neg-');
/** The verdicts the widget shows as "Not found on the list". */
const readsNotFound = (verdict) => verdict === 'suggestions' || verdict === 'none';

/** The verdicts the API answers, plus 'broad' (issue 11: a broad word several listed professions carry). */
export const VERDICTS = ['listed', 'suggestions', 'none', 'browse', 'broad', 'mentioned'];

/** `\u{HEX}` escapes in a query column (for characters an editor would hide: U+00A0, U+2009, U+3000…). */
export function decodeQuery(text) {
  return text.replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16)));
}

/** The site dir: $KZPROF_SITE, default build/site. */
export function siteDir() {
  return path.resolve(process.env.KZPROF_SITE ?? path.join(REPO, 'build/site'));
}

/** The exact artifact the page ships: kzprof.mjs + kzprof-core.wasm + professions.json from the site dir. */
export async function loadSite(site = siteDir()) {
  const files = { api: 'kzprof.mjs', wasm: 'kzprof-core.wasm', glue: 'kzprof-core.mjs', data: 'professions.json' };
  for (const f of Object.values(files))
    if (!fs.existsSync(path.join(site, f)))
      throw new Error(`${path.join(site, f)} is missing: build the site first (cmake --build --preset wasm) or set KZPROF_SITE`);
  const api = await import(path.join(site, files.api));
  const wasmBinary = fs.readFileSync(path.join(site, files.wasm));
  const dataText = fs.readFileSync(path.join(site, files.data), 'utf8');
  return { site, files, createMatcher: api.createMatcher, wasmBinary, dataText, data: JSON.parse(dataText) };
}

/**
 * Parses a fixture file: `category<TAB>query<TAB>expectation`. Blank lines and lines starting with `#`
 * are skipped. With `data`, every code must exist in it. Throws on any malformed line, unknown category
 * or unknown code. The expectation column is one of:
 *   -                 not on the list (negatives only): the verdict must never be 'listed'
 *   c1,c2,…           acceptable codes (top-1 / top-3 hit when the first / first three results hold one);
 *                     no verdict is expected (half-typed, ambiguous…)
 *   listed:c1         the query names exactly one listed profession in full, in some form: the verdict
 *                     must be 'listed' and c1 must come first
 *   broad:c1,c2,…     a broad word (issue 11): the verdict must be 'broad'; c1,c2,… are the listed
 *                     professions that carry the word (top-1 / top-3 count a result from this set)
 *   browse            a blank query (after folding spaces): the verdict must be 'browse'; may be empty
 * The query column may hold `\u{HEX}` escapes (decoded here), for characters an editor would hide.
 * Each returned query: { category, query, expected: Set(codes), verdict: null | 'listed' | 'broad' |
 * 'browse' | 'not-listed', negative, line, file }.
 */
export function loadQueries({ file = QUERIES_TSV, data = null } = {}) {
  const known = data ? new Set(data.professions.map((p) => p.code)) : null;
  const problems = [];
  const out = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const where = `${path.basename(file)}:${i + 1}`;
    const cols = line.split('\t');
    if (cols.length !== 3) return problems.push(`${where}: expected 3 tab-separated columns, got ${cols.length}`);
    const [category, rawQuery, codesCol] = cols;
    const query = decodeQuery(rawQuery);
    if (!CATEGORIES.includes(category)) return problems.push(`${where}: unknown category '${category}'`);
    const negative = isNegative(category);
    const col = codesCol.trim();
    let verdict = null;
    let list = col;
    const m = /^(listed|broad):(.*)$/.exec(col);
    if (col === '-') { verdict = 'not-listed'; list = ''; }
    else if (col === 'browse') { verdict = 'browse'; list = ''; }
    else if (m) { verdict = m[1]; list = m[2]; }
    const expected = list.split(',').map((c) => c.trim()).filter(Boolean);
    if (verdict === 'browse') {
      if (query.trim() !== '' && !/^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u.test(query))
        return problems.push(`${where}: 'browse' is for blank queries only`);
    } else if (!query.trim()) return problems.push(`${where}: empty query`);
    if (negative !== (verdict === 'not-listed'))
      return problems.push(`${where}: ${negative ? 'a negative must have "-"' : '"-" is for negative categories only'}`);
    if (!negative && verdict !== 'browse' && expected.length === 0) return problems.push(`${where}: a positive needs codes`);
    if (verdict === 'listed' && expected.length !== 1) return problems.push(`${where}: 'listed:' takes exactly one code`);
    if (verdict === 'broad' && expected.length < 2) return problems.push(`${where}: 'broad:' needs the codes that carry the word (2 or more)`);
    if (known) for (const c of expected) if (!known.has(c)) problems.push(`${where}: code ${c} is not in the data`);
    out.push({ category, query, expected: new Set(expected), verdict, negative, line: i + 1, file: path.basename(file) });
  });
  if (problems.length) throw new Error(`${path.basename(file)}:\n  ${problems.join('\n  ')}`);
  return out;
}

/** Every prefix of a query, as typing it produces (by code point, so Kazakh letters stay whole). */
export function keystrokes(query) {
  const cps = [...query];
  return cps.map((_, i) => cps.slice(0, i + 1).join(''));
}

/** Our engine through the JS API: a claim is the verdict 'listed'. */
export function kzprofEngine(matcher, limit = 10) {
  return (q) => {
    const r = matcher.search(q, { limit });
    const listed = r.verdict === 'listed';
    return { codes: r.results.map((x) => x.code), claim: listed, listed, verdict: r.verdict };
  };
}

/**
 * Runs `engine` on every query; returns Map(category -> stats).
 * stats: { n, ranked (queries with codes: the top-1 / top-3 denominator), top1, top3, listed, claims,
 *   verdictN / verdictOk (queries with an expected verdict / those that got it; a negative's verdict is
 *   right when it is 'suggestions' or 'none'), fullN / fullOk ('listed:' queries / those answered 'listed'
 *   with the right code first), broadN / broadNone ('broad:' queries / those answered 'none'),
 *   verdicts (count per verdict), failures: [{query, expected, got, verdict, line}] }.
 * For positives a failure is a top-1 miss or a wrong expected verdict; for negatives it is a claim.
 */
export function evaluate(queries, engine) {
  const byCategory = new Map();
  for (const c of CATEGORIES) byCategory.set(c, {
    n: 0, ranked: 0, top1: 0, top3: 0, listed: 0, claims: 0, verdictN: 0, verdictOk: 0,
    fullN: 0, fullOk: 0, fullMentioned: 0, fullNotFound: 0, negMentioned: 0, broadN: 0, broadNone: 0, verdicts: {},
    failures: [],
  });
  for (const q of queries) {
    const s = byCategory.get(q.category);
    const r = engine(q.query);
    s.n++;
    if (r.listed) s.listed++;
    if (r.claim) s.claims++;
    s.verdicts[r.verdict ?? '?'] = (s.verdicts[r.verdict ?? '?'] ?? 0) + 1;
    const got = r.codes.slice(0, 3);
    const negative = q.negative ?? isNegative(q.category);
    if (negative) {
      s.verdictN++;
      // 'mentioned' says only that a listed name is in the text, never that the person's profession is listed.
      if (readsNotFound(r.verdict) || r.verdict === 'mentioned') s.verdictOk++;
      if (r.verdict === 'mentioned') s.negMentioned++;
      if (r.claim) s.failures.push({ query: q.query, expected: '-', got, verdict: r.verdict, line: q.line });
      continue;
    }
    let verdictOk = true;
    if (q.verdict) {
      s.verdictN++;
      verdictOk = r.verdict === q.verdict;
      if (verdictOk) s.verdictOk++;
    }
    if (q.verdict === 'browse') {
      if (!verdictOk) s.failures.push({ query: q.query, expected: 'browse', got, verdict: r.verdict, line: q.line });
      continue;
    }
    s.ranked++;
    const hit1 = r.codes.length > 0 && q.expected.has(r.codes[0]);
    const hit3 = got.some((c) => q.expected.has(c));
    if (hit1) s.top1++;
    if (hit3) s.top3++;
    if (q.verdict === 'listed') {
      s.fullN++;
      if (hit1 && verdictOk) s.fullOk++;
      if (hit1 && r.verdict === 'mentioned') s.fullMentioned++;
      if (readsNotFound(r.verdict)) s.fullNotFound++;
    }
    if (q.verdict === 'broad') { s.broadN++; if (r.verdict === 'none') s.broadNone++; }
    const exp = [...q.expected];
    const expText = (q.verdict === 'listed' || q.verdict === 'broad' ? `${q.verdict}:` : '') +
      (exp.length > 4 ? `${exp.slice(0, 4).join(',')},…(${exp.length})` : exp.join(','));
    if (!hit1 || !verdictOk) s.failures.push({ query: q.query, expected: expText, got, verdict: r.verdict, line: q.line });
  }
  for (const [c, s] of byCategory) if (s.n === 0) byCategory.delete(c);
  return byCategory;
}

/** Aggregate over all positive categories. */
export function positivesTotal(byCategory) {
  const t = { n: 0, ranked: 0, top1: 0, top3: 0, listed: 0, claims: 0, verdictN: 0, verdictOk: 0, fullN: 0, fullOk: 0,
    fullMentioned: 0, fullNotFound: 0, broadN: 0, broadNone: 0 };
  for (const [c, s] of byCategory) if (!isNegative(c)) for (const k of Object.keys(t)) t[k] += s[k];
  return t;
}

/** Aggregate over all negative categories. */
export function negativesTotal(byCategory) {
  const t = { n: 0, listed: 0, claims: 0, verdictN: 0, verdictOk: 0, negMentioned: 0 };
  for (const [c, s] of byCategory) if (isNegative(c)) for (const k of Object.keys(t)) t[k] += s[k];
  return t;
}

export const pct = (num, den) => (den ? (100 * num) / den : 0);
export const fmtPct = (num, den) => (den ? `${pct(num, den).toFixed(1)}%` : '—');

/** Percentile (nearest rank) of a sorted numeric array. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** { p50, p95, p99, max, n } of an array of numbers (any unit). */
export function summarize(values) {
  const s = Float64Array.from(values).sort();
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}

/** Aligned markdown table. `align` per column: 'l' or 'r' (default: first column left, others right). */
export function table(header, rows, align = null) {
  const al = align ?? header.map((_, i) => (i === 0 ? 'l' : 'r'));
  const cells = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const w = header.map((_, i) => Math.max(3, ...cells.map((r) => [...r[i]].length)));
  const pad = (s, i) => {
    const n = w[i] - [...s].length;
    return al[i] === 'r' ? ' '.repeat(n) + s : s + ' '.repeat(n);
  };
  const line = (r) => `| ${r.map(pad).join(' | ')} |`;
  const sep = `|${w.map((n, i) => (al[i] === 'r' ? `${'-'.repeat(n + 1)}:` : `:${'-'.repeat(n + 1)}`)).join('|')}|`;
  return [line(cells[0]), sep, ...cells.slice(1).map(line)].join('\n');
}

/**
 * The relevance table for one engine (used by the test). Per category: n, top-1, top-3 (over the
 * queries that have codes), verdict ok (over the queries with an expected verdict: 'listed:', 'broad:',
 * 'browse', and negatives, whose verdict is right when it is 'suggestions' or 'none'), the share answered
 * 'listed', and notes (negatives: 'listed' verdicts, which must be 0; 'listed:' queries: listed with the
 * right code first; 'broad:' queries: answered 'none').
 */
export function relevanceTable(byCategory) {
  const rows = [];
  const verdictCell = (s) => (s.verdictN ? `${fmtPct(s.verdictOk, s.verdictN)} (${s.verdictOk}/${s.verdictN})` : '—');
  const notes = (s) => [
    s.fullN ? `listed+right first ${s.fullOk}/${s.fullN}` : '',
    s.broadN ? `broad answered 'none' ${s.broadNone}/${s.broadN}` : '',
  ].filter(Boolean).join('; ');
  for (const [c, s] of byCategory) {
    if (isNegative(c)) rows.push([c, s.n, '—', '—', verdictCell(s), '—', `${s.listed} listed (must be 0)`]);
    else rows.push([c, s.n, s.ranked ? fmtPct(s.top1, s.ranked) : '—', s.ranked ? fmtPct(s.top3, s.ranked) : '—',
      verdictCell(s), fmtPct(s.listed, s.n), notes(s)]);
  }
  const t = positivesTotal(byCategory);
  if (t.n) rows.push(['all positives', t.n, fmtPct(t.top1, t.ranked), fmtPct(t.top3, t.ranked), verdictCell(t), fmtPct(t.listed, t.n), notes(t)]);
  const neg = negativesTotal(byCategory);
  if (neg.n && [...byCategory.keys()].filter(isNegative).length > 1)
    rows.push(['all negatives', neg.n, '—', '—', verdictCell(neg), '—', `${neg.listed} listed (must be 0)`]);
  return table(['category', 'n', 'top-1', 'top-3', 'verdict ok', 'verdict listed', 'notes'], rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'l']);
}

/** The issue-11 headline figures of one file, as text lines. */
export function headlineText(byCategory) {
  const t = positivesTotal(byCategory);
  const neg = negativesTotal(byCategory);
  const out = [];
  if (t.ranked) out.push(`top-1 ${fmtPct(t.top1, t.ranked)}, top-3 ${fmtPct(t.top3, t.ranked)} over ${t.ranked} positives`);
  if (t.fullN) out.push(`names exactly one listed profession: 'listed' with the right code first ${t.fullOk}/${t.fullN} = ${fmtPct(t.fullOk, t.fullN)} (goal ≥ 95%)`);
  if (t.fullN) {
    out.push(`  of the others: 'mentioned' with the right code first ${t.fullMentioned}, 'suggestions' or 'none' `
      + `(the widget says not found) ${t.fullNotFound}`);
  }
  if (t.broadN) out.push(`broad words answered 'none': ${t.broadNone}/${t.broadN} (goal 0); answered 'broad': ${byCategory.get('broad')?.verdictOk ?? 0}/${byCategory.get('broad')?.verdictN ?? 0}`);
  if (neg.n) out.push(`negatives answered 'listed': ${neg.listed}/${neg.n} (goal 0); 'mentioned' (a listed name in `
    + `the text, no verdict): ${neg.negMentioned}`);
  return out.map((l) => `  ${l}`).join('\n');
}

/** Failing queries, at most `perCategory` per category, as text. */
export function failuresText(byCategory, perCategory = 8) {
  const out = [];
  for (const [c, s] of byCategory) {
    if (!s.failures.length) continue;
    out.push(`${c}: ${s.failures.length} ${isNegative(c) ? 'claimed (listed)' : 'top-1 misses or wrong expected verdicts'}` +
      (s.failures.length > perCategory ? ` (first ${perCategory})` : ''));
    for (const f of s.failures.slice(0, perCategory))
      out.push(`  ${f.line ? `:${f.line} ` : ''}${JSON.stringify(f.query)}  expected ${f.expected}  got [${f.got.join(', ')}] verdict=${f.verdict ?? '?'}`);
  }
  return out.join('\n');
}
