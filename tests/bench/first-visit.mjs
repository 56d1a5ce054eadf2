// The speed a person on a phone feels (issue 12), measured in a browser; reported, never a pass/fail test.
// Used by bench.mjs (part h); runnable alone:
//   node tests/bench/first-visit.mjs [--runs 3] [--site build/site]
//
// Profile: Debian's Chromium at 375 px, CPU slowed 4x (CDP Emulation.setCPUThrottlingRate), and every
// response — the page's and the service worker's alike — through ONE shared link of 1.6 Mbit/s with
// 150 ms before each response starts. DevTools network emulation does not slow a service worker's own
// fetches, so the link is simulated here, by the test server: each response waits 150 ms, then its bytes
// are queued on a single link (200,000 B/s, 4 KB slices, first come first served, so parallel responses
// share it). The server compresses as a static host does (brotli or gzip, whichever the browser accepts,
// .br/.gz beside a file when present) and sends ETag + Cache-Control: no-cache (revalidated each time).
//
// Figures (median of --runs fresh browser contexts):
//   first visit   navigation start -> the widget's kzprof-ready (search ready), empty caches
//   repeat visit  the same, navigating again in the same context (HTTP cache and service worker warm)
//   keystroke     keydown (or beforeinput) -> the frame after the widget rendered (rAF, then a task),
//                 per keystroke of words typed at a person's pace on the repeat visit; p50 / p95
//   bytes         every byte the server sent on a first visit (page and service worker, until the service
//                 worker is idle) vs the same page with service workers blocked (what the page itself uses)
//   floor         the same figures, in the same run, for tests/bench/floor/: a text box, a script that says
//                 ready and a service worker, nothing else. What no page can go below on this profile: the
//                 keystroke floor is the browser's own work for a typed character plus the wait for a frame.
//   list floor    the floor page with ?list: each keystroke also replaces 8 one-line items of plain text. What
//                 any page that paints a new result list per keystroke costs on this profile (keystroke only).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, SITE } from '../browser/harness.mjs';
import { CSP } from '../../web/server.mjs';

const LINK_BYTES_PER_S = 1.6e6 / 8;
const RESPONSE_DELAY_MS = 150;
const SLICE = 4096;
export const CPU_SLOWDOWN = 4;
export const TYPED = ['онколог', 'врач', 'developer', 'дәрігер', 'бухгалтер', '2512'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** The throttling server. `sent` counts every byte written (headers included), `log` every response. */
export async function throttledServer(dir) {
  const root = path.resolve(dir);
  const state = { sent: 0, log: [] };
  let linkFree = 0;
  const compressed = new Map();
  const encode = (file, body, enc) => {
    const key = `${file}\n${enc}`;
    if (!compressed.has(key)) {
      const pre = `${file}.${enc === 'br' ? 'br' : 'gz'}`;
      compressed.set(key, fs.existsSync(pre) ? fs.readFileSync(pre) : enc === 'br'
        ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
        : zlib.gzipSync(body, { level: 9 }));
    }
    return compressed.get(key);
  };
  const send = async (res, status, headers, body) => {
    await sleep(RESPONSE_DELAY_MS);
    const head = Buffer.byteLength(Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')) + 20;
    res.writeHead(status, headers);
    for (let off = 0, first = true; first || off < body.length; off += SLICE, first = false) {
      const chunk = body.subarray(off, off + SLICE);
      const size = chunk.length + (first ? head : 0);
      const start = Math.max(performance.now(), linkFree);
      linkFree = start + (size / LINK_BYTES_PER_S) * 1000;
      await sleep(linkFree - performance.now());
      state.sent += size;
      if (chunk.length) res.write(chunk);
    }
    res.end();
  };
  const server = http.createServer(async (req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const base = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (!fs.existsSync(file)) { state.log.push(`404 ${rel}`); await send(res, 404, base, Buffer.from('not found')); return; }
    const body = fs.readFileSync(file);
    const etag = `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
    const headers = { ...base, ETag: etag, Vary: 'Accept-Encoding', 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    if (req.headers['if-none-match'] === etag) { state.log.push(`304 ${rel}`); await send(res, 304, headers, Buffer.alloc(0)); return; }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const out = enc ? encode(file, body, enc) : body;
    if (enc) headers['Content-Encoding'] = enc;
    headers['Content-Length'] = out.length;
    state.log.push(`200 ${rel} ${out.length}${enc ? ` ${enc}` : ''}`);
    await send(res, 200, headers, out);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, state, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

// In the page before any script: the time of kzprof-ready, and keystroke -> painted samples.
const INIT = `
  window.__fv = { ready: null, keys: [] };
  document.addEventListener('kzprof-ready', () => {
    window.__fv.ready = performance.now();
    console.debug('kzprof-ready ' + window.__fv.ready);
  }, { once: true });
  let t0 = null;
  const start = (e) => { if (t0 === null) t0 = e.timeStamp; };
  addEventListener('keydown', start, true);
  addEventListener('beforeinput', start, true);
  addEventListener('input', () => {
    const began = t0; t0 = null;
    if (began === null) return;
    // The widget renders in a microtask after 'input'; the frame after it is painted before this task runs.
    requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => window.__fv.keys.push(performance.now() - began); ch.port2.postMessage(0); });
  }, true);`;

async function slowPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(INIT);
  return { page, errors };
}

// Waits for the console line of INIT rather than with page.waitForFunction: that evaluates Playwright's own
// injected script in the page (about 40 ms of main thread at 4x CPU) while the page is still loading.
async function visit(page, url) {
  const ready = page.waitForEvent('console',
    { predicate: (m) => m.text().startsWith('kzprof-ready '), timeout: 60000 });
  await page.goto(url, { waitUntil: 'commit' });
  return Number((await ready).text().split(' ')[1]);
}

/** Waits until the server has been quiet for `quietMs` (the service worker finished filling its cache). */
async function networkQuiet(state, quietMs = 1500, maxMs = 30000) {
  const t0 = Date.now();
  let last = state.sent, since = Date.now();
  while (Date.now() - t0 < maxMs) {
    await sleep(100);
    if (state.sent !== last) { last = state.sent; since = Date.now(); } else if (Date.now() - since >= quietMs) return;
  }
}

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const pctl = (a, p) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };

export const FLOOR_SITE = fileURLToPath(new URL('floor/', import.meta.url));

/** The figures of one site; `input` is the text box typed into, `bytes` whether to measure bytes too. */
async function measure(browser, { site, runs, log, input: inputSelector, bytes, name, query = '?lang=ru' }) {
  const out = { runs, browser: browser.version(), first: [], repeat: [], keys: [], bytesFirst: [], bytesPage: [],
    logs: [] };
  for (let i = 0; i < runs; i++) {
    // What the page itself uses: service workers blocked, nothing else fetched.
    if (bytes) {
      const server = await throttledServer(site);
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: 'block' });
      const { page } = await slowPage(context);
      await visit(page, `${server.origin}/${query}`);
      await networkQuiet(server.state, 1000);
      out.bytesPage.push(server.state.sent);
      await context.close();
      await server.close();
    }
    const server = await throttledServer(site);
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: 'allow' });
    try {
      const { page, errors } = await slowPage(context);
      out.first.push(await visit(page, `${server.origin}/${query}`));
      await page.evaluate(() => navigator.serviceWorker?.ready);
      await networkQuiet(server.state);
      out.bytesFirst.push(server.state.sent);
      out.logs.push([...server.state.log]);
      await page.close();
      const repeat = await slowPage(context);
      out.repeat.push(await visit(repeat.page, `${server.origin}/${query}`));
      const input = repeat.page.locator(inputSelector);
      for (const word of TYPED) {
        await input.fill('');
        await input.click();
        await repeat.page.keyboard.type(word, { delay: 150 });
        await sleep(300);
      }
      out.keys.push(...(await repeat.page.evaluate(() => window.__fv.keys)));
      if (errors.length || repeat.errors.length) throw new Error(`page errors: ${[...errors, ...repeat.errors].join('; ')}`);
    } finally {
      await context.close();
      await server.close();
    }
    log(`first-visit, ${name}: run ${i + 1}/${runs}: first ${out.first.at(-1).toFixed(0)} ms, ` +
      `repeat ${out.repeat.at(-1).toFixed(0)} ms` +
      (bytes ? `, bytes ${out.bytesFirst.at(-1)} (page alone ${out.bytesPage.at(-1)})` : ''));
  }
  out.median = { first: median(out.first), repeat: median(out.repeat), bytesFirst: median(out.bytesFirst), bytesPage: median(out.bytesPage) };
  out.keystroke = { n: out.keys.length, p50: pctl(out.keys, 50), p95: pctl(out.keys, 95), max: Math.max(...out.keys) };
  return out;
}

/** The widget's page, then the reference page (the floor), in one browser. */
export async function firstVisit({ site = SITE, runs = 3, log = () => {} } = {}) {
  const browser = await launch();
  try {
    const widget = await measure(browser,
      { site, runs, log, input: 'kz-professions input', bytes: true, name: 'widget' });
    widget.floor = await measure(browser, { site: FLOOR_SITE, runs, log, input: '#q', bytes: false, name: 'floor' });
    widget.floorList = await measure(browser,
      { site: FLOOR_SITE, runs, log, input: '#q', bytes: false, name: 'floor with a list', query: '?list' });
    return widget;
  } finally {
    await browser.close();
  }
}

/** The figures as lines of text, with the issue's goals beside them. */
export function firstVisitLines(r) {
  const ms = (x) => `${Math.round(x)} ms`;
  const f = r.floor;
  const floor = (x) => (f ? `; floor ${x}` : '');
  const l = r.floorList?.keystroke;
  const listFloor = l ? `; list floor p50 ${ms(l.p50)}, p95 ${ms(l.p95)}` : '';
  return [
    `Chromium ${r.browser}, 375 px, CPU ${CPU_SLOWDOWN}x slower, one shared link of ${LINK_BYTES_PER_S * 8 / 1e6} Mbit/s with ` +
      `${RESPONSE_DELAY_MS} ms per response (page and service worker), brotli/gzip host; median of ${r.runs} runs. ` +
      'Floor: the same figures for a bare page (a text box, a script, a service worker) in the same run',
    `first visit, search ready:   ${ms(r.median.first)}  (runs: ${r.first.map(ms).join(', ')}; goal <= 1000 ms` +
      `${floor(ms(f?.median.first))})`,
    `repeat visit, search ready:  ${ms(r.median.repeat)}  (runs: ${r.repeat.map(ms).join(', ')}; goal <= 350 ms` +
      `${floor(ms(f?.median.repeat))})`,
    `keystroke -> painted:        p50 ${ms(r.keystroke.p50)}, p95 ${ms(r.keystroke.p95)}, max ${ms(r.keystroke.max)} ` +
      `over ${r.keystroke.n} keystrokes ` +
      `(goal p95 <= 16 ms${floor(`p50 ${ms(f?.keystroke.p50)}, p95 ${ms(f?.keystroke.p95)}`)}` +
      `${listFloor})`,
    `bytes on a first visit:      ${r.median.bytesFirst} B vs ${r.median.bytesPage} B the page itself uses = ` +
      `${(r.median.bytesFirst / r.median.bytesPage).toFixed(2)}x (goal <= 1.2x)`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (n, d) => { const i = argv.indexOf(`--${n}`); return i >= 0 ? argv[i + 1] : d; };
  const r = await firstVisit({ site: opt('site', SITE), runs: Number(opt('runs', 3)), log: console.log });
  if (argv.includes('--log')) for (const l of r.logs[0]) console.log(`  ${l}`);
  console.log(firstVisitLines(r).join('\n'));
}
