// Issue 12, defects 3, 4, 5 and the start-up errors of 9: an amended list reaches returning visitors and
// says so; offline shows the saved list with its date; a bad file is never cached and a bad cached copy is
// replaced; the worker keeps only what the page uses; data and wasm are requested at once and the wasm is
// compiled as it streams; a start-up failure says what failed, in the interface and in kzprof-error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch, session, openWidget, typeQuery, widgetState, axeViolations, tmpDir, SITE, ROOT, ARTIFACTS }
  from './harness.mjs';
import { CSP } from '../../web/server.mjs';

let browser;
before(async () => { browser = await launch(); fs.mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); });

const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript', '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

/**
 * A static host for these tests: logs every request (the page's and the service worker's), and sends the
 * Cache-Control given (a host with max-age is the case where the HTTP cache holds old files), a CSP and
 * extra headers per file. Reads the files at each request, so a test can change them between visits.
 */
async function host(dir, { cacheControl = 'no-cache', csp = CSP, headers = () => ({}) } = {}) {
  const log = [];
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    log.push(rel);
    let file = path.join(dir, rel);
    if (rel.endsWith('/')) file = path.join(file, 'index.html');
    const base = { 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff',
      ...(csp ? { 'Content-Security-Policy': csp } : {}), ...headers(rel) };
    if (!fs.existsSync(file)) { res.writeHead(404, base).end('not found'); return; }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { ...base, 'Content-Type': type }).end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const close = () => new Promise((r) => { server.closeAllConnections(); server.close(r); });
  return { origin: `http://127.0.0.1:${server.address().port}`, log, close };
}

const copySite = (prefix) => { const dir = tmpDir(prefix); fs.cpSync(SITE, dir, { recursive: true }); return dir; };

/** Builds the site again into dir from a data file (an amended list), as a deploy does. */
function rebuild(dir, dataFile) {
  const args = ['--out', dir, '--wasm-dir', path.join(ROOT, 'build/wasm'), '--data', dataFile];
  execFileSync(process.execPath, [path.join(ROOT, 'web/build-site.mjs'), ...args], { stdio: 'pipe' });
}

async function workerCacheFilled(page) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(async () => {
    const key = (await caches.keys()).find((k) => k.startsWith('kzprof-'));
    return Boolean(key && navigator.serviceWorker.controller && (await (await caches.open(key)).keys()).length >= 7);
  }, null, { timeout: 15000, polling: 100 });
}

const cachedFiles = (page) => page.evaluate(async () => {
  const key = (await caches.keys()).find((k) => k.startsWith('kzprof-'));
  return (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname).sort();
});

test('defects 4 and 5: data and wasm requested at once (preloaded), the wasm compiled as it streams; '
  + 'the worker caches only what the page uses, without downloading it again', { timeout: 120000 }, async () => {
  const srv = await host(SITE);
  const s = await session(browser, srv.origin, { width: 375, height: 800 });
  const { page } = s;
  try {
    await page.addInitScript(() => {
      window.__streamed = 0;
      const orig = WebAssembly.compileStreaming;
      WebAssembly.compileStreaming = (...a) => { window.__streamed++; return orig.apply(WebAssembly, a); };
    });
    await openWidget(page, `${srv.origin}/?lang=ru`);
    const t = await page.evaluate(() => {
      const e = (f) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(f));
      const [w, d, m] = [e('kzprof-core.wasm'), e('professions.json'), e('kzprof-widget.mjs')];
      return { wasm: { start: w.startTime, init: w.initiatorType },
        data: { start: d.startTime, end: d.responseEnd, init: d.initiatorType },
        widgetEnd: m.responseEnd, streamed: window.__streamed };
    });
    assert.equal(t.wasm.init, 'link', 'the wasm is preloaded by the page');
    assert.equal(t.data.init, 'link', 'the data is preloaded by the page');
    assert.ok(t.wasm.start < t.widgetEnd && t.data.start < t.widgetEnd,
      'both requested before the widget module has arrived');
    assert.ok(t.wasm.start < t.data.end, 'the wasm does not wait for the data');
    assert.equal(t.streamed, 1, 'compiled with WebAssembly.compileStreaming');

    await workerCacheFilled(page);
    assert.deepEqual(await cachedFiles(page),
      ['/', '/favicon.svg', '/kzprof-core.wasm', '/kzprof-widget.mjs', '/page.css', '/page.mjs', '/professions.json'],
      'the worker keeps what the page uses, and nothing else');
    const count = (f) => srv.log.filter((u) => u === f).length;
    for (const f of ['/kzprof-core.wasm', '/professions.json', '/kzprof-widget.mjs', '/page.css', '/page.mjs'])
      assert.equal(count(f), 1, `${f} downloaded once (${count(f)})`);
    const unused = ['/kzprof-offline.html', '/kzprof-core-classic.js', '/kzprof-widget-classic.js', '/kzprof.mjs',
      '/embed-example.html'];
    for (const f of unused)
      assert.equal(count(f), 0, `${f} is not fetched`);
    await s.assertClean();
  } finally {
    await s.close(); await srv.close();
  }
});

test('defect 3: an amended list reaches a returning visitor (host with max-age) and the widget says so; '
  + 'offline shows the saved list with its date', { timeout: 120000 }, async () => {
  const dir = copySite('kzprof-amend-');
  const srv = await host(dir, { cacheControl: 'public, max-age=86400' });
  const s = await session(browser, srv.origin, { width: 375, height: 800 });
  const { page, context } = s;
  try {
    await openWidget(page, `${srv.origin}/?lang=en`);
    await workerCacheFilled(page);
    // The ministry amends the list: a deploy with the new data (same URLs, the old files still in HTTP caches).
    const data = JSON.parse(fs.readFileSync(path.join(SITE, 'professions.json'), 'utf8'));
    data.meta.as_of = '2025-01-15';
    data.meta.data_version = '2025.01.15-1';
    data.professions.find((p) => p.code === '2211-7-004').unofficial.en = 'Oncologist (physician)';
    const amended = path.join(dir, '..', `${path.basename(dir)}-data.json`);
    fs.writeFileSync(amended, JSON.stringify(data, null, 2));
    rebuild(dir, amended);

    await page.reload();
    await page.waitForFunction(() => document.querySelector('kz-professions')?.matcher);
    const noticeText = () => page.evaluate(() => document.querySelector('kz-professions').shadowRoot
      .querySelector('.kzp-notice').textContent);
    await page.waitForFunction(() => !document.querySelector('kz-professions').shadowRoot
      .querySelector('.kzp-notice').hidden, null, { timeout: 15000 });
    const notice = await noticeText();
    assert.equal(notice, 'The list has been updated: this is the list as of 15.01.2025.');
    await typeQuery(page, 'oncologist');
    const first = await page.locator('kz-professions [role="option"]').first().textContent();
    assert.match(first, /Oncologist \(physician\)/, 'the amended list is searched');
    assert.deepEqual(await axeViolations(page), [], 'axe with the update notice');
    await page.screenshot({ path: path.join(ARTIFACTS, 'updated-list-en-375.png'), fullPage: false });

    // The next visit starts with the new list, without a notice.
    await openWidget(page, `${srv.origin}/?lang=en`);
    assert.equal(await page.evaluate(() => document.querySelector('kz-professions').matcher.meta.as_of), '2025-01-15');

    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('kz-professions')?.matcher);
    const offline = await noticeText();
    assert.equal(offline, 'You are offline: this is the list as of 15.01.2025 saved on this device.');
    await typeQuery(page, 'oncologist');
    assert.ok((await widgetState(page)).codes.includes('2211-7-004'), 'the saved list answers offline');
    assert.deepEqual(await axeViolations(page), [], 'axe offline');
    await page.screenshot({ path: path.join(ARTIFACTS, 'offline-en-375.png'), fullPage: false });
    await context.setOffline(false);
    await s.assertClean();
  } finally {
    await s.close(); await srv.close(); fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('defect 3: a truncated wasm is never cached (and named as such); once fixed on the server, '
  + 'the next visit works and goes offline', { timeout: 120000 }, async () => {
  const dir = copySite('kzprof-bad-');
  const good = fs.readFileSync(path.join(dir, 'kzprof-core.wasm'));
  fs.writeFileSync(path.join(dir, 'kzprof-core.wasm'), good.subarray(0, good.length >> 1));
  const srv = await host(dir);
  const s = await session(browser, srv.origin, { width: 375, height: 800 });
  const { page, context } = s;
  try {
    await page.addInitScript(() => document.addEventListener('kzprof-error', (e) => { window.__err = e.detail; }));
    await page.goto(`${srv.origin}/?lang=en`);
    await page.waitForFunction(() => window.__err);
    const err = await page.evaluate(() => window.__err);
    assert.equal(err.kind, 'hash');
    assert.match(err.message, /kzprof-core\.wasm: does not match its sha384/);
    assert.match((await widgetState(page)).state, new RegExp('^The search could not start: the file kzprof-core\\.wasm '
      + 'is not the one this search was built with .*The full official list on this page is still there\\.$'));
    await page.screenshot({ path: path.join(ARTIFACTS, 'error-hash-en-375.png'), fullPage: false });
    await page.waitForTimeout(1500); // the worker tries to install, and must refuse the bad file
    const cached = await page.evaluate(async () => {
      for (const k of await caches.keys()) if (await (await caches.open(k)).match('kzprof-core.wasm')) return true;
      return false;
    });
    assert.equal(cached, false, 'the truncated wasm is not in any cache');

    fs.writeFileSync(path.join(dir, 'kzprof-core.wasm'), good); // the server is fixed
    await openWidget(page, `${srv.origin}/?lang=en`);
    await workerCacheFilled(page);
    // A cached copy damaged afterwards is fetched again and replaced, not served.
    await page.evaluate(async () => {
      const key = (await caches.keys()).find((k) => k.startsWith('kzprof-'));
      const bad = new Response(new Uint8Array([0, 97, 115, 109]), { headers: { 'Content-Type': 'application/wasm' } });
      await (await caches.open(key)).put('kzprof-core.wasm', bad);
    });
    await openWidget(page, `${srv.origin}/?lang=en`);
    const size = await page.evaluate(async () => {
      const key = (await caches.keys()).find((k) => k.startsWith('kzprof-'));
      return (await (await (await caches.open(key)).match('kzprof-core.wasm')).arrayBuffer()).byteLength;
    });
    assert.equal(size, good.length, 'the damaged cached copy was replaced');
    await context.setOffline(true);
    await openWidget(page, `${srv.origin}/?lang=en`);
    await typeQuery(page, '2211');
    assert.ok((await widgetState(page)).codes.length > 0, 'works offline');
    await context.setOffline(false);
    await s.assertClean();
  } finally {
    await s.close(); await srv.close(); fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Opens a page whose widget fails to start; returns the kzprof-error detail and the widget's text. */
async function startupError(url, { serviceWorkers = 'block', init } = {}) {
  const s = await session(browser, new URL(url).origin, { serviceWorkers });
  await s.page.addInitScript(() => document.addEventListener('kzprof-error', (e) => { window.__err = e.detail; }));
  if (init) await s.page.addInitScript(init);
  await s.page.goto(url);
  await s.page.waitForFunction(() => window.__err, null, { timeout: 10000 });
  const r = { detail: await s.page.evaluate(() => window.__err), text: (await widgetState(s.page)).state,
    axe: await axeViolations(s.page), console: s.consoleMessages };
  await s.close();
  return r;
}

test('defect 9: each start-up failure says what failed, in the interface and in kzprof-error '
  + '(missing file, no WebAssembly, CSP, CORS)', { timeout: 120000 }, async () => {
  const dir = copySite('kzprof-errors-');
  const index = fs.readFileSync(path.join(SITE, 'index.html'), 'utf8');
  // An embedding page: no official list of its own, only the widget.
  const embed = (attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embed</title>
<script type="module" src="kzprof-widget.mjs"></script></head>
<body><main><h1>Embed</h1><kz-professions lang="en" ${attrs}></kz-professions></main></body></html>`;
  fs.writeFileSync(path.join(dir, 'missing.html'), embed('data-src="nowhere.json"'));
  const srv = await host(dir);
  const corsForModules = (rel) => (rel.endsWith('.mjs') ? { 'Access-Control-Allow-Origin': '*' } : {});
  const other = await host(dir, { headers: corsForModules });
  fs.writeFileSync(path.join(dir, 'cross.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Embed</title>
<script type="module" src="${other.origin}/kzprof-widget.mjs" crossorigin="anonymous"></script></head>
<body><main><h1>Embed</h1><kz-professions lang="en"></kz-professions></main></body></html>`);
  const crossCsp = CSP.replace("script-src 'self'", `script-src 'self' ${other.origin}`)
    .replace("connect-src 'self'", `connect-src 'self' ${other.origin}`);
  const noWasmCsp = CSP.replace(" 'wasm-unsafe-eval'", '');
  const cross = await host(dir, { csp: crossCsp });
  const noWasm = await host(dir, { csp: noWasmCsp });
  try {
    let r = await startupError(`${srv.origin}/missing.html`);
    assert.equal(r.detail.kind, 'missing');
    assert.match(r.detail.message, /nowhere\.json: HTTP 404/);
    assert.equal(r.text, 'The search could not start: the file nowhere.json was not found on the server. '
      + 'Please try again later.',
      'an embed has no list below to point to');
    assert.deepEqual(r.axe, []);

    r = await startupError(`${srv.origin}/?lang=ru`, { init: () => { delete globalThis.WebAssembly; } });
    assert.equal(r.detail.kind, 'no-wasm');
    assert.match(r.text, new RegExp('^Поиск не запустился: этот браузер не поддерживает WebAssembly'
      + '.*Полный официальный перечень на этой странице доступен\\.$'));

    r = await startupError(`${noWasm.origin}/?lang=kk`);
    assert.equal(r.detail.kind, 'csp');
    assert.match(r.text, new RegExp('^Іздеу іске қосылмады: беттің қауіпсіздік саясаты \\(Content-Security-Policy\\) '
      + 'kzprof-core\\.wasm файлына жол бермей тұр\\.'));

    r = await startupError(`${cross.origin}/cross.html`);
    assert.equal(r.detail.kind, 'cors', `a cross-origin file without CORS (${r.detail.message})`);
    assert.match(r.text, /on another site, which does not allow this page to load it \(CORS\)/);
  } finally {
    await srv.close(); await other.close(); await cross.close(); await noWasm.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
