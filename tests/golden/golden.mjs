// Answers of the shipped API to every fixture query and every keystroke prefix of it, one JSON line
// each: the regression golden of a refactor ("every answer unchanged"). Two dumps are compared with
// cmp; a change of behaviour is meant to show up here, line by line.
//   node tests/golden/golden.mjs [SITE_DIR] > answers.jsonl
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(process.argv[2] ?? process.env.KZPROF_SITE ?? path.join(here, '../../build/site'));
const { createMatcher } = await import(path.join(site, 'kzprof.mjs'));
const m = await createMatcher(fs.readFileSync(path.join(site, 'professions.json'), 'utf8'),
  { wasmBinary: fs.readFileSync(path.join(site, 'kzprof-core.wasm')) });

/**
 * Every query of the fixture files (second column of the .tsv files, every string of the JSON lists), except
 * the held-out sets: their answers are read only as the relevance report's totals, never line by line.
 */
export function fixtureQueries() {
  const rel = path.join(here, '../relevance');
  const qs = [];
  for (const f of fs.readdirSync(rel).filter((n) => n.endsWith('.tsv') && !n.startsWith('holdout')).sort())
    for (const line of fs.readFileSync(path.join(rel, f), 'utf8').split('\n'))
      if (line.trim() && !line.startsWith('#')) qs.push(line.split('\t')[1] ?? '');
  const hostile = JSON.parse(fs.readFileSync(path.join(here, '../data/hostile-queries.json'), 'utf8'));
  const strings = (v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings)
    : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
  qs.push(...strings(hostile).filter((s) => s.length < 5000));
  return qs;
}

const seen = new Set();
const inputs = [];
for (const q of fixtureQueries()) {
  const cps = [...q];
  for (let i = 1; i <= cps.length; i++) {
    const p = cps.slice(0, i).join('');
    if (!seen.has(p)) seen.add(p), inputs.push(p);
  }
}
inputs.push('', '   ');
for (const q of inputs) {
  const a = m.search(q, { limit: 10 });
  const results = a.results.map((r) => ({ code: r.code, score: r.score, match: r.match, highlights: r.highlights,
    alias: r.alias }));
  process.stdout.write(JSON.stringify({ q, verdict: a.verdict, rewrite: a.rewrite, truncated: a.truncated, results })
    + '\n');
}
