// What web/build-site.mjs writes besides the pages: the version in every built text file, the
// precompressed copies (and that web/server.mjs serves them as a static host does), the sourcemaps
// kept out of the site, and the widget bundled by esbuild into one module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from '../../web/server.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const site = process.env.KZPROF_SITE ?? path.join(repo, 'build/site');
const { version } = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const files = fs.readdirSync(site).filter((f) => !/\.(gz|br)$/.test(f));
const TEXT = /\.(html|mjs|js|css)$/;

test('every built text file names the version of package.json in its first lines', () => {
  assert.match(version, /^\d+\.\d+\.\d+(-[\w.]+)?$/, 'package.json holds a SemVer version');
  const texts = files.filter((f) => TEXT.test(f));
  assert.ok(texts.length >= 10, `found ${texts.length} text files`);
  for (const f of texts) {
    const head = fs.readFileSync(path.join(site, f), 'utf8').slice(0, 300);
    assert.ok(head.includes(`kzprof ${version} `), `${f}: header with kzprof ${version}`);
  }
});

test('the API and the element report that version', async () => {
  const api = await import(path.join(site, 'kzprof.mjs'));
  assert.equal(api.VERSION, version);
  const widget = fs.readFileSync(path.join(site, 'kzprof-widget.mjs'), 'utf8');
  assert.match(widget, /export\s*\{[^}]*\bVERSION\b/, 'the widget module exports VERSION');
  assert.ok(widget.includes(JSON.stringify(version)), 'the version is built into the widget');
});

test('each text and wasm file has .gz and .br copies that decode to it exactly', () => {
  const compressible = files.filter((f) => /\.(html|mjs|js|css|json|wasm)$/.test(f));
  for (const f of compressible) {
    const raw = fs.readFileSync(path.join(site, f));
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(site, `${f}.gz`))), raw, `${f}.gz`);
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(site, `${f}.br`))), raw, `${f}.br`);
  }
  assert.ok(compressible.includes('kzprof-core.wasm') && compressible.includes('professions.json'));
});

test('sourcemaps are written beside the site, not into it, and the shipped files do not point to them', () => {
  assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
  for (const f of ['kzprof-widget.mjs', 'kzprof-widget-classic.js']) {
    assert.doesNotMatch(fs.readFileSync(path.join(site, f), 'utf8'), /sourceMappingURL/, f);
    const map = JSON.parse(fs.readFileSync(path.join(site, '..', 'sourcemaps', `${f}.map`), 'utf8'));
    assert.ok(map.sources.some((s) => s.endsWith('web/kzprof-widget.mjs')), `${f}.map covers the widget source`);
  }
});

test('the widget module is minified into one file: no import, the glue inlined', () => {
  const widget = fs.readFileSync(path.join(site, 'kzprof-widget.mjs'), 'utf8');
  assert.doesNotMatch(widget, /(^|[;}\n])\s*import\s*[\w{*"']/, 'no static import');
  assert.ok(widget.length / widget.split('\n').length > 2000, 'minified: a few long lines');
  const classic = fs.readFileSync(path.join(site, 'kzprof-widget-classic.js'), 'utf8');
  assert.doesNotMatch(classic, /\bimport\.meta\b|^\s*(import|export)\s/m, 'the classic script is no module');
});

test('the server sends br, gzip or the plain file by Accept-Encoding, always with Vary', async (t) => {
  const server = await serve(site, 0);
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/kzprof-core.wasm`;
  const wasm = fs.readFileSync(path.join(site, 'kzprof-core.wasm'));
  // fetch() decodes bodies itself, so the raw bytes are checked through node:http.
  const http = await import('node:http');
  const get = (ae) => new Promise((resolve, reject) => {
    http.get(url, { headers: ae ? { 'accept-encoding': ae } : {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
  const cases = [['br, gzip', 'br', zlib.brotliDecompressSync], ['gzip, deflate', 'gzip', zlib.gunzipSync],
    ['br;q=0, gzip', 'gzip', zlib.gunzipSync], ['', undefined, (b) => b], ['identity', undefined, (b) => b]];
  for (const [ae, enc, decode] of cases) {
    const r = await get(ae);
    assert.equal(r.headers['content-encoding'], enc, `Accept-Encoding: ${ae}`);
    assert.equal(r.headers.vary, 'Accept-Encoding');
    assert.equal(r.headers['content-type'], 'application/wasm');
    assert.deepEqual(decode(r.body), wasm, `Accept-Encoding: ${ae}: the body decodes to the wasm`);
    if (enc) assert.ok(r.body.length < wasm.length * 0.5, `${enc} is smaller`);
  }
});

test('a precompressed copy older than its file is not served (a file replaced by hand)', async (t) => {
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'kzprof-stale-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'a.json'), '"old"');
  fs.writeFileSync(path.join(dir, 'a.json.gz'), zlib.gzipSync('"old"'));
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(path.join(dir, 'a.json.gz'), past, past);
  fs.writeFileSync(path.join(dir, 'a.json'), '"new"');
  const server = await serve(dir, 0);
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/a.json`;
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(res.headers.get('content-encoding'), null);
  assert.equal(await res.text(), '"new"');
});
