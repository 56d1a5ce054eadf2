// Issue 14 through the shipped files (build/site): answers warm vs fresh in random order (14.3), the raw
// binding in any call order (14.9), absurd input and an allocation failure (14.6), the API edges (14.7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const site = process.env.KZPROF_SITE ?? path.resolve(here, '../../build/site');
const { createMatcher, MAX_DATA_CHARS } = await import(path.join(site, 'kzprof.mjs'));
const createCore = (await import(path.join(site, 'kzprof-core.mjs'))).default;
const wasmBinary = fs.readFileSync(path.join(site, 'kzprof-core.wasm'));
const dataText = fs.readFileSync(path.join(site, 'professions.json'), 'utf8');
const real = JSON.parse(dataText);

/** mulberry32: a seeded PRNG, so that a failing order can be replayed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A fresh wasm instance per matcher, cheaply: the module is compiled once. A fresh instance (not only a
// fresh Matcher) is what a first visit gets, and it shares nothing with the warm one, not even statics.
const compiled = await WebAssembly.compile(wasmBinary);
const instantiateWasm = (imports, receive) => {
  WebAssembly.instantiate(compiled, imports).then((i) => receive(i));
  return {};
};
const fresh = () => createMatcher(real, { instantiateWasm });

test('answers warm equal answers from a fresh wasm instance, in random order (issue 14.3)', async () => {
  // Before 713355d, search('врач') then search('') gave browse results carrying 'врач''s highlights
  // ("ru":[[0,4]]); a fresh matcher gave none. The 1 M-search test repeats its sequence, so it could not see it.
  const words = new Set(['', ' ', '\u200b', 'врач', 'dhfx', '2512', '2512-1-007', 'zz', '\ud83d\ude00',
    'a'.repeat(300)]);
  for (const p of real.professions) {
    for (const s of [p.ru, p.kk, p.unofficial.en]) for (const w of [s, s.split(' ')[0], s.slice(0, 4)]) words.add(w);
    for (const a of p.unofficial.aliases.ru.slice(0, 1)) words.add(a);
  }
  const pool = [...words];
  const rnd = prng(14);
  const warm = await fresh();
  const other = await fresh();  // a second matcher in use at the same time, on its own instance
  const limits = [0, 1, 3, 10, 51, 1000];
  for (let step = 0; step < 250; step++) {
    const q = rnd() < 0.35 ? (rnd() < 0.5 ? '' : '   ') : pool[Math.floor(rnd() * pool.length)];
    const limit = limits[Math.floor(rnd() * limits.length)];
    other.search(pool[Math.floor(rnd() * pool.length)], { limit: 5 });
    const got = warm.search(q, { limit });
    const f = await fresh();
    assert.deepEqual(got, f.search(q, { limit }), `step ${step}: query ${JSON.stringify(q)}, limit ${limit}`);
    f.dispose();
    const marked = (r) => r.highlights.ru.length + r.highlights.kk.length + r.highlights.en.length;
    if (!q.trim()) assert.ok(got.results.every((r) => !marked(r)), 'a blank query highlights nothing');
  }
  warm.dispose(); other.dispose();
});

test('the raw binding is safe in any call order (issue 14.9)', async () => {
  const core = await createCore({ wasmBinary });
  const m = new core.Matcher();
  // search before load: an empty list answers, nothing is read from unset memory
  let a = m.search('врач', 10);
  assert.equal(a.results.length, 0);
  assert.equal(m.search('', 10).results.length, 0);
  // load with no records: a message, not undefined behaviour (the old load() before buffer() ran memcpy(NULL, …))
  assert.deepEqual(m.load(), ["data: field 'professions': empty list"]);
  assert.deepEqual(m.load(), ["data: field 'professions': empty list"], 'twice');
  // records after a load go to the next load; the loaded index is unaffected until then
  const g = real.groups[0];
  const p = real.professions.find((x) => x.group === g.id);
  const { en, aliases } = p.unofficial;
  const add = (pos) => m.addProfession({ position: pos, code: p.code, group: p.group, kk: p.kk, ru: p.ru, en },
    aliases.ru, aliases.kk, aliases.en);
  m.addGroup({ id: g.id, en: g.unofficial.en }, g.kk, g.ru);
  add(1);
  assert.equal(m.search('', 10).results.length, 0, 'added records are not searched before load()');
  assert.deepEqual(m.load(), []);
  assert.deepEqual(m.search('', 10).results.map((r) => r.code), [p.code]);
  add(1);  // a profession without its group, after load
  assert.deepEqual(m.load(), [`${p.code}: field 'group': unknown group '${g.id}'`]);
  assert.equal(m.search(p.ru, 10).results.length, 0, 'refused data leaves the matcher empty');
  // a refused load, then a good one, on the same object
  m.addGroup({ id: g.id, en: g.unofficial.en }, g.kk, g.ru);
  add(1);
  assert.deepEqual(m.load(), []);
  assert.equal(m.search(p.ru, 10).results[0].code, p.code);
  // extreme limits and odd values through embind
  for (const lim of [0, -1, 2147483647, -2147483648]) assert.ok(m.search('', lim).results.length <= 1);
  m.delete();
  assert.throws(() => m.search('x', 1));  // embind refuses a deleted object (no use after free)
  // positions that wrap in a 32-bit integer are refused in the wasm itself, with their value (issue 14.2)
  const m2 = new core.Matcher();
  m2.addGroup({ id: g.id, en: g.unofficial.en }, g.kk, g.ru);
  m2.addProfession({ position: 4294967299, code: p.code, group: g.id, kk: 'k', ru: 'r', en: 'e' }, [], [], []);
  assert.deepEqual(m2.load(), [`${p.code}: field 'position': out of range: 4294967299`]);
  m2.delete();
});

test('absurd input is refused up front; an allocation failure is a message, not Aborted() (issue 14.6)', async () => {
  // Over the named limit: refused before JSON.parse, with the limit in the message.
  await assert.rejects(createMatcher(' '.repeat(MAX_DATA_CHARS + 1), { wasmBinary }),
    new RegExp(`data: ${MAX_DATA_CHARS + 1} characters, more than the limit of ${MAX_DATA_CHARS}`));
  // A field over its limit (the 12 MB name of the attack): refused by the value check, named.
  const long = structuredClone(real);
  long.professions[1].ru = 'я'.repeat(6 * 1024 * 1024);
  await assert.rejects(createMatcher(long, { wasmBinary }),
    /2211-7-002: field 'ru': 12582912 bytes, longer than the limit of 1000/);
  // A real allocation failure: the wasm cannot grow its memory (as on a phone out of memory). The list is
  // large enough to need more than the 2 MB the wasm starts with.
  const big = structuredClone(real);
  for (let k = 0; big.professions.length < 20000; k++) {
    const p = structuredClone(real.professions[k % real.professions.length]);
    const pad = (n) => String(n).padStart(3, '0');
    p.code = `9${pad(k % 1000)}-${Math.floor(k / 1000) % 10}-${pad(Math.floor(k / 10000))}`;
    p.position = big.professions.length + 1;
    big.professions.push(p);
  }
  const grow = WebAssembly.Memory.prototype.grow;
  const errors = [];
  const consoleError = console.error, consoleWarn = console.warn;
  console.error = console.warn = (...a) => errors.push(a.join(' '));  // emscripten prints "Aborted(…)"
  WebAssembly.Memory.prototype.grow = function () {
    throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
  };
  let err;
  try {
    await createMatcher(big, { wasmBinary });
  } catch (e) {
    err = e;
  } finally {
    WebAssembly.Memory.prototype.grow = grow;
    console.error = consoleError; console.warn = consoleWarn;
  }
  assert.ok(err, 'the load failed');
  assert.equal(err.message, `kzprof: the data could not be loaded: out of memory (${big.professions.length} entries)`);
  assert.match(String(err.cause), /RuntimeError|Aborted/);
  // The same list loads when memory can grow.
  const ok = await createMatcher(big, { wasmBinary });
  assert.equal(ok.entries.length, 20000);
  ok.dispose();
});

test('API edges: search after dispose, null options, odd limits (issue 14.7)', async () => {
  const m = await createMatcher(dataText, { wasmBinary });
  assert.equal(m.search('врач', null).results.length > 0, true);
  assert.equal(m.search('врач', undefined).results.length > 0, true);
  assert.equal(m.search('', { limit: '1e9' }).results.length, 51, "'1e9' is a billion, capped");
  assert.equal(m.search('', { limit: 'abc' }).results.length, 10, 'not a number: the default');
  assert.equal(m.search('', { limit: -5 }).results.length, 0);
  assert.equal(m.search('', { limit: 2.9 }).results.length, 2);
  m.dispose();
  m.dispose();  // twice is harmless
  assert.throws(() => m.search('врач'), /kzprof: search\(\) after dispose\(\)/);
});
