// Where a keystroke's time goes, from a Chromium trace (a diagnostic, not part of .ci/bench):
//   node tests/bench/keystroke-trace.mjs [--floor [--list]] [--site build/site]
// The page is opened as in first-visit.mjs (375 px, CPU 4x slower; service workers blocked, local server), the
// same words are typed at a person's pace, and the renderer's main thread is summed per keystroke: the event
// handlers (keydown, textInput, input), style, layout, paint and commit. --floor types into the reference page
// (tests/bench/floor/), which shows the browser's own share; --list adds its list of 8 plain lines per keystroke.
// Also printed: keystroke -> end of the next frame's commit, per keystroke, taken from the trace instead of
// from rAF in the page.
import path from 'node:path';
import { launch, startServer, SITE } from '../browser/harness.mjs';
import { CPU_SLOWDOWN, FLOOR_SITE, TYPED } from './first-visit.mjs';

const argv = process.argv.slice(2);
const floor = argv.includes('--floor');
const list = floor && argv.includes('--list');
const site = floor ? FLOOR_SITE : path.resolve(argv[argv.indexOf('--site') + 1] ?? SITE);
const selector = floor ? '#q' : 'kz-professions input';
const STAGES = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];

const server = await startServer(site);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(`${server.origin}/${list ? '?list' : '?lang=ru'}`);
  const input = page.locator(selector);
  await input.waitFor();
  // The widget's box is disabled until the search has loaded.
  await page.waitForFunction(() => !document.querySelector('kz-professions')
    || document.querySelector('kz-professions').shadowRoot?.querySelector('input:not([disabled])'));
  await page.waitForTimeout(1000);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  for (const w of TYPED) {
    await input.fill('');
    await input.click();
    await page.keyboard.type(w, { delay: 150 });
    await page.waitForTimeout(300);
  }
  const { traceEvents } = JSON.parse(await browser.stopTracing());
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const events = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  // A keystroke: its first key event (keydown, or beforeinput for text typed without one), up to the end of the
  // first commit after its input event. Event handlers nest (keypress > textInput > input): each is shown whole.
  const keys = [];
  let cur = null;
  for (const e of events) {
    const type = e.name === 'EventDispatch' ? e.args.data.type : null;
    if (!cur && (type === 'keydown' || type === 'beforeinput')) cur = { t0: e.ts, parts: {} };
    if (!cur) continue;
    const handler = ['keydown', 'keypress', 'textInput', 'input'].includes(type);
    const part = handler ? type : STAGES.includes(e.name) ? e.name : null;
    if (part) cur.parts[part] = (cur.parts[part] ?? 0) + e.dur / 1000;
    if (type === 'input') cur.inputEnd = e.ts + e.dur;
    if (cur.inputEnd && e.name === 'Commit' && e.ts >= cur.inputEnd) {
      keys.push({ ...cur, total: (e.ts + e.dur - cur.t0) / 1000 });
      cur = null;
    }
  }
  const sorted = keys.map((k) => k.total).sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(1);
  const name = floor ? `reference page${list ? ' with a list' : ''}` : site;
  console.log(`${name}: ${keys.length} keystrokes, keystroke -> frame committed: ` +
    `p50 ${pct(50)} ms, p95 ${pct(95)} ms`);
  const names = ['keydown', 'keypress', 'textInput', 'input', ...STAGES];
  console.log('main thread per keystroke, mean ms (event handlers include what they call, and nest):');
  for (const n of names) {
    const sum = keys.reduce((s, k) => s + (k.parts[n] ?? 0), 0);
    if (sum) console.log(`  ${n.padEnd(18)} ${(sum / keys.length).toFixed(2)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
