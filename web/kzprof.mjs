// kzprof JavaScript API: the bilingual list of in-demand professions, searched by the wasm core.
// The same file runs in the browser and in Node 20 (tests and benchmarks load this exact artifact).
//
//   import { createMatcher } from './kzprof.mjs';
//   const m = await createMatcher(await (await fetch('professions.json')).text());
//   m.search('dhfx-jyrjkju', { limit: 5 });
//   // -> { query, verdict: 'listed'|'suggestions'|'none'|'browse', rewrite: null|{kind, text},
//   //      results: [{ code, position, group, kk, ru, en, score, match, highlights: {kk, ru, en, alias} }] }
//
// In Node, pass the wasm bytes: createMatcher(json, { wasmBinary: fs.readFileSync('.../kzprof-core.wasm') }).
import createKzprofCore from './kzprof-core.mjs';

/** Largest query the core looks at (longer input is truncated by the core). */
export const MAX_QUERY_CHARS = 256;

export async function createMatcher(data, { wasmBinary, locateFile, factory = createKzprofCore } = {}) {
  let text = data, doc = data;
  if (typeof data === 'string') {
    try { doc = JSON.parse(data); } catch (e) { throw new Error(`kzprof: the data is not valid JSON (${e.message})`); }
  } else if (data && typeof data === 'object') {
    text = JSON.stringify(data);
  } else {
    throw new TypeError('kzprof: createMatcher(data) needs the data JSON as a string or an object');
  }
  const opts = {};
  if (wasmBinary) opts.wasmBinary = wasmBinary;
  if (locateFile) opts.locateFile = locateFile;
  const core = await factory(opts);
  const native = new core.Matcher();
  const problems = native.load(text);
  if (problems) {
    native.delete();
    throw new Error(`kzprof: invalid data:\n${problems}`);
  }
  return new Matcher(doc, native);
}

export class Matcher {
  #native; #byCode = new Map(); #groups;

  constructor(doc, native) {
    this.#native = native;
    this.meta = doc.meta ?? {};
    this.#groups = (doc.groups ?? []).map((g) => ({ id: g.id, kk: g.kk, ru: g.ru, en: g.unofficial?.en ?? '', codes: [] }));
    const groupById = new Map(this.#groups.map((g) => [g.id, g]));
    this.entries = (doc.professions ?? []).map((p) => {
      const e = Object.freeze({
        code: p.code, position: p.position, group: p.group, kk: p.kk, ru: p.ru,
        en: p.unofficial?.en ?? '', aliases: p.unofficial?.aliases ?? { ru: [], kk: [], en: [] },
      });
      this.#byCode.set(e.code, e);
      groupById.get(e.group)?.codes.push(e.code);
      return e;
    });
  }

  /** Searches the list. Empty or whitespace-only queries return the browse state (all entries). */
  search(query, { limit = 10 } = {}) {
    const q = String(query ?? '');
    const lim = Math.max(0, Math.min(1000, Number.isFinite(+limit) ? Math.floor(+limit) : 10));
    const raw = JSON.parse(this.#native.search(q, lim));
    raw.query = q;
    raw.results = raw.results.map((r) => ({ ...this.#byCode.get(r.code), ...r }));
    return raw;
  }

  /** The entry with exactly this official code, or null. */
  byCode(code) { return this.#byCode.get(String(code ?? '').trim()) ?? null; }

  /** Groups in official order: { id, kk: [headings], ru: [headings], en, codes: [...] }. */
  groups() { return this.#groups.map((g) => ({ ...g, count: g.codes.length })); }

  /** Frees the wasm-side index. The matcher cannot be used afterwards. */
  dispose() { this.#native?.delete(); this.#native = null; }
}
