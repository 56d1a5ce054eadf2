// What a person sees: both official names with their lang, the code, the field, highlights as <mark>,
// the verdict card with the legal basis, and the not-found state that is visibly not a verdict.
// The engine's answer is stubbed here so that these UI checks do not depend on the ranking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, startServer, session, openWidget, typeQuery, pauseTyping, widgetState, stubAnswer, SITE } from './harness.mjs';

const meta = JSON.parse(fs.readFileSync(path.join(SITE, 'professions.json'), 'utf8')).meta;
let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

test('each option shows the Kazakh and Russian names with their lang, the code, the field, and <mark> highlights (AC 9-12)', async () => {
  const s = await session(browser, server.origin);
  await openWidget(s.page, `${server.origin}/?lang=en`);
  await stubAnswer(s.page, { verdict: 'listed', rewrite: { kind: 'layout', from: 'dhfx-jyrjkju', text: 'врач-онколог' }, codes: ['2211-7-004', '2217-4-001'],
    highlights: { ru: [[5, 12]], kk: [[8, 15]], en: [[0, 4]] } });
  await typeQuery(s.page, 'dhfx-jyrjkju');
  const st = await widgetState(s.page);
  assert.equal(st.rewrite,
    'Typed with the keyboard set to another language? Showing results for «врач-онколог»');
  const first = await s.page.evaluate(() => {
    const li = document.querySelector('kz-professions').shadowRoot.querySelector('[role="option"]');
    return { kk: li.querySelector('[lang="kk"]')?.textContent, ru: li.querySelector('[lang="ru"]')?.textContent,
      en: li.querySelector('[lang="en"]')?.textContent, text: li.textContent,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent), height: li.getBoundingClientRect().height };
  });
  assert.equal(first.kk, 'Дәрігер-онколог');
  assert.equal(first.ru, 'Врач-онколог');
  assert.equal(first.en, 'Oncologist');
  assert.match(first.text, /unofficial translation/);
  assert.match(first.text, /2211-7-004/);
  assert.match(first.text, /Health care/);
  assert.deepEqual(first.marks, ['Onco', 'онколог', 'онколог'],
    'the English interface leads with English (issue 12, defect 8)');
  assert.ok(first.height >= 44, 'touch target at least 44 px (AC 6)');
  await s.assertClean();
  await s.close();
});

for (const lang of ['kk', 'ru', 'en']) {
  test(`in ${lang}: choosing a profession opens the verdict card with names, code, group, legal basis, as-of date, official link and the self-check note (AC 13)`, async () => {
    const s = await session(browser, server.origin);
    await openWidget(s.page, `${server.origin}/?lang=${lang}`);
    await typeQuery(s.page, '2211');
    await s.page.locator('kz-professions [role="option"]').first().click();
    const card = await s.page.evaluate(() => {
      const v = document.querySelector('kz-professions').shadowRoot.querySelector('.kzp-verdict');
      return { text: v.innerText, kk: v.querySelector('.kzp-v-name[lang="kk"]')?.textContent, ru: v.querySelector('.kzp-v-name[lang="ru"]')?.textContent,
        href: v.querySelector('a')?.href };
    });
    const e = await s.page.evaluate(() => { const w = document.querySelector('kz-professions'); return w.matcher.byCode(new URL(location.href).searchParams.get('code')); });
    assert.equal(card.kk, e.kk);
    assert.equal(card.ru, e.ru);
    assert.match(card.text, new RegExp(e.code));
    assert.match(card.text, { kk: /Бұл кәсіп тізбеде бар/, ru: /Эта профессия есть в перечне/, en: /This profession is on the list/ }[lang]);
    assert.match(card.text, /№ 49|No\. 49/);
    // Kazakh writes the dates of orders in words (issue 12, defect 10).
    assert.match(card.text, lang === 'kk' ? /2023 жылғы 20 ақпандағы/ : /20\.02\.2023/);
    assert.match(card.text, /№ 134|No\. 134/);
    assert.match(card.text, lang === 'kk' ? /2024 жылғы 3 мамырдағы/ : /03\.05\.2024/);
    assert.match(card.text, { kk: /көші-қон органы/, ru: /миграционная служба/, en: /migration authority/ }[lang]);
    assert.equal(card.href, meta.source_urls[lang === 'kk' ? 'kk' : 'ru']);
    assert.ok((await widgetState(s.page)).focusedInput, 'focus stays in the field after a pointer choice');
    await s.assertClean();
    await s.close();
  });
}

test('not found: "Not found on the list" with the closest professions marked as not a match, and no verdict (AC 14)', async () => {
  const s = await session(browser, server.origin);
  await openWidget(s.page, `${server.origin}/?lang=ru`);
  await stubAnswer(s.page, { verdict: 'suggestions', codes: ['2212-1-001', '2211-7-002'] });
  await typeQuery(s.page, 'кардиолог');
  let st = await widgetState(s.page);
  assert.equal(st.notFound, null, 'no "not found" between keystrokes: the last word may be half-typed');
  await pauseTyping(s.page);
  st = await widgetState(s.page);
  assert.match(st.notFound, /В перечне не найдено/);
  assert.match(st.notFound, /это не совпадение/);
  assert.equal(st.verdict, null);
  assert.equal(await s.page.locator('kz-professions [role="listbox"]').getAttribute('aria-label'), 'Ближайшие профессии из перечня');
  await s.page.keyboard.press('Enter');
  assert.equal((await widgetState(s.page)).verdict, null, 'Enter alone never turns a suggestion into a verdict');
  await s.page.waitForFunction(() => document.querySelector('kz-professions').shadowRoot.querySelector('[role="status"]').textContent !== '');
  assert.match((await widgetState(s.page)).live, /В перечне не найдено\. Показаны 2 похожие профессии/);

  await stubAnswer(s.page, { verdict: 'none', codes: [] });
  await typeQuery(s.page, 'космонавт');
  await pauseTyping(s.page);
  st = await widgetState(s.page);
  assert.match(st.notFound, /Похожих профессий в перечне нет/);
  assert.equal(st.expanded, 'false');
  await s.assertClean();
  await s.close();
});

test('empty field: the whole list can be browsed by field of education with counts, and a click opens the verdict (AC 15)', async () => {
  const s = await session(browser, server.origin);
  await openWidget(s.page, `${server.origin}/?lang=en`);
  const groups = await s.page.evaluate(() => [...document.querySelector('kz-professions').shadowRoot.querySelectorAll('summary')].map((x) => x.textContent));
  assert.equal(groups.length, 5);
  assert.match(groups[0], /^Health care — 9 professions$/,
    'the lead says once that English field names are translations (issue 12, defect 9)');
  const total = groups.reduce((n, g) => n + Number(/— (\d+)/.exec(g)[1]), 0);
  assert.equal(total, 51);
  await s.page.locator('kz-professions summary').nth(2).click();
  await s.page.locator('kz-professions .kzp-b-item[data-code="2512-1-007"]').click();
  const st = await widgetState(s.page);
  assert.match(st.verdict, /2512-1-007/);
  assert.equal(await s.page.evaluate(() => document.querySelector('kz-professions').shadowRoot.activeElement?.tagName), 'H2', 'focus moves to the verdict heading');
  await s.assertClean();
  await s.close();
});
