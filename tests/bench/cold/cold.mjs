// Cold-start page of the benchmark (tests/bench/cold-start.mjs): loads one engine (?engine=kzprof |
// Fuse.js | MiniSearch | FlexSearch) and the official data, builds its index, answers one query (?q=)
// and renders the result rows. The same minimal page for every engine; the times are read from
// window.__cold (performance.now(), i.e. ms since navigation start).
const params = new URLSearchParams(location.search);
const engine = params.get('engine');
const query = params.get('q') ?? '';
const cold = { engine };
window.__cold = cold;

const dataText = fetch('professions.json').then((r) => r.text());
let search;
if (engine === 'kzprof') {
  // The project's JS API, its glue and wasm: the same files the widget page loads.
  const [{ createMatcher }, text] = await Promise.all([import('./kzprof.mjs'), dataText]);
  const m = await createMatcher(text);
  search = (q) => m.search(q, { limit: 10 }).results.map((r) => r.code);
} else {
  const load = {
    'Fuse.js': () => import('./fuse.min.mjs').then((x) => x.default),
    MiniSearch: () => import('./minisearch.min.js').then(() => globalThis.MiniSearch), // UMD: sets globalThis.MiniSearch
    FlexSearch: () => import('./flexsearch.min.mjs').then((x) => x.default),
  }[engine];
  if (!load) throw new Error(`unknown engine ${engine}`);
  const [Lib, { PEERS, officialDocs }, text] = await Promise.all([load(), import('./peers.mjs'), dataText]);
  search = PEERS[engine].build(Lib, officialDocs(JSON.parse(text)));
}
cold.ready = performance.now();
const codes = search(query);
const out = document.getElementById('out');
for (const c of codes) {
  const li = document.createElement('li');
  li.textContent = c;
  out.append(li);
}
cold.rows = codes.length;
cold.first = codes[0] ?? null;
cold.answered = performance.now();
