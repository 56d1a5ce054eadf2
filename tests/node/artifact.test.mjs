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
  await assert.rejects(createMatcher('{"groups":[],"professions":[{"code":"1"}]}', { wasmBinary }), /field 'code': malformed code/);
  await assert.rejects(createMatcher(42, { wasmBinary }), /needs the data JSON/);
});

test('the shipped JS contains no eval (runs under a strict CSP)', () => {
  const js = fs.readFileSync(path.join(site, 'kzprof-core.mjs'), 'utf8');
  assert.doesNotMatch(js, /\beval\(|new Function\(/);
});

test('JSON types are checked in JS, values in the core: messages as the native loader gives them', async () => {
  const doc = {
    groups: [{ id: 'g', kk: ['a'], ru: ['b'], unofficial: { en: 'c' } }],
    professions: [
      { code: '1111-1-111', position: 1, group: 'g', kk: 5, ru: 'r', unofficial: { en: 'e', aliases: { ru: [], kk: [], en: [] } } },
      { code: '1111-1-111', position: 2, group: 'zz', kk: 'k', ru: ' ', unofficial: { en: 'e\u001fx', aliases: { ru: [1], kk: [], en: [''] } } },
      7,
    ],
  };
  const err = await createMatcher(doc, { wasmBinary }).then(() => null, (e) => e.message);
  assert.equal(err, [
    'kzprof: invalid data:',
    "1111-1-111: field 'kk': expected a string, got number",
    "1111-1-111: field 'code': duplicate code",
    "1111-1-111: field 'group': unknown group 'zz'",
    "1111-1-111: field 'ru': empty",
    "1111-1-111: field 'en': contains a control character (U+001C..U+001F)",
    "1111-1-111: field 'ru[0]': expected a non-empty string",
    "1111-1-111: field 'en[0]': expected a non-empty string",
    "professions[2]: field '': expected an object, got number",
    '',
  ].join('\n'));
  await assert.rejects(createMatcher('[]', { wasmBinary }), /data: expected a JSON object at the top level, got array/);
  await assert.rejects(createMatcher('{"groups":[]}', { wasmBinary }), /data: field 'professions': missing or not an array/);
  await assert.rejects(createMatcher({ groups: [], professions: [{ code: '1111-1-111', position: 3 }] }, { wasmBinary }),
    /field 'position': expected 1 \(entries must be in official order\), got 3|field 'group': missing/);
});
