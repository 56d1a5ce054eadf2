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
