// Works without the network and without the usual capabilities: offline reload after the service
// worker installed (AC 9), the single-file build from file://, a browser without WebAssembly (AC 16),
// and no JavaScript at all (the server-rendered official list).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, startServer, session, openWidget, typeQuery, widgetState, tmpDir, SITE, ARTIFACTS } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); fs.mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

test('after the first visit the service worker serves everything: an offline reload still searches', async () => {
  const s = await session(browser, server.origin, { serviceWorkers: 'allow' });
  const { page, context } = s;
  await openWidget(page, `${server.origin}/?lang=en`);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    if (!keys.some((k) => k.startsWith('kzprof-'))) return false;
    const c = await caches.open(keys.find((k) => k.startsWith('kzprof-')));
    return Boolean(await c.match('kzprof-core.wasm')) && Boolean(await c.match('professions.json'));
  }, null, { timeout: 10000 });
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('kz-professions')?.matcher, null, { timeout: 10000 });
  await typeQuery(page, '2211');
  assert.ok((await widgetState(page)).codes.length > 0, 'the search answers offline');
  await context.setOffline(false);
  await s.assertClean();
  await s.close();
});

test('the single-file build works opened from disk (file://), with data and wasm inlined', async () => {
  const dir = tmpDir('kzprof-file-');
  const file = path.join(dir, 'kzprof-offline.html');
  fs.copyFileSync(path.join(SITE, 'kzprof-offline.html'), file); // alone: nothing next to it to load
  const s = await session(browser, 'file://');
  const { page } = s;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  try {
    await openWidget(page, `${pathToFileURL(file).href}?lang=kk`);
    let st = await widgetState(page);
    assert.equal(st.lang, 'kk');
    await typeQuery(page, 'дәрігер');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    st = await widgetState(page);
    assert.match(st.verdict ?? '', /Бұл кәсіп тізбеде бар/);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
    assert.deepEqual(requests.filter((u) => u.startsWith('file:') && !u.includes('kzprof-offline.html')), [], 'no other file is needed');
    await page.screenshot({ path: path.join(ARTIFACTS, 'file-offline-verdict.png'), fullPage: false });
    await s.assertClean();
  } finally {
    await s.close(); fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('without WebAssembly the widget says the search cannot start and the official list stays (AC 16)', async () => {
  const s = await session(browser, server.origin, { serviceWorkers: 'block' });
  const { page } = s;
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto(`${server.origin}/?lang=en`);
  await page.waitForFunction(() => document.querySelector('kz-professions')?.shadowRoot?.querySelector('.kzp-state.kzp-error'));
  const st = await widgetState(page);
  assert.match(st.state, /could not start/);
  assert.equal(await page.locator('.list-box').getAttribute('open'), '', 'the official list stays open');
  assert.equal(await page.locator('.kzp-static-list tbody tr').count(), 51);
  await s.assertClean();
  await s.close();
});

test('without JavaScript the served page already holds the full official list', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  assert.equal(await page.locator('.kzp-static-list tbody tr').count(), 51);
  assert.ok(await page.locator('.kzp-static-list').isVisible());
  assert.equal(await page.locator('td[lang="kk"]').first().textContent(), 'Дәрігер-нейрохируг');
  await context.close();
});
