// Hostile inputs stay text: XSS payloads typed as the query and planted in the data never execute
// (AC 11); the widget keeps its look inside a host page with hostile global CSS (AC 27); the pages
// have no inline script or style and are served with the strict CSP (AC 28).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, startServer, session, openWidget, typeQuery, widgetState, tmpDir, SITE, ARTIFACTS } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); fs.mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const PAYLOADS = ['<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=2</script>', '<svg onload=window.__pwned=3>', "javascript:window.__pwned=4//"];

test('XSS payloads typed as the query are shown as text and never run', async () => {
  const s = await session(browser, server.origin);
  await openWidget(s.page, `${server.origin}/?lang=en`);
  for (const p of PAYLOADS) {
    await typeQuery(s.page, p);
    await s.page.waitForTimeout(50);
  }
  // and through the URL
  await openWidget(s.page, `${server.origin}/?lang=en&q=${encodeURIComponent(PAYLOADS[0])}&code=${encodeURIComponent(PAYLOADS[1])}`);
  const st = await widgetState(s.page);
  assert.equal(st.value, PAYLOADS[0]);
  assert.equal(st.verdict, null, 'an unknown code in the URL shows no verdict');
  assert.equal(await s.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await s.page.evaluate(() => document.querySelector('kz-professions').shadowRoot.querySelectorAll('img, script, svg').length), 0);
  await s.assertClean();
  await s.close();
});

test('a malicious data file with <img onerror> and <script> in the names renders them as text', async () => {
  const dir = tmpDir('kzprof-xss-');
  fs.cpSync(SITE, dir, { recursive: true });
  const data = JSON.parse(fs.readFileSync(path.join(SITE, 'professions.json'), 'utf8'));
  data.professions[0].ru = 'Врач <img src=x onerror="window.__pwned=1">';
  data.professions[0].kk = 'Дәрігер <script>window.__pwned=2</script>';
  data.professions[0].unofficial.en = '<svg onload="window.__pwned=3">';
  data.groups[0].ru = ['<b onmouseover="window.__pwned=4">Здравоохранения</b>'];
  data.meta.source_urls.ru = 'javascript:window.__pwned=5';
  fs.writeFileSync(path.join(dir, 'evil.json'), JSON.stringify(data));
  fs.writeFileSync(path.join(dir, 'evil.html'), fs.readFileSync(path.join(SITE, 'index.html'), 'utf8')
    .replace('<kz-professions>', '<kz-professions data-src="evil.json" url-state="off" lang="ru">'));
  const evil = await startServer(dir);
  const s = await session(browser, evil.origin, { serviceWorkers: 'block' });
  try {
    await openWidget(s.page, `${evil.origin}/evil.html`);
    await s.page.locator('kz-professions summary').first().click();
    await s.page.locator('kz-professions .kzp-b-item').first().click();
    const st = await widgetState(s.page);
    assert.match(st.verdict, /Врач <img src=x onerror="window.__pwned=1">/);
    assert.match(st.verdict, /<script>window.__pwned=2<\/script>/);
    assert.equal(await s.page.evaluate(() => window.__pwned), undefined);
    assert.equal(await s.page.evaluate(() => document.querySelector('kz-professions').shadowRoot.querySelectorAll('img, script, svg, b').length), 0);
    assert.equal(await s.page.evaluate(() => document.querySelector('kz-professions').shadowRoot.querySelectorAll('a[href^="javascript:"]').length), 0, 'no javascript: link from the data');
    await s.page.screenshot({ path: path.join(ARTIFACTS, 'xss-data.png'), fullPage: false });
    await s.assertClean();
  } finally {
    await s.close(); await evil.close(); fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('embedded in a page with hostile global CSS, the widget keeps its fonts, sizes, marks and layout (AC 27)', async () => {
  for (const width of [375, 1280]) {
    const s = await session(browser, server.origin, { width });
    await openWidget(s.page, `${server.origin}/embed-example.html`);
    await typeQuery(s.page, 'doc');
    await s.page.keyboard.press('ArrowDown');
    const look = await s.page.evaluate(() => {
      const r = document.querySelector('kz-professions').shadowRoot;
      const cs = (sel) => getComputedStyle(r.querySelector(sel));
      const hostInput = getComputedStyle(document.querySelector('#host-q'));
      return { font: cs('input').fontFamily, transform: cs('.kzp-label').textTransform, color: cs('.kzp-label').color,
        inputWidth: r.querySelector('input').getBoundingClientRect().width, listStyle: cs('[role="listbox"]').listStyleType,
        optionDisplay: cs('[role="option"]').display, hostInputBg: hostInput.backgroundColor, liveHidden: r.querySelector('[role="status"]').getBoundingClientRect().width };
    });
    assert.doesNotMatch(look.font, /Comic|Courier/);
    assert.equal(look.transform, 'none');
    assert.notEqual(look.color, 'rgb(122, 0, 0)');
    assert.ok(look.inputWidth > 250, `the field spans the widget (${look.inputWidth}px)`);
    assert.equal(look.listStyle, 'none');
    assert.equal(look.optionDisplay, 'flex');
    assert.equal(look.hostInputBg, 'rgb(255, 255, 0)', 'the hostile CSS is in force on the host page itself');
    assert.ok(look.liveHidden <= 1, 'the live region stays visually hidden');
    await s.page.screenshot({ path: path.join(ARTIFACTS, `${width}-embed-hostile.png`), fullPage: true });
    await s.assertClean();
    await s.close();
  }
});

test('pages carry no inline scripts, inline styles or outside URLs, and the server sends the strict CSP (AC 28)', async () => {
  for (const f of ['index.html', 'embed-example.html']) {
    const html = fs.readFileSync(path.join(SITE, f), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${f}: no inline <script>`);
    assert.doesNotMatch(html, /<style|\sstyle=/i, `${f}: no inline styles`);
    assert.doesNotMatch(html, /<(?:link|script|img)[^>]+(?:href|src)="https?:/i, `${f}: no outside assets`);
  }
  const res = await fetch(`${server.origin}/`);
  assert.equal(res.headers.get('content-security-policy').split(';').slice(0, 5).join(';'),
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'");
  for (const f of ['kzprof-widget.mjs', 'kzprof-widget-classic.js']) {
    const js = fs.readFileSync(path.join(SITE, f), 'utf8');
    assert.doesNotMatch(js, /\.innerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/, `${f}: no HTML parsing of strings, no eval`);
  }
});

test('the embed snippet carries sha384 hashes that match the shipped files (AC 10)', async () => {
  const crypto = await import('node:crypto');
  const snippet = fs.readFileSync(path.join(SITE, 'embed-snippet.html'), 'utf8');
  const hash = (f) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(SITE, f))).digest('base64')}`;
  assert.match(snippet, new RegExp(`src="[^"]+/kzprof-widget\\.mjs" integrity="${hash('kzprof-widget.mjs').replace(/[+/]/g, '\\$&')}" crossorigin="anonymous"`));
  const bundle = fs.readFileSync(path.join(SITE, 'kzprof-widget.mjs'), 'utf8');
  assert.doesNotMatch(bundle, /^\s*import\s/m, 'the shipped widget is one module: no nested imports outside SRI');
  assert.ok(bundle.includes(hash('professions.json')) && bundle.includes(hash('kzprof-core.wasm')), 'data and wasm are fetched with built-in hashes');
});
