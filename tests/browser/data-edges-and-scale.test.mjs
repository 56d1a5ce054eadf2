// Issue 14 in the widget: data whose meta is missing (14.1), a host page that alters meta, the `limit`
// attribute (14.7), a list of 100,000 entries (14.8: the browse view is bounded) and a 12 MB name
// (refused by the field limits, shown as a data error).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, startServer, session, openWidget, typeQuery, widgetState, tmpDir, SITE } from './harness.mjs';
import { syntheticData } from '../bench/synthetic.mjs';

const real = JSON.parse(fs.readFileSync(path.join(SITE, 'professions.json'), 'utf8'));
let browser, server, dir;

// A copy of the site with extra data files and one page per data file (the widget with data-src=FILE).
function page(name, file, attrs = 'url-state="on"') {
  fs.writeFileSync(path.join(dir, `${name}.html`), fs.readFileSync(path.join(SITE, 'index.html'), 'utf8')
    .replace('<kz-professions url-state="on">', `<kz-professions data-src="${file}" lang="en" ${attrs}>`));
}
before(async () => {
  browser = await launch();
  dir = tmpDir('kzprof-edges-');
  fs.cpSync(SITE, dir, { recursive: true });
  const noMeta = structuredClone(real);
  delete noMeta.meta;
  fs.writeFileSync(path.join(dir, 'no-meta.json'), JSON.stringify(noMeta));
  page('no-meta', 'no-meta.json');
  const longName = structuredClone(real);
  longName.professions[1].ru = 'я'.repeat(6 * 1024 * 1024);  // 12 MB of UTF-8
  fs.writeFileSync(path.join(dir, 'long-name.json'), JSON.stringify(longName));
  page('long-name', 'long-name.json');
  fs.writeFileSync(path.join(dir, 'big.json'), JSON.stringify(syntheticData(real, 100000)));
  page('big', 'big.json', 'url-state="off"');
  page('limit', 'professions.json', 'url-state="off" limit="1e9"');
  server = await startServer(dir);
});
after(async () => { await browser?.close(); await server?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

/** Records the widget's events from the start (an init script, before the page's own scripts). */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['kzprof-ready', 'kzprof-error'])
      document.addEventListener(type, (e) => window.__events.push([type, e.detail?.message ?? null]));
  });
}

test('data without meta: kzprof-error names the field, also when opened with ?code= (it used to hang)', async () => {
  for (const url of [`${server.origin}/no-meta.html`, `${server.origin}/no-meta.html?code=2512-1-007`]) {
    const s = await session(browser, server.origin, { serviceWorkers: 'block' });
    await recordEvents(s.page);
    await s.page.goto(url);
    await s.page.waitForFunction(() => window.__events.length > 0, null, { timeout: 10000 });
    const events = await s.page.evaluate(() => window.__events);
    assert.equal(events.length, 1);
    assert.equal(events[0][0], 'kzprof-error');
    assert.match(events[0][1], /data: field 'meta': missing or not an object/);
    const st = await widgetState(s.page);
    assert.match(st.state, /could not start/);
    const disabled = await s.page.evaluate(() => document.querySelector('kz-professions').shadowRoot
      .querySelector('input').disabled);
    assert.equal(disabled, true);
    await s.assertClean();
    await s.close();
  }
});

test('a host page that empties meta: the verdict shows what there is, never throws', async () => {
  const s = await session(browser, server.origin, { serviceWorkers: 'block' });
  await openWidget(s.page, `${server.origin}/?lang=en`);
  for (const meta of [{}, null, 'x', { act: { number: '49' }, as_of: 5 }]) {
    await s.page.evaluate((m) => { document.querySelector('kz-professions').matcher.meta = m; }, meta);
    await typeQuery(s.page, 'разработчик программного');
    await s.page.locator('kz-professions [role="option"][data-code="2512-1-007"]').click();
    const st = await widgetState(s.page);
    assert.match(st.verdict, /2512-1-007/, `meta ${JSON.stringify(meta)}: the verdict names the entry`);
    assert.match(st.verdict, /Разработчик программного обеспечения/);
    assert.doesNotMatch(st.verdict, /undefined|null|Invalid Date/);
    await s.page.locator('kz-professions .kzp-verdict button').nth(1).click();  // new search
  }
  await s.assertClean();
  await s.close();
});

test('the limit attribute: a number ("1e9" is a billion, capped at 51), otherwise the default 8', async () => {
  const s = await session(browser, server.origin, { serviceWorkers: 'block' });
  await openWidget(s.page, `${server.origin}/limit.html`);
  const limits = await s.page.evaluate(() => {
    const w = document.querySelector('kz-professions');
    const out = {};
    for (const v of ['1e9', 'abc', '-3', '0', '2.9', '', ' 5 ', 'Infinity', '12px', '0x10', null]) {
      if (v === null) w.removeAttribute('limit'); else w.setAttribute('limit', v);
      out[String(v)] = w.limit;
    }
    w.setAttribute('limit', '1e9');
    return out;
  });
  assert.deepEqual(limits,
    { '1e9': 51, abc: 8, '-3': 8, 0: 8, 2.9: 2, '': 8, ' 5 ': 5, Infinity: 51, '12px': 8, '0x10': 16, null: 8 });
  await typeQuery(s.page, 'инженер');
  const st = await widgetState(s.page);
  assert.ok(st.codes.length > 1, `"1e9" shows more than one result (parseInt read it as 1): ${st.codes.length}`);
  await s.assertClean();
  await s.close();
});

test('100,000 entries: the browse view renders a bounded page per open group; clearing the box is fast', async () => {
  const s = await session(browser, server.origin, { serviceWorkers: 'block' });
  await s.page.goto(`${server.origin}/big.html`);
  await s.page.waitForFunction(() => document.querySelector('kz-professions')?.matcher, null, { timeout: 60000 });
  const count = () => s.page.evaluate(() => {
    const r = document.querySelector('kz-professions').shadowRoot;
    const n = (sel) => r.querySelectorAll(sel).length;
    return { nodes: n('*'), items: n('.kzp-b-item'), more: n('.kzp-b-more') };
  });
  let c = await count();
  assert.equal(c.items, 0, 'closed groups render no entries');
  assert.ok(c.nodes < 500, `DOM nodes in the widget: ${c.nodes} (was 1.64 M)`);
  await s.page.locator('kz-professions summary').last().click();
  await s.page.waitForFunction(() => document.querySelector('kz-professions').shadowRoot.querySelector('.kzp-b-item'));
  c = await count();
  assert.equal(c.items, 100);
  assert.equal(c.more, 1);
  await s.page.locator('kz-professions .kzp-b-more').click();
  c = await count();
  assert.equal(c.items, 200, 'show more adds a page');
  const focusOnNew = await s.page.evaluate(() => {
    const r = document.querySelector('kz-professions').shadowRoot;
    return r.activeElement === r.querySelectorAll('.kzp-b-item')[100];
  });
  assert.equal(focusOnNew, true, 'focus moves to the first new entry');
  // Type, then clear the box: the browse view comes back (it blocked the page for 1.6 s).
  await typeQuery(s.page, 'инженер');
  const ms = await s.page.evaluate(async () => {
    const input = document.querySelector('kz-professions').shadowRoot.querySelector('input');
    const t0 = performance.now();
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t0;
  });
  const st = await widgetState(s.page);
  assert.equal(st.browse, true);
  c = await count();
  assert.ok(c.items <= 200, `entries rendered after clearing: ${c.items}`);
  assert.ok(ms < 400, `clearing the box took ${ms.toFixed(0)} ms`);
  console.log(`  100,000 entries: clearing the box ${ms.toFixed(0)} ms, ${c.nodes} nodes in the widget`);
  await s.assertClean();
  await s.close();
});

test('a 12 MB name is refused by the field limit and shown as a data error, not a slow widget', async () => {
  const s = await session(browser, server.origin, { serviceWorkers: 'block' });
  await recordEvents(s.page);
  await s.page.goto(`${server.origin}/long-name.html`);
  await s.page.waitForFunction(() => window.__events.length > 0, null, { timeout: 30000 });
  const events = await s.page.evaluate(() => window.__events);
  assert.equal(events[0][0], 'kzprof-error');
  assert.match(events[0][1], /2211-7-002: field 'ru': 12582912 bytes, longer than the limit of 1000/);
  assert.match((await widgetState(s.page)).state, /could not start/);
  await s.assertClean();
  await s.close();
});
