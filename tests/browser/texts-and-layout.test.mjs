// Issue 12, defects 9 (texts), 10 (Kazakh wording, glossary) and 11 (the static table at 375 px).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, startServer, session, openWidget, typeQuery, pauseTyping, widgetState, stubAnswer, axeViolations,
  ROOT, ARTIFACTS } from './harness.mjs';

let browser, server;
before(async () => {
  browser = await launch(); server = await startServer(); fs.mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); });

test('defect 9: "the whole list is below" only when the list is shown below', async () => {
  const s = await session(browser, server.origin);
  const { page } = s;
  await openWidget(page, `${server.origin}/?lang=en`);
  await stubAnswer(page, { verdict: 'none', codes: [] });
  await typeQuery(page, 'astronaut');
  await pauseTyping(page);
  const st = await widgetState(page);
  assert.match(st.notFound, /The whole list is below/);
  assert.ok(st.browse, 'and it is: the browse list follows the not-found box');
  assert.deepEqual(await axeViolations(page), []);
  await s.assertClean();
  await s.close();
});

test('defect 9: printing without a choice prints the official list, not a heading over nothing', async () => {
  const s = await session(browser, server.origin);
  const { page } = s;
  await openWidget(page, `${server.origin}/?lang=ru`);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    // checkVisibility: the rows of a closed <details> have boxes but are not rendered (content-visibility).
    const vis = (el) => Boolean(el?.checkVisibility({ visibilityProperty: true }));
    const rows = [...document.querySelectorAll('.kzp-static-list tbody tr')].filter(vis).length;
    return { heading: vis(document.querySelector('#list-h')), rows };
  });
  assert.deepEqual(printed, { heading: true, rows: 51 });
  const printedText = await page.evaluate(() => document.body.innerText);
  assert.match(printedText, /Врач-нейрохирург/, 'the list is in the printed text');
  await page.screenshot({ path: path.join(ARTIFACTS, 'print-no-choice.png'), fullPage: false });
  await page.pdf({ path: path.join(ARTIFACTS, 'print-no-choice.pdf'), format: 'A4' });
  await s.close();
});

test('defect 9: group headings get a display label beside the verbatim heading; '
  + '"(unofficial translation)" once in English', async () => {
  const s = await session(browser, server.origin, { width: 375, height: 800 });
  const { page } = s;
  const summaries = () => page.evaluate(() => [...document.querySelector('kz-professions').shadowRoot
    .querySelectorAll('summary')]
    .map((x) => x.textContent));
  await openWidget(page, `${server.origin}/?lang=ru`);
  const ru = await summaries();
  assert.equal(ru[0], 'Здравоохранение — 9 профессийв приказе: «Здравоохранения»');
  // A result card names its group by the same label; the verdict box keeps the order's heading verbatim.
  await page.locator('kz-professions input').fill('врач-онколог');
  const meta = page.locator('kz-professions .kzp-option .kzp-meta').first();
  await meta.waitFor();
  assert.equal(await meta.textContent(), '2211-7-004 · Здравоохранение');
  await page.locator('kz-professions .kzp-option').first().click();
  await page.locator('kz-professions .kzp-facts').waitFor();
  assert.match(await page.locator('kz-professions .kzp-facts').textContent(), /Здравоохранения/);
  await openWidget(page, `${server.origin}/?lang=en`);
  const en = await summaries();
  assert.ok(en.every((x) => !/unofficial/.test(x)), 'no "(unofficial translation)" on each group');
  assert.match(await page.evaluate(() => document.querySelector('kz-professions').shadowRoot
    .querySelector('.kzp-b-lead').textContent),
    /Field names in English are unofficial translations\./);
  await page.locator('kz-professions summary').first().click();
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: path.join(ARTIFACTS, 'browse-en-375.png'), fullPage: true });
  await s.assertClean();
  await s.close();
});

/** The Avoid column of web/i18n/GLOSSARY.md. */
function avoided() {
  const rows = fs.readFileSync(path.join(ROOT, 'web/i18n/GLOSSARY.md'), 'utf8').split('\n')
    .filter((l) => /^\|/.test(l)).slice(2);
  return rows.flatMap((l) => l.split('|')[4].split(',').map((x) => x.replace(/\(.*\)/, '').trim()).filter(Boolean));
}

test('defect 10: the Kazakh texts avoid the glossary\'s translated-from-Russian phrases; '
  + 'the date reads before «жағдайы бойынша»; the minister is not in brackets', async () => {
  const bad = avoided();
  assert.ok(bad.includes('сенімді түрде сәйкес келмейді') && bad.includes('мына күнгі жағдай бойынша'),
    'the glossary lists them');
  const s = await session(browser, server.origin, { width: 375, height: 900 });
  const { page } = s;
  await openWidget(page, `${server.origin}/?lang=kk`);
  // Every Kazakh string, functions called with sample arguments.
  const texts = await page.evaluate(() => {
    const out = [];
    const walk = (v) => {
      if (typeof v === 'string') out.push(v);
      else if (typeof v === 'function') {
        for (const args of [[1], [5], ['missing', 'x.json', true], ['hash', 'x.wasm', false]]) {
          try { walk(v(...args)); } catch { /* needs data */ }
        }
      }
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(customElements.get('kz-professions').locales.kk);
    return out;
  });
  for (const phrase of bad) assert.deepEqual(texts.filter((t) => t.includes(phrase)), [], `«${phrase}»`);
  await typeQuery(page, 'онколог');
  await page.keyboard.press('Enter');
  const card = (await widgetState(page)).verdict;
  assert.match(card, /Тізбенің күні\s+03\.05\.2024 жағдайы бойынша/);
  assert.match(card, new RegExp('Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің '
    + '2023 жылғы 20 ақпандағы № 49 бұйрығына 2-қосымша \\(2024 жылғы 3 мамырдағы № 134 бұйрықтың редакциясында\\)'));
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: path.join(ARTIFACTS, 'verdict-kk-375.png'), fullPage: true });
  await s.assertClean();
  await s.close();
});

test('defect 11: at 375 px the static list breaks words only between words or after a hyphen, never mid-word',
  async () => {
  const s = await session(browser, server.origin, { width: 375, height: 800 });
  const { page } = s;
  await page.goto(`${server.origin}/?lang=ru`);
  await page.evaluate(() => { document.querySelector('.list-box').open = true; });
  const broken = await page.evaluate(() => {
    const out = [];
    for (const cell of document.querySelectorAll('.kzp-static-list td, .kzp-static-list h3 span[lang]')) {
      const node = cell.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const text = node.data;
      const re = /\S+/g;
      let m;
      while ((m = re.exec(text))) {
        // Where does this word wrap? Each character's line (top of its box), compared with the previous one.
        let prevTop = null;
        for (let i = m.index; i < m.index + m[0].length; i++) {
          const r = document.createRange();
          r.setStart(node, i); r.setEnd(node, i + 1);
          const top = Math.round(r.getClientRects()[0]?.top ?? 0);
          const broke = prevTop !== null && top > prevTop && text[i - 1] !== '-';
          if (broke) out.push(`${text.slice(m.index, i)}|${text.slice(i, m.index + m[0].length)}`);
          prevTop = top;
        }
      }
    }
    return out;
  });
  assert.deepEqual(broken, [], 'no word broken mid-word');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth
    - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
  await page.locator('.kzp-static-list section').first()
    .screenshot({ path: path.join(ARTIFACTS, 'static-list-ru-375.png') });
  await s.assertClean();
  await s.close();
});
