// The exact files the page ships (build/site) load and answer in Node 20.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const site = process.env.KZPROF_SITE ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../build/site');
const { createMatcher } = await import(path.join(site, 'kzprof.mjs'));
const wasmBinary = fs.readFileSync(path.join(site, 'kzprof-core.wasm'));
const dataText = fs.readFileSync(path.join(site, 'professions.json'), 'utf8');

test('the shipped data holds 51 professions and the core loads it', async () => {
  const m = await createMatcher(dataText, { wasmBinary });
  assert.equal(m.entries.length, 51);
  assert.equal(m.groups().reduce((n, g) => n + g.count, 0), 51);
  assert.equal(m.byCode('2512-1-007').ru, 'Разработчик программного обеспечения');
  assert.equal(m.byCode('2217-4-001').kk, 'Дәрігер-нейрохируг');
});

test('bad data is refused with a message naming the problem', async () => {
  await assert.rejects(createMatcher('{', { wasmBinary }), /not valid JSON/);
  await assert.rejects(createMatcher('{"groups":[],"professions":[{"code":"1"}]}', { wasmBinary }), /1: field 'position': missing/);
  const malformed = JSON.parse(dataText);
  malformed.professions[0].code = '1';
  await assert.rejects(createMatcher(malformed, { wasmBinary }), /1: field 'code': malformed code/);
  await assert.rejects(createMatcher(42, { wasmBinary }), /needs the data JSON/);
});

// Code made from strings: eval, the Function constructor (with or without new, or reached through a
// string key), string timers. The shipped code must have none (the strict CSP would refuse it anyway).
const DYNAMIC_CODE = [/\beval\s*\(/, /\[\s*['"`](?:eval|Function)['"`]\s*\]/, /(?<![\w$.])(?:new\s+)?Function\s*\(/,
  /\bset(?:Timeout|Interval)\s*\(\s*['"`]/, /\bimportScripts\s*\(\s*['"`]data:/];
/** The dynamic-code constructs in one text, as 'pattern: excerpt' strings. */
export function dynamicCode(text) {
  const hits = [];
  for (const re of DYNAMIC_CODE) {
    const m = new RegExp(re.source, 'g').exec(text);
    if (m) hits.push(`${re.source}: …${text.slice(Math.max(0, m.index - 30), m.index + 30)}…`);
  }
  return hits;
}

test('no shipped JS builds code from strings: no eval / new Function / string timers (strict CSP)', () => {
  // The check itself: it finds each construct, and not look-alikes.
  for (const bad of ['x=eval("1")', 'eval (s)', 'new Function("a","return a")', 'f=Function("return this")()',
    'new  Function(b)', 'window["eval"](s)', "self['Function']('x')", 'setTimeout("alert(1)", 1)', 'setInterval(`x`)'])
    assert.ok(dynamicCode(`var a=1;${bad};`).length, `the check catches ${bad}`);
  for (const ok of ['evaluate(x)', 'x.retrieval(1)', 'typeof f === "function"', 'a instanceof Function', 'myFunction(1)',
    'setTimeout(f, 1)', 'x.Function(1)'])
    assert.deepEqual(dynamicCode(ok), [], `no false alarm on ${ok}`);
  // Every script the site ships, and the scripts inlined into its HTML (kzprof-offline.html).
  const files = fs.readdirSync(site).filter((f) => /\.(?:m?js|html)$/.test(f));
  assert.ok(files.includes('kzprof-core.mjs') && files.includes('kzprof-widget.mjs') && files.includes('kzprof-offline.html'));
  for (const f of files) {
    const text = fs.readFileSync(path.join(site, f), 'utf8');
    const code = f.endsWith('.html') ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join('\n') : text;
    assert.deepEqual(dynamicCode(code), [], `${f} builds code from strings`);
  }
});

test('JSON types are checked in JS, values in the core: messages as the native loader gives them', async () => {
  // Shape problems first (types, missing and unknown fields): the values are checked only once the shape is right.
  const doc = {
    meta: JSON.parse(dataText).meta,
    groups: [{ id: 'g', kk: ['a'], ru: ['b'], unofficial: { en: 'c' } }],
    professions: [
      { code: '1111-1-111', position: 1, group: 'g', kk: 5, ru: 'r', unofficial: { en: 'e', aliases: { ru: [], kk: [], en: [] } } },
      { code: '1111-1-111', position: 2, group: 'zz', kk: 'k', ru: ' ', unofficial: { en: 'e', aliases: { ru: [1], kk: [], en: [''] } } },
      7,
    ],
  };
  const err = await createMatcher(doc, { wasmBinary }).then(() => null, (e) => e.message);
  assert.equal(err, [
    'kzprof: invalid data:',
    "1111-1-111: field 'kk': expected a string, got number",
    "1111-1-111: field 'ru[0]': expected a non-empty string",
    "professions[2]: field '': expected an object, got number",
  ].join('\n'));
  doc.professions[0].kk = 'k';
  doc.professions[1].unofficial.aliases.ru = ['x'];
  doc.professions.pop();
  const values = await createMatcher(doc, { wasmBinary }).then(() => null, (e) => e.message);
  assert.equal(values, [
    'kzprof: invalid data:',
    "1111-1-111: field 'code': duplicate code",
    "1111-1-111: field 'group': unknown group 'zz'",
    "1111-1-111: field 'ru': empty",
    "1111-1-111: field 'en[0]': expected a non-empty string",
  ].join('\n'));
  await assert.rejects(createMatcher('[]', { wasmBinary }), /data: expected a JSON object at the top level, got array/);
  await assert.rejects(createMatcher('{"groups":[]}', { wasmBinary }), /data: field 'professions': missing or not an array/);
  await assert.rejects(createMatcher({ groups: [], professions: [{ code: '1111-1-111', position: 3 }] }, { wasmBinary }),
    /field 'position': expected 1 \(entries must be in official order\), got 3|field 'group': missing/);
});

// ---- Broken data through both loaders: the browser path (JSON.parse + type checks in kzprof.mjs, value
// checks in the wasm) and the native loader (nlohmann, through build/native/kzprof --data FILE; the native
// preset is built before the wasm one by .ci/test; KZPROF_NATIVE names another build directory). Every
// case must be refused by both with the same messages naming the entry and the field, or (the 10 MB list)
// load in both and answer alike. Non-UTF-8 bytes: the browser path decodes with TextDecoder({fatal: true})
// in the widget (tests/browser); JSON.parse itself never sees bytes.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

const nativeCli = path.join(process.env.KZPROF_NATIVE ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../build/native'), 'kzprof');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kzprof-broken-'));

/** Native: { problems: [messages] } or { answer } for `query`. */
function nativeLoad(bytes, query = 'врач') {
  const file = path.join(tmp, 'data.json');
  fs.writeFileSync(file, bytes);
  try {
    return { answer: JSON.parse(execFileSync(nativeCli, ['--data', file, '--limit', '10', query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 })) };
  } catch (e) {
    if (e.status == null) throw e;
    return { problems: e.stderr.split('\n').filter(Boolean).map((l) => l.startsWith(`${file}: `) ? l.slice(file.length + 2) : l) };
  }
}
/** Browser path: { problems } or { answer }. */
async function wasmLoad(text, query = 'врач') {
  try {
    const m = await createMatcher(text, { wasmBinary });
    const r = m.search(query, { limit: 10 });
    m.dispose();
    return { answer: r };
  } catch (e) {
    const lines = e.message.split('\n').filter(Boolean);
    return { problems: lines[0] === 'kzprof: invalid data:' ? lines.slice(1) : lines };
  }
}

const real = JSON.parse(dataText);
const edit = (f) => { const d = structuredClone(real); f(d); return JSON.stringify(d); };
const BROKEN = {
  'position as a string': [edit((d) => { d.professions[5].position = '6'; }), ["2212-7-001: field 'position': expected an integer, got string"]],
  'position a fraction': [edit((d) => { d.professions[5].position = 6.5; }), ["2212-7-001: field 'position': expected an integer, got number"]],
  'name a number, aliases a string': [edit((d) => { d.professions[2].kk = 5; d.professions[2].unofficial.aliases.ru = 'x'; }),
    ["2211-7-004: field 'kk': expected a string, got number", "2211-7-004: field 'ru': expected an array of strings, got string"]],
  'unofficial an array': [edit((d) => { d.professions[0].unofficial = []; }), ["2217-4-001: field 'unofficial': missing or not an object"]],
  'an entry that is not an object': [edit((d) => { d.professions[7] = null; }), ["professions[7]: field '': expected an object, got null"]],
  'a group that is not an object': [edit((d) => { d.groups[1] = 'x'; }), null],
  'missing name': [edit((d) => { delete d.professions[2].ru; }), ["2211-7-004: field 'ru': missing"]],
  'missing aliases': [edit((d) => { delete d.professions[4].unofficial.aliases; }), null],
  'missing code': [edit((d) => { delete d.professions[3].code; }), ["professions[3]: field 'code': missing"]],
  'duplicate code': [edit((d) => { d.professions[10].code = d.professions[9].code; }), null],
  'blank names': [edit((d) => { d.professions[1].ru = ' \t'; d.professions[1].unofficial.en = '\u00a0\u3000'; }), null],
  'a name over the length limit': [edit((d) => { d.professions[1].ru = 'а'.repeat(600); }),
    ["2211-7-002: field 'ru': 1200 bytes, longer than the limit of 1000"]],
  'a lone surrogate in a name': [edit((d) => { d.professions[1].ru = 'a\ud800b'; }), null],
  'a position 2^32 + 3 (wraps in a 32-bit long)': [edit((d) => { d.professions[5].position = 4294967299; }),
    ["2212-7-001: field 'position': out of range: 4294967299"]],
  'a position 2^31 + 3': [edit((d) => { d.professions[5].position = 2147483651; }),
    ["2212-7-001: field 'position': out of range: 2147483651"]],
  'a position beyond 2^53': [edit((d) => { d.professions[5].position = 2 ** 60; }),
    ["2212-7-001: field 'position': out of range: 1152921504606846976"]],
  'groups missing': [edit((d) => { delete d.groups; }), ["data: field 'groups': missing or not an array"]],
  'top level an array': ['[]', ['data: expected a JSON object at the top level, got array']],
  'an empty list': [edit((d) => { d.professions = []; }), ["data: field 'professions': empty list"]],
  'an empty list and no groups': [`{"meta":${JSON.stringify(real.meta)},"groups":[],"professions":[]}`,
    ["data: field 'professions': empty list"]],
  // Issue 14.1: what the widget shows about the act is required and typed (the widget threw on "meta": {}).
  'meta missing': [edit((d) => { delete d.meta; }), ["data: field 'meta': missing or not an object"]],
  'meta a string': [edit((d) => { d.meta = 'x'; }), ["data: field 'meta': missing or not an object"]],
  'meta null': [edit((d) => { d.meta = null; }), ["data: field 'meta': missing or not an object"]],
  'meta empty': [edit((d) => { d.meta = {}; }), ["meta: field 'act': missing or not an object",
    "meta: field 'wording': missing or not an object", "meta: field 'as_of': missing",
    "meta: field 'data_version': missing",
    "meta: field 'source_urls': missing or not an object"]],
  'meta without act.issuer': [edit((d) => { delete d.meta.act.issuer; }),
    ["meta: field 'act.issuer': missing or not an object"]],
  'meta with wrong types and forms': [edit((d) => {
    d.meta.act.date = '20.02.2023'; d.meta.act.issuer.en = 5; d.meta.wording.number = ' '; d.meta.as_of = '2024-13-01';
    d.meta.source_urls.ru = 'javascript:alert(1)'; d.meta.act.issuer.kk = 'қ'.repeat(501);
  }), ["meta: field 'act.date': expected a date YYYY-MM-DD",
    "meta: field 'act.issuer.kk': 1002 bytes, longer than the limit of 1000",
    "meta: field 'act.issuer.en': expected a string, got number", "meta: field 'wording.number': empty",
    "meta: field 'as_of': expected a date YYYY-MM-DD", "meta: field 'source_urls.ru': expected an https:// address"]],
  'meta and entries both wrong: every shape problem at once': [
    edit((d) => { delete d.meta.data_version; d.professions[2].kk = 5; }),
    ["meta: field 'data_version': missing", "2211-7-004: field 'kk': expected a string, got number"]],
  'unknown fields at every level': [edit((d) => {
    d.extra = 1; }), ["data: field 'extra': unknown field"]],
  'unknown fields in entries': [edit((d) => {
    d.groups[0].colour = 'red'; d.groups[0].unofficial.de = 'x';
    d.professions[2].note = 'x'; d.professions[2].Code = 'y'; d.professions[2].unofficial.fr = 'z'; d.professions[2].unofficial.aliases.de = [];
  }), ["group 'health': field 'unofficial.de': unknown field", "group 'health': field 'colour': unknown field",
    "2211-7-004: field 'unofficial.aliases.de': unknown field", "2211-7-004: field 'unofficial.fr': unknown field",
    "2211-7-004: field 'Code': unknown field", "2211-7-004: field 'note': unknown field"]],
  'a misspelt field': [edit((d) => { d.professions[4].unofficial.alias = d.professions[4].unofficial.aliases; delete d.professions[4].unofficial.aliases; }), null],
  'a position too large': [edit((d) => { d.professions[5].position = 1099511627776; }), ["2212-7-001: field 'position': out of range: 1099511627776"]],
};

test('broken data: both loaders refuse it with the same messages naming the entry and the field', { skip: !fs.existsSync(nativeCli) && `${nativeCli} is missing (build the native preset)` }, async () => {
  for (const [name, [text, expected]] of Object.entries(BROKEN)) {
    const [n, w] = [nativeLoad(text), await wasmLoad(text)];
    assert.ok(n.problems?.length, `${name}: the native loader refused it`);
    if (name === 'a lone surrogate in a name') {  // one rule, each parser's words: nlohmann stops at the JSON
      assert.match(n.problems[0], /^data: not valid JSON at line/);
      assert.deepEqual(w.problems, ["2211-7-002: field 'ru': a lone surrogate (not valid Unicode text)"]);
      continue;
    }
    assert.deepEqual(w.problems, n.problems, `${name}: same messages`);
    if (expected) assert.deepEqual(w.problems, expected, name);
    const entry = String.raw`\d{4}-\d(?:-\d{3})?|professions\[\d+\]|groups\[\d+\]|group '[^']+'|data|meta`;
    const top = 'data: expected a JSON object at the top level';
    const named = new RegExp(String.raw`^(?:(?:${entry}): field '[^']*': |${top})`);
    for (const p of w.problems) assert.match(p, named, `${name}: '${p}' names the entry and the field`);
  }
  // One rule in every loader: a position whose value is an integer is that integer (JSON.parse cannot tell 3.0
  // from 3); a byte order mark is skipped. Duplicate keys: only the native validator can see them (README).
  for (const same of ['6.0', '6e0', '0.6e1']) {
    const text = dataText.replace('"position": 6,', `"position": ${same},`);
    assert.notEqual(text, dataText);
    assert.equal(nativeLoad(text).problems, undefined, same);
    assert.equal((await wasmLoad(text)).problems, undefined, same);
  }
  assert.equal(nativeLoad(`\ufeff${dataText}`).problems, undefined);
  assert.equal((await wasmLoad(`\ufeff${dataText}`)).problems, undefined);
  const dupKey = dataText.replace('"code": "2211-7-004"', '"code": "2211-7-004", "code": "9999-9-999"');
  assert.notEqual(dupKey, dataText);
  assert.deepEqual(nativeLoad(dupKey).problems, ["professions[2]: duplicate key 'code' (JSON parsers keep only one of the two values)"]);
  // Malformed JSON: each parser words it its own way; both say it, the native one with line and column.
  const cut = dataText.slice(0, dataText.length >> 1);
  assert.match(nativeLoad(cut).problems.join('\n'), /^data: not valid JSON at line \d+, column \d+/);
  assert.match((await wasmLoad(cut)).problems.join('\n'), /^kzprof: the data is not valid JSON/);
  // Non-UTF-8 bytes: the native loader names where (the widget refuses them before JSON.parse, see above).
  const bytes = Buffer.from(dataText.replace('Врач-онколог', 'Врач-XXонколог'));
  bytes.set([0xff, 0xfe], bytes.indexOf('XX'));
  assert.match(nativeLoad(bytes).problems.join('\n'), /^data: not valid JSON at line \d+, column \d+/);
});

test('a 10 MB list: loads in both paths and answers alike; one error at its end is named in both', { skip: !fs.existsSync(nativeCli) && `${nativeCli} is missing (build the native preset)` }, async () => {
  // Generated, not committed: the real list repeated under fresh codes until the file is 10 MB.
  const d = structuredClone(real);
  const base = real.professions;
  for (let k = 0, size = JSON.stringify(real).length; size < 10 * 1048576; k++) {
    const p = structuredClone(base[k % base.length]);
    p.code = `9${String(k).padStart(3, '0').slice(-3)}-${Math.floor(k / 1000) % 10}-${String(Math.floor(k / 10000)).padStart(3, '0')}`;
    p.position = d.professions.length + 1;
    d.professions.push(p);
    size += JSON.stringify(p).length + 1;
  }
  const big = JSON.stringify(d);
  assert.ok(big.length >= 10 * 1048576);
  let t0 = Date.now();
  const n = nativeLoad(big, 'врач онколог');
  const nativeMs = Date.now() - t0;
  t0 = Date.now();
  const w = await wasmLoad(big, 'врач онколог');
  const wasmMs = Date.now() - t0;
  assert.equal(n.problems, undefined, n.problems?.slice(0, 3).join('\n'));
  assert.equal(w.problems, undefined, w.problems?.slice(0, 3).join('\n'));
  assert.deepEqual(w.answer.results.map((r) => [r.code, r.score]), n.answer.results.map((r) => [r.code, r.score]));
  assert.equal(w.answer.verdict, n.answer.verdict);
  console.log(`  10 MB list (${d.professions.length} entries, ${big.length} bytes): native load + search ${nativeMs} ms, wasm ${wasmMs} ms`);
  const last = d.professions.at(-1);
  const dup = big.replace(`"code":"${last.code}"`, `"code":"${d.professions[100].code}"`);
  const [nd, wd] = [nativeLoad(dup), await wasmLoad(dup)];
  assert.deepEqual(nd.problems, [`${d.professions[100].code}: field 'code': duplicate code`]);
  assert.deepEqual(wd.problems, nd.problems);
  fs.rmSync(tmp, { recursive: true, force: true });
});
