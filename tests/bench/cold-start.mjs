// Cold start in a real browser (Debian's headless Chromium via playwright-core), used by bench.mjs
// part g; runnable alone: node tests/bench/cold-start.mjs [--runs 10] [--query онколог]
//
// Every run launches a fresh browser with a fresh context (empty HTTP cache, service workers blocked
// so that nothing is served from a worker's cache), loads a page from web/server.mjs (the strict CSP
// of the site, no compression) and measures, in the page, with performance.now() (ms since navigation
// start):
//   widget page  the real site's index.html with <kz-professions>. An init script waits for the
//                widget's kzprof-ready event, then puts the query into the widget's input and fires
//                an `input` event (as typing does); "answered" = the moment the first result row
//                ([role=option]) is in the widget's shadow DOM (MutationObserver).
//   engine pages tests/bench/cold/cold.html?engine=…: the same minimal page for every engine (ours
//                through its JS API, each library with the configuration of peers.mjs): fetch the
//                data and the engine in parallel, build the index, answer the query, render the rows.
// Bytes: from the Resource Timing API (navigation + every resource): transferSize (headers + body as
// sent) and encodedBodySize; web/server.mjs does not compress, so body = file size. Also reported:
// the gzip -9 size of the same files (what a host that compresses would send, roughly).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, startServer } from '../browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

const INIT_WIDGET = (query) => `
  window.__cold = {};
  document.addEventListener('kzprof-ready', (e) => {
    const cold = window.__cold;
    cold.ready = performance.now();
    const root = e.target.shadowRoot, input = root.querySelector('input');
    const done = () => {
      const rows = root.querySelectorAll('[role="option"]');
      if (!rows.length) return false;
      cold.answered = performance.now(); cold.rows = rows.length; cold.first = rows[0].dataset.code ?? null;
      return true;
    };
    const obs = new MutationObserver(() => { if (done()) obs.disconnect(); });
    obs.observe(root, { childList: true, subtree: true });
    input.value = ${JSON.stringify(query)};
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }, { once: true });`;

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };

/** Copies what the engine pages need into dir: our API/glue/wasm/data from the site, the peers' browser bundles. */
function prepareEngineDir(dir, site, peerBundles) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['kzprof.mjs', 'kzprof-core.mjs', 'kzprof-core.wasm', 'professions.json'])
    fs.copyFileSync(path.join(site, f), path.join(dir, f));
  for (const f of ['cold/cold.html', 'cold/cold.mjs', 'peers.mjs']) fs.copyFileSync(path.join(here, f), path.join(dir, path.basename(f)));
  const as = { 'Fuse.js': 'fuse.min.mjs', MiniSearch: 'minisearch.min.js', FlexSearch: 'flexsearch.min.mjs' };
  for (const [name, file] of Object.entries(peerBundles)) fs.copyFileSync(file, path.join(dir, as[name]));
}

/** One cold load: fresh browser, fresh context; returns the figures read in the page. */
async function coldLoad(url, { init = null, dir }) {
  const browser = await launch();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (init) await page.addInitScript(init);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__cold?.answered, null, { timeout: 30000 });
    await page.waitForLoadState('networkidle');
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const files = [nav, ...res].map((e) => ({ url: e.name, transfer: e.transferSize, body: e.encodedBodySize, decoded: e.decodedBodySize }));
      return { ...window.__cold, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, files };
    });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    for (const f of r.files) {
      const p = path.join(dir, decodeURIComponent(new URL(f.url).pathname));
      const file = fs.existsSync(p) && fs.statSync(p).isDirectory() ? path.join(p, 'index.html') : p;
      f.name = path.basename(new URL(f.url).pathname) || 'index.html';
      f.gzip = fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : null;
    }
    r.version = browser.version();
    return r;
  } finally {
    await browser.close();
  }
}

/**
 * Runs `runs` cold loads of each page, interleaved (run i loads every page once, in rotated order).
 * Returns { browser, query, runs, pages: [{ name, kind, url, runs: [...], median: {...}, bytes }] }.
 */
export async function coldStart({ site, runs = 10, query = 'онколог', peerBundles, workDir, log = () => {} }) {
  prepareEngineDir(workDir, site, peerBundles);
  const siteServer = await startServer(site);
  const engineServer = await startServer(workDir);
  const pages = [
    { name: 'kzprof widget page (index.html)', kind: 'widget', engine: 'kzprof', url: `${siteServer.origin}/`, dir: site, init: INIT_WIDGET(query) },
    ...['kzprof', ...Object.keys(peerBundles)].map((e) => ({
      name: `${e} engine page`, kind: 'engine', engine: e, dir: workDir,
      url: `${engineServer.origin}/cold.html?engine=${encodeURIComponent(e)}&q=${encodeURIComponent(query)}` })),
  ];
  for (const p of pages) p.runs = [];
  let version = null;
  try {
    for (let i = 0; i < runs; i++) {
      for (let j = 0; j < pages.length; j++) {
        const p = pages[(i + j) % pages.length];
        const r = await coldLoad(p.url, { init: p.init, dir: p.dir });
        version = r.version;
        p.runs.push(r);
      }
      log(`cold start: run ${i + 1}/${runs} done`);
    }
  } finally {
    await siteServer.close();
    await engineServer.close();
  }
  for (const p of pages) {
    p.median = Object.fromEntries(['answered', 'ready', 'dcl', 'load'].map((k) => [k, median(p.runs.map((r) => r[k]))]));
    p.min = Math.min(...p.runs.map((r) => r.answered));
    p.max = Math.max(...p.runs.map((r) => r.answered));
    p.rows = p.runs[0].rows;
    p.first = p.runs[0].first;
    const files = p.runs[0].files;
    p.bytes = { requests: files.length, transfer: files.reduce((s, f) => s + f.transfer, 0), body: files.reduce((s, f) => s + f.body, 0),
      gzip: files.reduce((s, f) => s + (f.gzip ?? f.body), 0), files: files.map((f) => ({ name: f.name, body: f.body, gzip: f.gzip })) };
  }
  return { browser: version, query, runs, pages };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (n, d) => { const i = argv.indexOf(`--${n}`); return i >= 0 ? argv[i + 1] : d; };
  const { siteDir } = await import('../relevance/queries.mjs');
  const { peerBundles } = await import('./engines.mjs');
  const root = path.resolve(here, '../..');
  const r = await coldStart({ site: siteDir(), runs: Number(opt('runs', 10)), query: opt('query', 'онколог'),
    peerBundles: Object.fromEntries(Object.entries(peerBundles(path.join(root, 'build/bench'))).map(([k, v]) => [k, v.path])),
    workDir: path.join(root, 'build/bench/cold'), log: console.log });
  for (const p of r.pages)
    console.log(`${p.name}: answered median ${p.median.answered.toFixed(0)} ms (min ${p.min.toFixed(0)}, max ${p.max.toFixed(0)}), ready ${p.median.ready.toFixed(0)} ms, ` +
      `${p.bytes.requests} requests, ${p.bytes.transfer} B transferred, ${p.rows} rows, first ${p.first}`);
}
