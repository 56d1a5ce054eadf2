// Queries of every kind put the right profession first: Russian, Kazakh, a code, the wrong keyboard
// layout, transliteration; and a profession that is not on the list gets no verdict (AC 12, 14).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, session, openWidget, typeQuery, pauseTyping, widgetState } from './harness.mjs';

let browser, server, s;
before(async () => { browser = await launch(); server = await startServer(); s = await session(browser, server.origin); await openWidget(s.page, `${server.origin}/?lang=ru`); });
after(async () => { await s?.assertClean(); await s?.close(); await browser?.close(); await server?.close(); });

const CASES = [
  { kind: 'Russian', q: 'онколог', code: '2211-7-004' },
  { kind: 'Kazakh', q: 'бағдарламашы талдаушы', code: '2512-1-005' },
  // "Programmer": several listed professions carry it, so the person chooses (the alias of 2512-1-007 leads).
  { kind: 'broad Kazakh word', q: 'бағдарламашы', code: '2512-1-007', verdict: 'broad' },
  { kind: 'code', q: '2512-1-007', code: '2512-1-007' },
  { kind: 'wrong keyboard layout', q: 'dhfx-jyrjkju', code: '2211-7-004', rewrite: 'врач-онколог' },
  { kind: 'transliteration', q: 'vrach onkolog', code: '2211-7-004', rewrite: 'врач онколог' },
];

for (const c of CASES) {
  test(`${c.kind}: «${c.q}» shows ${c.code} first${c.rewrite ? ` and says it shows results for «${c.rewrite}»` : ''}`, async () => {
    await typeQuery(s.page, c.q);
    await pauseTyping(s.page);  // the not-found state would only show now
    const st = await widgetState(s.page);
    assert.equal(st.codes[0], c.code);
    assert.equal(st.notFound, null);
    const verdict = await s.page.evaluate((q) =>
      document.querySelector('kz-professions').matcher.search(q).verdict, c.q);
    assert.equal(verdict, c.verdict ?? 'listed');
    if (c.rewrite) assert.match(st.rewrite ?? '', new RegExp(`«${c.rewrite}»`, 'i'), `the rewrite is shown (${st.rewrite})`);
    const marks = await s.page.evaluate(() => document.querySelector('kz-professions').shadowRoot.querySelectorAll('[role="option"] mark').length);
    assert.ok(marks > 0, 'the matched part is highlighted');
    // Enter chooses the only listed profession, or the highlighted one (issue 12, defect 7).
    if (st.codes.length > 1) await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    assert.match((await widgetState(s.page)).verdict ?? '', new RegExp(c.code), 'Enter opens the verdict of the chosen one');
  });
}

test('«кардиолог» (not on the list) says "Not found on the list", offers suggestions and never shows the verdict card', async () => {
  await typeQuery(s.page, 'кардиолог');
  await pauseTyping(s.page);
  let st = await widgetState(s.page);
  assert.match(st.notFound ?? '', /В перечне не найдено/);
  assert.equal(st.verdict, null);
  await s.page.keyboard.press('Enter');
  st = await widgetState(s.page);
  assert.equal(st.verdict, null, 'Enter without a chosen suggestion gives no verdict');
});
