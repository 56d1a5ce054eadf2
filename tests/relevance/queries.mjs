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

/** Category order for the reports; negatives last. */
export const CATEGORIES = ['exact', 'kazakh', 'prefix', 'compound', 'typo', 'morph', 'nokk', 'layout',
  'translit', 'code', 'english', 'alias', 'negative'];
export const NEGATIVE = 'negative';

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
 * Parses queries.tsv: `category<TAB>query<TAB>codes` (codes comma-separated, `-` for negatives).
 * Blank lines and lines starting with `#` are skipped. With `data`, every code must exist in it.
 * Throws on any malformed line, unknown category or unknown code.
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
    const [category, query, codesCol] = cols;
    if (!CATEGORIES.includes(category)) return problems.push(`${where}: unknown category '${category}'`);
    if (!query.trim()) return problems.push(`${where}: empty query`);
    const negative = category === NEGATIVE;
    const expected = codesCol.trim() === '-' ? [] : codesCol.split(',').map((c) => c.trim()).filter(Boolean);
    if (negative !== (expected.length === 0))
      return problems.push(`${where}: ${negative ? 'a negative must have "-"' : 'a positive needs codes'}`);
    if (known) for (const c of expected) if (!known.has(c)) problems.push(`${where}: code ${c} is not in the data`);
    out.push({ category, query, expected: new Set(expected), line: i + 1 });
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
 * Runs `engine` on every query; returns { byCategory: Map(category -> stats), rows }.
 * stats: { n, top1, top3, listed, claims, failures: [{query, expected, got, verdict}] }.
 * For positives a failure is a top-1 miss; for negatives it is a claim.
 */
export function evaluate(queries, engine) {
  const byCategory = new Map();
  for (const c of CATEGORIES) byCategory.set(c, { n: 0, top1: 0, top3: 0, listed: 0, claims: 0, failures: [] });
  for (const q of queries) {
    const s = byCategory.get(q.category);
    const r = engine(q.query);
    s.n++;
    if (r.listed) s.listed++;
    if (r.claim) s.claims++;
    const got = r.codes.slice(0, 3);
    if (q.category === NEGATIVE) {
      if (r.claim) s.failures.push({ query: q.query, expected: '-', got, verdict: r.verdict });
      continue;
    }
    const hit1 = r.codes.length > 0 && q.expected.has(r.codes[0]);
    const hit3 = got.some((c) => q.expected.has(c));
    if (hit1) s.top1++;
    if (hit3) s.top3++;
    const exp = [...q.expected];
    if (!hit1) s.failures.push({ query: q.query, expected: exp.length > 4 ? `${exp.slice(0, 4).join(',')},…(${exp.length})` : exp.join(','), got, verdict: r.verdict });
  }
  for (const [c, s] of byCategory) if (s.n === 0) byCategory.delete(c);
  return byCategory;
}

/** Aggregate over all positive categories. */
export function positivesTotal(byCategory) {
  const t = { n: 0, top1: 0, top3: 0, listed: 0, claims: 0 };
  for (const [c, s] of byCategory) if (c !== NEGATIVE) for (const k of Object.keys(t)) t[k] += s[k];
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

/** The relevance table for one engine (used by the test and the benchmark). */
export function relevanceTable(byCategory) {
  const rows = [];
  for (const [c, s] of byCategory) {
    if (c === NEGATIVE) rows.push([c, s.n, '—', '—', '—', `${s.listed} listed`]);
    else rows.push([c, s.n, fmtPct(s.top1, s.n), fmtPct(s.top3, s.n), fmtPct(s.listed, s.n), '']);
  }
  const t = positivesTotal(byCategory);
  rows.push(['all positives', t.n, fmtPct(t.top1, t.n), fmtPct(t.top3, t.n), fmtPct(t.listed, t.n), '']);
  return table(['category', 'n', 'top-1', 'top-3', 'verdict listed', 'negatives: listed verdicts (must be 0)'], rows,
    ['l', 'r', 'r', 'r', 'r', 'l']);
}

/** Failing queries, at most `perCategory` per category, as text. */
export function failuresText(byCategory, perCategory = 8) {
  const out = [];
  for (const [c, s] of byCategory) {
    if (!s.failures.length) continue;
    out.push(`${c}: ${s.failures.length} ${c === NEGATIVE ? 'claimed (listed)' : 'top-1 misses'}` +
      (s.failures.length > perCategory ? ` (first ${perCategory})` : ''));
    for (const f of s.failures.slice(0, perCategory))
      out.push(`  ${JSON.stringify(f.query)}  expected ${f.expected}  got [${f.got.join(', ')}] verdict=${f.verdict ?? '?'}`);
  }
  return out.join('\n');
}
