// Issue 12, defects 1, 2, 6, 7, 8 and 12: a shared or reloaded link shows what its sender saw; a broad word
// gets its own honest state; no not-found flash while a word is still being typed; Enter never chooses for
// the person; the English interface leads with English; url-state is off in an embed and namespaced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, startServer, session, openWidget, typeQuery, pauseTyping, widgetState, axeViolations,
  tmpDir, SITE, ARTIFACTS } from './harness.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); fs.mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

test('defect 1: a shared ?q= link renders the results its sender saw, and so does a reload', async () => {
  const s = await session(browser, server.origin, { width: 375, height: 800 });
  const { page } = s;
  await openWidget(page, `${server.origin}/?q=${encodeURIComponent('онколог')}&lang=en`);
  let st = await widgetState(page);
  assert.equal(st.value, 'онколог');
  assert.equal(st.expanded, 'true', 'the results are open');
  assert.deepEqual(st.codes, ['2211-7-004']);
  await page.screenshot({ path: path.join(ARTIFACTS, 'shared-link-en-375.png'), fullPage: false });

  // A query whose answer is only suggestions: the heading never stands alone.
  await openWidget(page, `${server.origin}/?q=${encodeURIComponent('кардиолог')}&lang=ru`);
  st = await widgetState(page);
  assert.ok(st.notFound, 'the not-found state of the link');
  assert.ok(st.codes.length > 0, 'with the suggestions under it');

  // Typed, then the phone reloads the discarded tab.
  await openWidget(page, `${server.origin}/?lang=ru`);
  await typeQuery(page, 'дәрігер');
  await pauseTyping(page); // the URL follows once typing pauses (or the page is hidden)
  const typed = await widgetState(page);
  assert.equal(new URL(page.url()).searchParams.get('q'), 'дәрігер');
  await page.reload();
  await page.waitForFunction(() => document.querySelector('kz-professions')?.matcher);
  st = await widgetState(page);
  assert.deepEqual(st.codes, typed.codes, 'the same results after the reload');
  assert.equal(st.value, 'дәрігер');
  assert.deepEqual(await axeViolations(page), []);
  await s.assertClean();
  await s.close();
});

for (const lang of ['en', 'ru', 'kk']) {
  test(`defect 2 (${lang}): a broad word says "N listed professions match — choose yours", never not found nor listed`, async () => {
    const s = await session(browser, server.origin, { width: 375, height: 800 });
    const { page } = s;
    await openWidget(page, `${server.origin}/?lang=${lang}`);
    const word = { en: 'doctor', ru: 'врач', kk: 'дәрігер' }[lang];
    const engine = await page.evaluate((q) => document.querySelector('kz-professions').matcher.search(q).verdict, word);
    assert.equal(engine, 'broad', `the engine reads «${word}» as broad`);
    await typeQuery(page, word);
    await pauseTyping(page);
    const st = await widgetState(page);
    const broad = await page.evaluate(() => {
      const el = document.querySelector('kz-professions').shadowRoot.querySelector('.kzp-broad');
      return el.hidden ? null : el.textContent;
    });
    const expected = await page.evaluate(([l, n]) => customElements.get('kz-professions').locales[l].broad(n),
      [lang, st.codes.length]);
    assert.equal(broad, expected, 'the broad note, with the number of listed professions shown');
    assert.equal(st.notFound, null, 'not "not found"');
    assert.equal(st.verdict, null, 'not "on the list"');
    assert.ok(st.codes.length >= 2 && st.expanded === 'true', 'the listed professions to choose from');
    await page.waitForFunction(() => document.querySelector('kz-professions').shadowRoot.querySelector('[role="status"]').textContent);
    assert.equal((await widgetState(page)).live, broad, 'announced the same way');
    assert.deepEqual(await axeViolations(page), [], 'axe in the broad state');
    await page.screenshot({ path: path.join(ARTIFACTS, `broad-${lang}-375.png`), fullPage: false });
    await s.assertClean();
    await s.close();
  });
}

// A whole listed name among words the search did not understand: before the 'mentioned' verdict the widget said
// "Not found on the list" above the very profession the person had named.
for (const [lang, sentence] of [['en', 'My brother is a neurosurgeon and wants to move to Astana'],
  ['ru', 'врач-нейрохирург, оперирую позвоночник'], ['kk', 'ағам дәрігер-нейрохирург, Астанаға көшкісі келеді']]) {
  test(`a sentence naming a listed profession among words not understood (${lang}): the name is there, no verdict`,
    async () => {
      const s = await session(browser, server.origin, { width: 375, height: 800 });
      const { page } = s;
      await openWidget(page, `${server.origin}/?lang=${lang}`);
      const engine = await page.evaluate((q) => document.querySelector('kz-professions').matcher.search(q).verdict,
        sentence);
      assert.equal(engine, 'mentioned', `the engine reads «${sentence}» as mentioned`);
      await typeQuery(page, sentence);
      await pauseTyping(page);
      await page.keyboard.press('Enter');  // Enter chooses only what the person highlighted
      const st = await widgetState(page);
      const note = await page.evaluate(() => {
        const el = document.querySelector('kz-professions').shadowRoot.querySelector('.kzp-mentioned');
        return el.hidden ? null : el.textContent;
      });
      const name = { en: 'Neurosurgeon', ru: 'Врач-нейрохирург', kk: 'Дәрігер-нейрохируг' }[lang];
      const expected = await page.evaluate(([l, x]) => customElements.get('kz-professions').locales[l].mentioned(x),
        [lang, name]);
      assert.equal(note, expected, 'the note names the profession found and asks to choose it only if it is theirs');
      assert.ok(note.includes(name), `the note names «${name}»`);
      assert.equal(st.notFound, null, 'not "not found"');
      assert.equal(st.verdict, null, 'not "on the list"');
      assert.equal(st.codes[0], '2217-4-001', 'the named profession first, to choose');
      assert.equal(st.expanded, 'true');
      await page.waitForFunction(() =>
        document.querySelector('kz-professions').shadowRoot.querySelector('[role="status"]').textContent);
      assert.equal((await widgetState(page)).live, note, 'announced the same way');
      assert.deepEqual(await axeViolations(page), [], 'axe in the mentioned state');
      await page.screenshot({ path: path.join(ARTIFACTS, `mentioned-${lang}-375.png`), fullPage: false });
      await s.assertClean();
      await s.close();
    });
}

test('defect 2: the broad text agrees with its number (1, 2, 5, 21) in every language', async () => {
  const s = await session(browser, server.origin);
  const { page } = s;
  await openWidget(page, `${server.origin}/?lang=ru`);
  const texts = await page.evaluate(() => {
    const L = customElements.get('kz-professions').locales;
    return Object.fromEntries(['en', 'ru', 'kk'].map((l) => [l, [1, 2, 5, 21].map((n) => L[l].broad(n))]));
  });
  assert.deepEqual(texts.en.slice(0, 2), ['1 listed profession matches — choose yours.', '2 listed professions match — choose yours.']);
  assert.deepEqual(texts.ru, ['Подходит 1 профессия из перечня — выберите свою.', 'Подходят 2 профессии из перечня — выберите свою.',
    'Подходят 5 профессий из перечня — выберите свою.', 'Подходит 21 профессия из перечня — выберите свою.']);
  await s.close();
});

test('defect 6: no not-found flash between the keystrokes of a word still being typed', async () => {
  const s = await session(browser, server.origin, { width: 375, height: 800 });
  const { page } = s;
  await openWidget(page, `${server.origin}/?lang=ru`);
  for (const word of ['vrach', 'бухгалтер']) {
    await page.locator('kz-professions input').fill('');
    await pauseTyping(page);
    // Every state the widget paints while typing: was the not-found box ever visible?
    await page.evaluate(() => {
      const r = document.querySelector('kz-professions').shadowRoot;
      window.__flash = [];
      const look = () => { const nf = r.querySelector('.kzp-notfound'); if (!nf.hidden) window.__flash.push(r.querySelector('input').value); };
      window.__obs?.disconnect();
      window.__obs = new MutationObserver(look);
      window.__obs.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.locator('kz-professions input').pressSequentially(word, { delay: 150 });
    const during = await page.evaluate(() => window.__flash.slice());
    assert.deepEqual(during, [], `${word}: no not-found state while typing`);
    await pauseTyping(page);
    const st = await widgetState(page);
    const answer = await page.evaluate((w) => document.querySelector('kz-professions').matcher.search(w).verdict, word);
    assert.equal(Boolean(st.notFound), answer === 'none' || answer === 'suggestions', `${word}: once typing pauses, the honest state`);
  }
  await s.assertClean();
  await s.close();
});

test('defect 7: Enter chooses only the one listed profession or the highlighted one', async () => {
  const s = await session(browser, server.origin);
  const { page } = s;
  await openWidget(page, `${server.origin}/?lang=ru`);
  await typeQuery(page, '2512');
  let st = await widgetState(page);
  assert.ok(st.codes.length > 1, 'several listed');
  await page.keyboard.press('Enter');
  st = await widgetState(page);
  assert.equal(st.verdict, null, 'Enter did not choose among several');
  assert.equal(st.expanded, 'true', 'the options stay to choose from');
  assert.equal(new URL(page.url()).searchParams.get('code'), null);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = (await widgetState(page)).codes[1];
  await page.keyboard.press('Enter');
  assert.match((await widgetState(page)).verdict ?? '', new RegExp(second), 'the highlighted one is chosen');

  await typeQuery(page, 'онколог');
  assert.deepEqual((await widgetState(page)).codes, ['2211-7-004']);
  await page.keyboard.press('Enter');
  assert.match((await widgetState(page)).verdict ?? '', /2211-7-004/, 'the only listed one is chosen');
  await s.assertClean();
  await s.close();
});

test('defect 8: the English interface leads with the English name (unofficial), the card keeps both official names', async () => {
  const s = await session(browser, server.origin, { width: 375, height: 800 });
  const { page } = s;
  await openWidget(page, `${server.origin}/?lang=en`);
  await typeQuery(page, 'онколог');
  const first = await page.evaluate(() => {
    const o = document.querySelector('kz-professions').shadowRoot.querySelector('[role="option"]');
    const lead = o.querySelector('.kzp-primary');
    return { lang: lead.querySelector('[lang]')?.lang ?? lead.lang, text: lead.textContent, names: [...o.querySelectorAll('.kzp-name')].map((n) => n.lang || 'en') };
  });
  assert.equal(first.lang, 'en');
  assert.match(first.text, /^Oncologist \(unofficial translation\)$/);
  assert.deepEqual(first.names, ['en', 'ru', 'kk'], 'both official names follow');
  await page.keyboard.press('Enter');
  const st = await widgetState(page);
  assert.equal(st.value, 'Oncologist', 'the chosen value in the box');
  assert.match(st.verdict, /Врач-онколог/);
  assert.match(st.verdict, /Дәрігер-онколог/);
  await page.waitForFunction(() => document.querySelector('kz-professions').shadowRoot.querySelector('[role="status"]').textContent);
  assert.match((await widgetState(page)).live, /^Oncologist: this profession is on the list\.$/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'verdict-en-375.png'), fullPage: false });
  assert.deepEqual(await axeViolations(page), []);
  await s.assertClean();
  await s.close();
});

test('defect 8: the rewrite notice says in the interface language how the query was read', async () => {
  const s = await session(browser, server.origin, { width: 375, height: 800 });
  const { page } = s;
  const cases = [
    ['en', 'vrach onkolog', /^Read as Russian written in Latin letters: «врач онколог»$/],
    ['en', 'dhfx-jyrjkju', /^Typed with the keyboard set to another language\? Showing results for «врач-онколог»$/],
    ['ru', 'vrach onkolog', /^Латиница прочитана по-русски: «врач онколог»$/],
    ['kk', 'vrach onkolog', /^Латын әріптерімен жазылған сұрау орысша оқылды: «врач онколог»$/],
    ['en', 'aqparattyq qauıpsızdık', /^Read as Kazakh written in Latin letters: «ақпараттық қауыпсыздык»$/],
    ['ru', '2ә12-1-007', /^Прочитано как код «2212-1-007»$/],  // the Kazakh layout's number row
  ];
  for (const [lang, q, expected] of cases) {
    await openWidget(page, `${server.origin}/?lang=${lang}`);
    await typeQuery(page, q);
    assert.match((await widgetState(page)).rewrite ?? '', expected, `${lang}: ${q}`);
  }
  // A host page that gave the notice one text of its own (a string, as in 1.0.0) keeps it for every kind.
  await openWidget(page, `${server.origin}/?lang=en`);
  await page.evaluate(() => { customElements.get('kz-professions').locales.en.rewrite = 'Results for'; });
  await typeQuery(page, 'vrach onkolog');
  assert.equal((await widgetState(page)).rewrite, 'Results for «врач онколог»');
  assert.deepEqual(await axeViolations(page), []);
  await s.assertClean();
  await s.close();
});

test('defect 12: an embed leaves its host URL alone by default; named url-state keeps two widgets apart', async () => {
  const dir = tmpDir('kzprof-urlstate-');
  fs.cpSync(SITE, dir, { recursive: true });
  const index = fs.readFileSync(path.join(SITE, 'index.html'), 'utf8');
  fs.writeFileSync(path.join(dir, 'embed.html'), index.replace('<kz-professions url-state="on">', '<kz-professions lang="en">'));
  fs.writeFileSync(path.join(dir, 'two.html'), index.replace('<kz-professions url-state="on"></kz-professions>',
    '<kz-professions id="a" url-state="a" lang="en"></kz-professions><kz-professions id="b" url-state="b" lang="ru"></kz-professions>'));
  const srv = await startServer(dir);
  const s = await session(browser, srv.origin, { serviceWorkers: 'block' });
  const { page } = s;
  try {
    await openWidget(page, `${srv.origin}/embed.html?page=7`);
    await typeQuery(page, 'онколог');
    await page.keyboard.press('Enter');
    assert.ok((await widgetState(page)).verdict);
    assert.equal(page.url(), `${srv.origin}/embed.html?page=7`, 'the host URL is untouched');

    await page.goto(`${srv.origin}/two.html?a-q=${encodeURIComponent('онколог')}&b-q=2211&b-lang=kk`);
    await page.waitForFunction(() => [...document.querySelectorAll('kz-professions')].every((w) => w.matcher));
    const read = () => page.evaluate(() => [...document.querySelectorAll('kz-professions')].map((w) => ({
      value: w.shadowRoot.querySelector('input').value, lang: w.uiLang,
      codes: [...w.shadowRoot.querySelectorAll('[role="option"]')].map((o) => o.dataset.code) })));
    let w = await read();
    assert.deepEqual(w.map((x) => [x.value, x.lang]), [['онколог', 'en'], ['2211', 'kk']]);
    assert.deepEqual(w[0].codes, ['2211-7-004']);
    assert.ok(w[1].codes.length >= 2);
    await page.locator('#a input').fill('2512');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('a-q') === '2512');
    const p = new URL(page.url()).searchParams;
    assert.deepEqual([p.get('b-q'), p.get('q')], ['2211', null], 'the other widget keeps its own parameters');
    w = await read();
    assert.equal(w[1].value, '2211');
    await s.assertClean();
  } finally {
    await s.close(); await srv.close(); fs.rmSync(dir, { recursive: true, force: true });
  }
});
