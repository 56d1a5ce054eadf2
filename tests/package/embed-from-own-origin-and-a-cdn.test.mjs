// A clean ministry page embeds the element from the installed npm package, following the README:
// the files copied to its own origin, then the same files on a second origin (a "CDN", a second
// local server sending Access-Control-Allow-Origin). Real Chromium, the strict CSP header of
// web/server.mjs (with the CDN's origin added to 'self'), precompressed responses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../../web/server.mjs';
import { launch, typeQuery, widgetState } from '../browser/harness.mjs';
import { scratchProject, copyWidgetFiles, VERSION } from './scratch.mjs';

const s = scratchProject();
const pub = path.join(s.project, 'public');
copyWidgetFiles(s.pkg, path.join(pub, 'kzprof'));
const sri = (file) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(file)).digest('base64')}`;
const INTEGRITY = sri(path.join(pub, 'kzprof', 'kzprof-widget.mjs'));

// The page's own script only records the widget's events (inline scripts are forbidden by the CSP).
fs.writeFileSync(path.join(pub, 'events.js'), `window.__events = [];
for (const type of ['kzprof-ready', 'kzprof-error'])
  document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
`);
fs.writeFileSync(path.join(pub, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
const FALLBACK = '<p class="fallback">Search needs JavaScript. The official list: ' +
  '<a href="https://adilet.zan.kz/rus/docs/V2300031938">Order No. 49, Annex 2</a>.</p>';
function page(file, src, { attrs = '' } = {}) {
  fs.writeFileSync(path.join(pub, file), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A ministry page</title><link rel="icon" href="icon.svg">
<script type="module" src="events.js"></script>
<script type="module" src="${src}" integrity="${INTEGRITY}" crossorigin="anonymous"></script>
</head><body><main><h1>Check a profession</h1>
<kz-professions lang="en" url-state="off"${attrs}>${FALLBACK}</kz-professions>
</main></body></html>
`);
}
const cspWith = (origin) => `default-src 'none'; script-src 'self' ${origin} 'wasm-unsafe-eval'; style-src 'self'; ` +
  `connect-src 'self' ${origin}; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'`;

let browser, servers = [];
const origin = (srv) => `http://127.0.0.1:${srv.address().port}`;
before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  for (const srv of servers) srv.close();
  s.cleanup();
});
async function start(dir, opts) { const srv = await serve(dir, 0, opts); servers.push(srv); return origin(srv); }

/** Opens url; records console messages, the origins asked, and the Content-Encoding of each response. */
async function open(url, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, serviceWorkers: 'block' });
  const p = await context.newPage();
  const log = { console: [], origins: new Set(), encodings: {} };
  p.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
  p.on('pageerror', (e) => log.console.push(`pageerror: ${e.message}`));
  p.on('request', (r) => log.origins.add(new URL(r.url()).origin));
  p.on('response', async (r) => {
    // A response still arriving when the test closes its page (the favicon) has no headers to read any more.
    const headers = await r.allHeaders().catch(() => null);
    if (headers) log.encodings[new URL(r.url()).pathname.split('/').pop()] = headers['content-encoding'] ?? null;
  });
  await p.goto(url);
  return { page: p, log, close: () => context.close() };
}
/** Waits for the widget to be ready or to report an error. */
const ready = (p) => p.waitForFunction(() => window.__events.length > 0, null, { timeout: 15000 });
const fallbackShown = (p) => p.locator('.fallback').isVisible();

async function searchWorks(p) {
  await ready(p);
  assert.deepEqual(await p.evaluate(() => window.__events), [{ type: 'kzprof-ready', detail: { count: 51 } }]);
  const version = await p.evaluate(() => customElements.get('kz-professions').version);
  assert.equal(version, VERSION, 'the element says its version');
  await typeQuery(p, 'oncologist');
  const st = await widgetState(p);
  assert.equal(st.codes[0], '2211-7-004', `results for "oncologist": ${st.codes}`);
  assert.equal(await fallbackShown(p), false, 'the fallback content is hidden once the element runs');
}

test('from its own origin: the page embeds the package files under the strict CSP', async () => {
  page('own.html', 'kzprof/kzprof-widget.mjs');
  const o = await start(pub);
  const { page: p, log, close } = await open(`${o}/own.html`);
  await searchWorks(p);
  assert.deepEqual(log.console, [], 'the console stayed empty');
  assert.deepEqual([...log.origins], [o], 'nothing requested from elsewhere');
  for (const f of ['kzprof-widget.mjs', 'kzprof-core.wasm', 'professions.json'])
    assert.match(String(log.encodings[f]), /^(gzip|br)$/, `${f} came precompressed`);
  await close();
});

test('without JavaScript, the fallback content inside <kz-professions> is shown', async () => {
  const o = await start(pub);
  const { page: p, close } = await open(`${o}/own.html`, { javaScriptEnabled: false });
  assert.equal(await fallbackShown(p), true);
  await close();
});

test('from a CORS CDN on a second origin, the CSP naming it besides \'self\'', async () => {
  const cdn = await start(path.join(pub, 'kzprof'), { cors: true });
  page('cdn.html', `${cdn}/kzprof-widget.mjs`);
  const o = await start(pub, { csp: cspWith(cdn) });
  const { page: p, log, close } = await open(`${o}/cdn.html`);
  await searchWorks(p);
  assert.deepEqual(log.console, [], 'the console stayed empty');
  assert.deepEqual([...log.origins].sort(), [o, cdn].sort(), 'the page and the CDN only');
  await close();
});

test('a CDN without Access-Control-Allow-Origin: the module is refused and the fallback content stays', async () => {
  const cdn = await start(path.join(pub, 'kzprof'), { cors: false });
  page('nocors.html', `${cdn}/kzprof-widget.mjs`);
  const o = await start(pub, { csp: cspWith(cdn) });
  const { page: p, log, close } = await open(`${o}/nocors.html`);
  await p.waitForLoadState('load');
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => customElements.get('kz-professions')), undefined, 'the module did not run');
  assert.equal(await fallbackShown(p), true, 'the visitor still sees the fallback');
  assert.ok(log.console.some((m) => /CORS|Access-Control-Allow-Origin/.test(m)), `console: ${log.console}`);
  await close();
});

test('data and wasm on a CDN without Access-Control-Allow-Origin: kzprof-error fires with a message', async () => {
  const cdn = await start(path.join(pub, 'kzprof'), { cors: false });
  page('nocors-data.html', 'kzprof/kzprof-widget.mjs',
    { attrs: ` data-src="${cdn}/professions.json" wasm-src="${cdn}/kzprof-core.wasm"` });
  const o = await start(pub, { csp: cspWith(cdn) });
  const { page: p, close } = await open(`${o}/nocors-data.html`);
  await ready(p);
  const events = await p.evaluate(() => window.__events);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'kzprof-error');
  assert.ok(events[0].detail.message.length > 0, 'the error has a message');
  await close();
});
