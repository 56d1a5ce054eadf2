// Long use of the shipped wasm in Node (build/site): one million searches with varied queries (every
// keystroke prefix of the relevance queries, with varied limits). The wasm heap stops growing after the
// first pass (its size is printed at intervals), no embind handle is left behind, every answer is
// identical to the first pass. Then create/dispose cycles on one wasm instance: dispose() deletes the
// embind Matcher and its memory is reused (a control run without dispose() shows the check can fail).
// KZPROF_LONG_USE_SEARCHES overrides the count (default 1,000,000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { loadSite, loadQueries, keystrokes, QUERIES_TSV, DEV2_TSV, HOLDOUT_TSV } from '../relevance/queries.mjs';

const site = await loadSite();
const TOTAL = Number(process.env.KZPROF_LONG_USE_SEARCHES ?? 1_000_000);

// A factory that keeps the emscripten module (for its heap and embind counters) and counts the embind
// Matcher objects made and deleted. `shared`: every createMatcher gets the same wasm instance.
async function instrumentedFactory(createCore, { shared = false } = {}) {
  const made = [];
  let core = null;
  const factory = async (opts) => {
    if (shared && core) return core;
    core = await createCore(opts);
    const Native = core.Matcher;
    core.Matcher = function Matcher() { const m = new Native(); made.push(m); return m; };
    return core;
  };
  // probe(): where the allocator puts a fresh 4 MB block — it moves up when memory leaks inside the heap,
  // long before the heap itself has to grow.
  const probe = () => { const p = core._malloc(4 << 20); core._free(p); return p; };
  return { factory, made, heap: () => core.HEAP8.buffer.byteLength, handles: () => core.count_emval_handles(), probe };
}

const createCore = (await import(`${site.site}/kzprof-core.mjs`)).default;
const MB = (n) => `${(n / 1048576).toFixed(1)} MB`;

test(`${TOTAL.toLocaleString('en')} searches: the heap stops growing, no embind handle leaks, answers stay identical`, async () => {
  const inst = await instrumentedFactory(createCore);
  const m = await site.createMatcher(site.dataText, { wasmBinary: site.wasmBinary, factory: inst.factory });
  const queries = [];
  for (const file of [QUERIES_TSV, DEV2_TSV, HOLDOUT_TSV])
    for (const q of loadQueries({ file })) queries.push(...keystrokes(q.query));
  queries.push('', ' ', '2512-1-007', 'x'.repeat(300), 'врач '.repeat(100));
  const limits = [10, 1, 5, 51, 0, 8];
  const handles0 = inst.handles();
  // Pass 1: the answers every later pass must repeat.
  const expected = queries.map((q, i) => JSON.stringify(m.search(q, { limit: limits[i % limits.length] })));
  const probeAfterFirstPass = inst.probe(), heapAfterFirstPass = inst.heap();  // the probe may grow a small heap
  console.log(`  ${queries.length} distinct queries; after the first pass: wasm heap ${MB(heapAfterFirstPass)}, a fresh 4 MB block at ${probeAfterFirstPass}, embind handles ${handles0}`);
  const every = Math.max(1, Math.floor(TOTAL / 10));
  const sizes = [], probes = [];
  const t0 = performance.now();
  for (let n = 0; n < TOTAL; n++) {
    const i = n % queries.length;
    const got = JSON.stringify(m.search(queries[i], { limit: limits[i % limits.length] }));
    if (got !== expected[i]) assert.fail(`search ${n}: '${queries[i]}' answered differently from the first pass`);
    if ((n + 1) % every === 0) {
      sizes.push(inst.heap());
      probes.push(inst.probe());
      console.log(`  after ${(n + 1).toLocaleString('en').padStart(9)} searches: wasm heap ${MB(inst.heap())}, a fresh 4 MB block at ${probes.at(-1)}, embind handles ${inst.handles()}, ${((performance.now() - t0) / (n + 1) * 1000).toFixed(1)} us/search`);
    }
  }
  assert.ok(sizes.every((s) => s === heapAfterFirstPass), `the heap grew after the first pass: ${sizes.map(MB).join(', ')}`);
  assert.ok(probes.every((p) => p === probeAfterFirstPass), `memory is kept inside the heap: ${probes.join(', ')}`);
  assert.equal(inst.handles(), handles0, 'embind handles left behind');
  assert.equal(inst.made.length, 1);
  m.dispose();
  assert.ok(inst.made[0].isDeleted(), 'dispose() deleted the embind Matcher');
});

test('create/dispose 300 times on one wasm instance: every Matcher deleted, the heap stops growing', async () => {
  const inst = await instrumentedFactory(createCore, { shared: true });
  const sizes = [], probes = [];
  for (let k = 0; k < 300; k++) {
    const m = await site.createMatcher(site.dataText, { wasmBinary: site.wasmBinary, factory: inst.factory });
    m.search('врач', { limit: 10 });
    m.dispose();
    if (k % 50 === 49) sizes.push(inst.heap());
  }
  console.log(`  heap every 50 create/dispose cycles: ${sizes.map(MB).join(', ')}`);
  assert.equal(inst.made.length, 300);
  assert.ok(inst.made.every((x) => x.isDeleted()), 'every Matcher deleted by dispose()');
  assert.ok(sizes.every((s) => s === sizes[0]), 'the heap grew while matchers were created and disposed');
  assert.equal(inst.handles(), 0, 'no embind handle left');
  // A refused data file deletes its Matcher too.
  await assert.rejects(site.createMatcher('{"groups":[],"professions":[7]}', { wasmBinary: site.wasmBinary, factory: inst.factory }), /expected an object/);
  assert.ok(inst.made.at(-1).isDeleted(), 'the Matcher of refused data is deleted');

  // Control: the same without dispose() grows the heap, so the check above can fail.
  const leak = await instrumentedFactory(createCore, { shared: true });
  const kept = [];
  let first = 0;
  for (let k = 0; k < 300; k++) {
    kept.push(await site.createMatcher(site.dataText, { wasmBinary: site.wasmBinary, factory: leak.factory }));
    if (k === 49) first = leak.heap();
  }
  console.log(`  control without dispose(): heap ${MB(first)} after 50, ${MB(leak.heap())} after 300`);
  assert.ok(leak.heap() > first, 'without dispose() the heap grows');
});
