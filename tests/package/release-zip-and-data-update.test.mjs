// The release zip as a static host gets it, and updating its data to a new file with the package's
// command (no toolchain): the widget then searches the new data in Chromium. Replacing the data by
// hand is caught by `kzprof-data check`, naming the mismatch; an invalid file changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, startServer, session, openWidget, typeQuery, widgetState } from '../browser/harness.mjs';
import { scratchProject, kzprofData, updatedData, NAME, VERSION } from './scratch.mjs';

const s = scratchProject();
const sha = (alg, bytes, enc = 'hex') => crypto.createHash(alg).update(bytes).digest(enc);
const sri = (file) => `sha384-${sha('sha384', fs.readFileSync(file), 'base64')}`;
/** A fresh copy of the release, extracted from the zip by Python's zipfile (an independent reader). */
function extract(name) {
  const dir = path.join(s.tmp, name);
  execFileSync('python3', ['-m', 'zipfile', '-e', s.zip, dir]);
  return path.join(dir, `${NAME}-${VERSION}`);
}
/** { file: sha256 } of a folder, to compare two folders or one before and after. */
const snapshot = (dir) => Object.fromEntries(fs.readdirSync(dir).sort()
  .map((f) => [f, sha('sha256', fs.readFileSync(path.join(dir, f)))]));
const newData = path.join(s.tmp, 'new.json');
fs.writeFileSync(newData, updatedData('2217-4-001', 'мозгоправ', '2099.01.01-1'));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); s.cleanup(); });

test('SHA256SUMS matches the zip and the tarball; the zip holds exactly the release folder', () => {
  const sums = fs.readFileSync(path.join(s.dist, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split(/\s+/));
  assert.deepEqual(sums.map(([, f]) => f).sort(), [`${NAME}-${VERSION}.tgz`, `${NAME}-${VERSION}.zip`]);
  for (const [hex, f] of sums) assert.equal(sha('sha256', fs.readFileSync(path.join(s.dist, f))), hex, f);
  execFileSync('python3', ['-m', 'zipfile', '-t', s.zip]);  // CRCs and structure
  assert.deepEqual(snapshot(extract('zip-check')), snapshot(s.folder));
  for (const f of ['LICENSE.txt', 'README.md', 'CHANGELOG.md', 'index.html', 'kzprof-widget.mjs.br',
    'kzprof-core.wasm.gz'])
    assert.ok(fs.existsSync(path.join(s.folder, f)), `${f} is in the release folder`);
});

test('update to a new data file: the command rewrites the hash lock and the widget searches the new data', async () => {
  const dir = extract('updated');
  const r = kzprofData(s.project, ['update', newData, dir]);
  assert.equal(r.code, 0, r.stderr);
  const integrity = sri(path.join(dir, 'kzprof-widget.mjs'));
  assert.ok(r.stdout.includes(`integrity="${integrity}"`), `prints the new <script integrity>: ${r.stdout}`);
  const snippet = fs.readFileSync(path.join(dir, 'embed-snippet.html'), 'utf8');
  assert.ok(snippet.includes(integrity), 'the embed snippet has the new hash of the widget');
  assert.ok(snippet.includes(sri(path.join(dir, 'professions.json'))), 'and of the data');
  const check = kzprofData(s.project, ['check', dir]);
  assert.equal(check.code, 0, check.stderr);
  const offline = fs.readFileSync(path.join(dir, 'kzprof-offline.html'), 'utf8');
  assert.ok(offline.includes('"data_version":"2099.01.01-1"') && offline.includes('мозгоправ'),
    'the single-file offline page carries the new data');

  const server = await startServer(dir);
  const ss = await session(browser, server.origin, { serviceWorkers: 'block' });
  try {
    await openWidget(ss.page, `${server.origin}/index.html?lang=ru`);
    const version = await ss.page.evaluate(() => document.querySelector('kz-professions').matcher.meta.data_version);
    assert.equal(version, '2099.01.01-1');
    await typeQuery(ss.page, 'мозгоправ');
    assert.equal((await widgetState(ss.page)).codes[0], '2217-4-001', 'the alias added by the update is found');
    await ss.assertClean();
  } finally {
    await ss.close();
    await server.close();
  }
  // The single file, opened from disk on its own, searches the new data too.
  const file = path.join(s.tmp, 'offline-alone.html');
  fs.copyFileSync(path.join(dir, 'kzprof-offline.html'), file);
  const fs2 = await session(browser, 'file://');
  try {
    await openWidget(fs2.page, pathToFileURL(file).href);
    await typeQuery(fs2.page, 'мозгоправ');
    assert.equal((await widgetState(fs2.page)).codes[0], '2217-4-001', 'kzprof-offline.html has the new data');
    await fs2.assertClean();
  } finally {
    await fs2.close();
  }
});

test('data replaced by hand: check names the mismatch, and the widget refuses the file with kzprof-error', async () => {
  const dir = extract('by-hand');
  fs.copyFileSync(newData, path.join(dir, 'professions.json'));
  const check = kzprofData(s.project, ['check', dir]);
  assert.equal(check.code, 1);
  assert.match(check.stderr, /professions\.json: its sha384 is sha384-\S+, but kzprof-widget\.mjs loads only the/);
  assert.match(check.stderr, /professions\.json\.br: does not match professions\.json/, 'the stale .br is named');

  const server = await startServer(dir);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('kzprof-error', (e) => window.__errors.push(e.detail.message));
  });
  try {
    const p = await context.newPage();
    await p.goto(`${server.origin}/index.html`);
    await p.waitForFunction(() => window.__errors.length > 0, null, { timeout: 10000 });
    assert.equal(await p.evaluate(() => document.querySelector('kz-professions').matcher), null);
  } finally {
    await context.close();
    await server.close();
  }
});

test('an invalid data file is refused with the entry and field named, and nothing is changed', () => {
  const dir = extract('invalid');
  const before = snapshot(dir);
  const bad = JSON.parse(fs.readFileSync(newData, 'utf8'));
  bad.professions.find((p) => p.code === '2512-1-007').ru = 'Разработчик программ';
  fs.writeFileSync(path.join(s.tmp, 'bad.json'), JSON.stringify(bad));
  const r = kzprofData(s.project, ['update', path.join(s.tmp, 'bad.json'), dir]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /2512-1-007: field 'ru': name 'Разработчик программ' not found in its row of the official R/);
  assert.match(r.stderr, /nothing was changed/);
  assert.deepEqual(snapshot(dir), before);
});
