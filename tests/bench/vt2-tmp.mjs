// Where a repeat visit's time goes, from a Chromium trace (a diagnostic, not part of .ci/bench):
//   node tests/bench/visit-trace.mjs [--floor] [--site build/site]
// A first visit as in first-visit.mjs (375 px, CPU 4x slower, the throttling server, the service worker
// installing), then the repeat visit traced: each task of the renderer's main thread from navigation to
// kzprof-ready (its start, its length and the longest things inside it), and the moment each of the page's files
// reached the main thread. --floor traces the reference page.
import path from 'node:path';
import { launch, SITE } from '../browser/harness.mjs';
import { CPU_SLOWDOWN, FLOOR_SITE, throttledServer } from './first-visit.mjs';

const argv = process.argv.slice(2);
const floor = argv.includes('--floor');
const site = floor ? FLOOR_SITE : path.resolve(argv[argv.indexOf('--site') + 1] ?? SITE);
const server = await throttledServer(site);
const browser = await launch();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function slowPage(context) {
  const page = await context.newPage();
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(`document.addEventListener('kzprof-ready',
    () => console.debug('kzprof-ready ' + performance.now()), { once: true });`);
  return page;
}
async function visit(page, url) {
  const ready = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('kzprof-ready ') });
  await page.goto(url, { waitUntil: 'commit' });
  return Number((await ready).text().split(' ')[1]);
}
try {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: 'allow' });
  let page = await slowPage(context);
  const first = await visit(page, `${server.origin}/?lang=ru`);
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await sleep(4000);  // the worker fills its cache
  await page.close();
  page = await slowPage(context);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline',
    'v8', 'v8.wasm', 'loading', 'blink.user_timing'] });
  const ready = await visit(page, `${server.origin}/?lang=ru`);
  await sleep(200);
  const { traceEvents } = JSON.parse(await browser.stopTracing());
  const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
  const onMain = (e) => e.pid === nav.pid && e.tid === nav.tid;
  const at = (ts) => (ts - nav.ts) / 1000;
  const end = nav.ts + ready * 1000;  // performance.now() counts from navigation start
  console.log(`${floor ? 'reference page' : site}: first visit ${first.toFixed(0)} ms, repeat visit ` +
    `${ready.toFixed(0)} ms (main thread below, from navigation to ready)`);
  const events = traceEvents.filter((e) => onMain(e) && e.ph === 'X' && e.ts >= nav.ts && e.ts < end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  for (const e of events.filter((x) => x.name === 'ThreadControllerImpl::RunTask' || x.name === 'RunTask')) {
    if (!tasks.length || e.ts >= tasks.at(-1).ts + tasks.at(-1).dur) tasks.push(e);
  }
  const inside = (t) => traceEvents.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X').filter((e) => e !== t && e.ts >= t.ts && e.ts < t.ts + t.dur && !/RunTask/.test(e.name));
  let busy = 0;
  console.log('  start   ms  task: the longest events inside it');
  for (const t of tasks) {
    busy += (Math.min(t.ts + t.dur, end) - t.ts) / 1000;  // the last task may run on past ready
    if (t.dur < 5000) continue;
    const longest = inside(t).sort((a, b) => b.dur - a.dur)
      .filter((e, i, all) => all.findIndex((x) => x.name === e.name) === i).slice(0, 4)
      .map((e) => `${e.name} ${(e.dur / 1000).toFixed(0)}`);
    console.log(`  ${at(t.ts).toFixed(0).padStart(5)} ${(t.dur / 1000).toFixed(0).padStart(4)}  ${longest.join(', ')}`);
  }
  console.log(`  main thread busy ${busy.toFixed(0)} ms of ${ready.toFixed(0)} (tasks under 5 ms not listed)`);
  const names = new Map(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}/${e.tid}`, e.args.name]));
  const other = traceEvents.filter((e) => e.ph === 'X' && !onMain(e) && e.ts >= nav.ts - 50000 && e.ts < end && e.dur > 2000 && /RunTask/.test(e.name));
  for (const e of other) console.log('  other', names.get(`${e.pid}/${e.tid}`), at(e.ts).toFixed(0), (e.dur/1000).toFixed(0),
    inside(e).sort((a,b)=>b.dur-a.dur).slice(0,4).map((x)=>x.name+' '+(x.dur/1000).toFixed(0)).join(', '));
  console.log('files (arrived on the main thread, ms after navigation):');
  const urls = new Map(traceEvents.filter((e) => e.name === 'ResourceSendRequest' && e.pid === nav.pid)
    .map((e) => [e.args.data.requestId, e.args.data.url]));
  for (const e of traceEvents.filter((x) => x.name === 'ResourceFinish' && x.pid === nav.pid && x.ts >= nav.ts)) {
    const u = urls.get(e.args.data.requestId);
    if (u) console.log(`  ${at(e.ts).toFixed(0).padStart(5)}  ${new URL(u).pathname}`);
  }
} finally {
  await browser.close();
  await server.close();
}
