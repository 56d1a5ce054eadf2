// Shared harness of the browser tests: headless Debian Chromium driven by playwright-core, the built
// site served in-process by web/server.mjs (strict CSP), and the two checks every test ends with:
// the console stayed empty and no request left the origin (shared TOOLCHAIN.md §3).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../web/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const SITE = path.resolve(process.env.KZPROF_SITE ?? path.join(ROOT, 'build/site'));
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
export const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-domain-reliability', '--no-pings'];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
}

/** Serves dir (default: the built site) on a random port; returns { origin, close }. */
export async function startServer(dir = SITE) {
  const server = await serve(dir, 0);
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * A fresh context and page that records console messages, page errors and requests to other origins.
 * Call `await s.assertClean()` at the end of each test.
 */
export async function session(browser, origin, { width = 1280, height = 900, colorScheme = 'light', serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, serviceWorkers, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const consoleMessages = [];
  const foreign = [];
  page.on('console', (m) => {
    // Playwright's own note when a test blocks service workers is not the page's doing.
    if (serviceWorkers === 'block' && m.text() === 'Service Worker registration blocked by Playwright') return;
    consoleMessages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleMessages.push(`pageerror: ${e.message}`));
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('file:')) foreign.push(u);
  });
  return {
    context, page, consoleMessages, foreign,
    async assertClean() {
      assert.deepEqual(consoleMessages, [], 'the console stayed empty');
      assert.deepEqual(foreign, [], 'no request left the origin');
    },
    close: () => context.close(),
  };
}

/** The widget's shadow-DOM state, read in the page. */
export async function widgetState(page) {
  return page.evaluate(() => {
    const w = document.querySelector('kz-professions');
    const r = w.shadowRoot;
    const q = (s) => r.querySelector(s);
    const visible = (el) => Boolean(el && !el.hidden && el.getClientRects().length);
    const options = [...r.querySelectorAll('[role="option"]')];
    const input = q('input');
    return {
      lang: w.uiLang,
      ready: Boolean(w.matcher),
      expanded: input.getAttribute('aria-expanded'),
      activedescendant: input.getAttribute('aria-activedescendant'),
      focusedInput: r.activeElement === input,
      value: input.value,
      codes: options.map((o) => o.dataset.code),
      selected: options.findIndex((o) => o.getAttribute('aria-selected') === 'true'),
      activeId: options.find((o) => o.getAttribute('aria-selected') === 'true')?.id ?? null,
      verdict: visible(q('.kzp-verdict')) ? q('.kzp-verdict').innerText : null,
      notFound: visible(q('.kzp-notfound')) ? q('.kzp-notfound').innerText : null,
      rewrite: visible(q('.kzp-rewrite')) ? q('.kzp-rewrite').textContent : null,
      browse: visible(q('.kzp-browse')),
      state: visible(q('.kzp-state')) ? q('.kzp-state').textContent : null,
      live: q('[role="status"]').textContent,
      label: q('label').textContent,
    };
  });
}

/** Opens a page of the site and waits until the widget is ready. */
export async function openWidget(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('kz-professions')?.matcher, null, { timeout: 10000 });
}

/** Types into the widget's field (focus in the shadow root, real key events). */
export async function typeQuery(page, text) {
  await page.locator('kz-professions input').fill('');
  await page.locator('kz-professions input').pressSequentially(text);
  await page.waitForFunction((t) => {
    const w = document.querySelector('kz-professions');
    return w.shadowRoot.querySelector('input').value === t;
  }, text);
  await page.waitForTimeout(30);
}

/** Waits until the widget treats typing as paused (its 500 ms delay before the not-found state). */
export async function pauseTyping(page) {
  await page.waitForTimeout(650);
}

/** axe-core over the whole page, shadow roots included (axe walks open shadow DOM by default). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')} — ${v.help}`);
}

export function tmpDir(prefix) { return fs.mkdtempSync(path.join(os.tmpdir(), prefix)); }

/**
 * Replaces the engine's answer in the page (UI-state tests that must not depend on the ranking):
 * every query then answers { verdict, rewrite, results: codes with the given highlights }.
 */
export async function stubAnswer(page, { verdict, rewrite = null, codes, highlights = {}, alias = null }) {
  await page.evaluate(({ verdict, rewrite, codes, highlights, alias }) => {
    const m = document.querySelector('kz-professions').matcher;
    m.search = (query) => ({ query, verdict, rewrite, truncated: false,
      results: codes.map((c, i) => ({ ...m.byCode(c), score: 1 - i / 10, match: 'stub', highlights: i === 0 ? highlights : {}, alias: i === 0 ? alias : null })) });
  }, { verdict, rewrite, codes, highlights, alias });
}
