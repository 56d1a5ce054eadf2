// axe-core finds no violations — shadow DOM included — in the empty, results, verdict and not-found
// states, in kk, ru and en, at 375 px and 1280 px, light and dark (AC 20-22, 26); the same states are
// saved as screenshots in tests/artifacts/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, startServer, session, openWidget, typeQuery, pauseTyping, widgetState, stubAnswer, axeViolations, ARTIFACTS } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); fs.mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const RUNS = [];
for (const width of [375, 1280]) for (const lang of ['kk', 'ru', 'en']) RUNS.push({ width, lang, colorScheme: 'light' });
RUNS.push({ width: 375, lang: 'ru', colorScheme: 'dark' }, { width: 1280, lang: 'kk', colorScheme: 'dark' });

for (const { width, lang, colorScheme } of RUNS) {
  test(`${lang} at ${width} px (${colorScheme}): no axe violations in the empty, results, verdict and not-found states, and no horizontal scrolling`, async () => {
    const s = await session(browser, server.origin, { width, height: 800, colorScheme });
    const { page } = s;
    const shot = async (state) => page.screenshot({ path: path.join(ARTIFACTS, `${width}-${lang}-${colorScheme}-${state}.png`), fullPage: true });
    const check = async (state) => {
      assert.deepEqual(await axeViolations(page), [], `axe: ${state}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${state}: no horizontal scrolling (overflow ${overflow}px)`);
      await shot(state);
    };
    await openWidget(page, `${server.origin}/?lang=${lang}`);
    await page.locator('kz-professions summary').first().click();
    await check('empty');
    await typeQuery(page, { kk: 'дәрігер', ru: 'врач', en: 'doctor' }[lang]);
    await page.keyboard.press('ArrowDown');
    assert.equal((await widgetState(page)).expanded, 'true');
    await check('results');
    await page.keyboard.press('Enter');
    assert.ok((await widgetState(page)).verdict);
    await check('verdict');
    await stubAnswer(page, { verdict: 'suggestions', codes: ['2212-1-001', '2211-7-002', '2215-1-001'] });
    await typeQuery(page, 'кардиолог');
    await pauseTyping(page);
    assert.ok((await widgetState(page)).notFound);
    await check('notfound');
    await s.assertClean();
    await s.close();
  });
}

test('print: the verdict prints without the search controls or the page list (AC 25)', async () => {
  const s = await session(browser, server.origin, { width: 1280 });
  const { page } = s;
  await openWidget(page, `${server.origin}/?lang=ru&code=2211-7-004&q=${encodeURIComponent('Врач-онколог')}`);
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => {
    const r = document.querySelector('kz-professions').shadowRoot;
    const vis = (el) => Boolean(el && el.getClientRects().length);
    return { verdict: vis(r.querySelector('.kzp-verdict')), input: vis(r.querySelector('input')), langs: vis(r.querySelector('.kzp-langs')),
      list: vis(document.querySelector('.official-list')), height: document.documentElement.scrollHeight };
  });
  assert.deepEqual({ ...shown, height: undefined }, { verdict: true, input: false, langs: false, list: false, height: undefined });
  const pdfPath = path.join(ARTIFACTS, 'verdict-print.pdf');
  await page.pdf({ path: pdfPath, format: 'A4' });
  const pages = (fs.readFileSync(pdfPath, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, 'one printed page');
  await page.screenshot({ path: path.join(ARTIFACTS, 'verdict-print.png'), fullPage: true });
  await s.assertClean();
  await s.close();
});
