import path from 'node:path';
import { launch, SITE } from '../browser/harness.mjs';
import { CPU_SLOWDOWN, throttledServer } from './first-visit.mjs';
const site = path.resolve(process.argv[2] ?? SITE);
const server = await throttledServer(site);
const browser = await launch();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function slowPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(`document.addEventListener('kzprof-ready',
    () => console.debug('kzprof-ready ' + performance.now()), { once: true });`);
  return [page, cdp];
}
async function visit(page, url) {
  const ready = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('kzprof-ready ') });
  await page.goto(url, { waitUntil: 'commit' });
  return Number((await ready).text().split(' ')[1]);
}
try {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: 'allow' });
  let [page] = await slowPage(context);
  await visit(page, `${server.origin}/?lang=ru`);
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await sleep(4000);
  await page.goto('about:blank');
  let cdp;
  [page, cdp] = await slowPage(context);
  await page.goto(`${server.origin}/favicon.svg`);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const ready = await visit(page, `${server.origin}/?lang=ru`);
  const { profile } = await cdp.send('Profiler.stop');
  console.log('repeat visit ready', ready.toFixed(0));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id); const cf = n.callFrame;
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  // inclusive time per function
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const cf = byId.get(x).callFrame;
      const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
      if (seen.has(key)) continue; seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
    }
  });
  console.log('SELF'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log(v.toFixed(1).padStart(7), k));
  console.log('INCL'); [...incl].sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([k, v]) => console.log(v.toFixed(1).padStart(7), k));
} finally { await browser.close(); await server.close(); }
