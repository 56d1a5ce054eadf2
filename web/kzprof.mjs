// kzprof JavaScript API: the bilingual list of in-demand professions, searched by the wasm core.
// The same file runs in the browser and in Node 20 (tests and benchmarks load this exact artifact).
//
//   import { createMatcher } from './kzprof.mjs';
//   const m = await createMatcher(await (await fetch('professions.json')).text());
//   m.search('dhfx-jyrjkju', { limit: 5 });
//   // -> { query, verdict: 'listed'|'broad'|'mentioned'|'suggestions'|'none'|'browse', truncated,
//   //      rewrite: null|{ kind, from, text },
//   //      results: [{ code, position, group, kk, ru, en, aliases, score, match,
//   //                  highlights: { kk, ru, en }, alias: null|{ lang, text, highlights } }] }
//   // listed: the query names this listed profession; broad: several listed professions carry the query's
//   // words and none is named (choose yours); mentioned: one listed profession named in full among words
//   // that were not understood; suggestions: near misses; none: nothing; browse: a blank query.
//
// In Node, pass the wasm bytes: createMatcher(json, { wasmBinary: fs.readFileSync('.../kzprof-core.wasm') }).
import createKzprofCore from './kzprof-core.mjs';

/** The release version: package.json's, written in by the build (web/build-site.mjs); unbuilt sources say so. */
export const VERSION = typeof KZPROF_VERSION === 'string' ? KZPROF_VERSION : '0.0.0-unbuilt';

/** Largest query the core looks at (longer input is truncated by the core). */
export const MAX_QUERY_CHARS = 256;

/** The largest data text accepted (UTF-16 units): absurd input is refused before it can exhaust memory. */
export const MAX_DATA_CHARS = 64 * 1024 * 1024;

export async function createMatcher(data, { wasmBinary, locateFile, instantiateWasm, factory = createKzprofCore } = {}) {
  let doc = data;
  if (typeof data === 'string') {
    if (data.length > MAX_DATA_CHARS)
      throw new Error(`kzprof: invalid data:\ndata: ${data.length} characters, more than the limit of ${MAX_DATA_CHARS}`);
    try {
      doc = JSON.parse(data.charCodeAt(0) === 0xfeff ? data.slice(1) : data);  // a byte order mark is skipped
    } catch (e) {
      throw new Error(`kzprof: the data is not valid JSON (${e.message})`);
    }
  } else if (!data || typeof data !== 'object') {
    throw new TypeError('kzprof: createMatcher(data) needs the data JSON as a string or an object');
  }
  const problems = checkShape(doc);
  if (problems.length) throw new Error(`kzprof: invalid data:\n${problems.join('\n')}`);
  const opts = {};
  if (wasmBinary) opts.wasmBinary = wasmBinary;
  if (locateFile) opts.locateFile = locateFile;
  if (instantiateWasm) opts.instantiateWasm = instantiateWasm;
  const core = await factory(opts);
  const native = new core.Matcher();
  let loadProblems;
  try {
    for (const g of doc.groups) native.addGroup({ id: g.id, en: g.unofficial.en }, g.kk, g.ru);
    for (const p of doc.professions) {
      const { en, aliases } = p.unofficial;
      native.addProfession({ position: p.position, code: p.code, group: p.group, kk: p.kk, ru: p.ru, en },
        aliases.ru, aliases.kk, aliases.en);
    }
    loadProblems = native.load();
  } catch (e) {
    // The wasm aborts when it cannot allocate (its memory is at most 2 GB): say so, not "Aborted()".
    throw new Error(`kzprof: the data could not be loaded: out of memory (${doc.professions.length} entries)`,
      { cause: e });
  }
  if (loadProblems.length) {
    native.delete();
    throw new Error(`kzprof: invalid data:\n${loadProblems.join('\n')}`);
  }
  return new Matcher(doc, native);
}

// ---- The shape of the data: JSON types, missing and unknown fields (a misspelt key would lose its value
// silently). The values (codes, positions, groups, blank names, limits) are checked by the core, once for
// the browser and the native tools. The messages are those of the native loader (wasm/core/catalog_json.cpp).
const TOP_KEYS = ['meta', 'groups', 'professions'];  // meta: information the widget shows

function jsonTypeName(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const blank = (v) => typeof v !== 'string' || /^[\s\u200b]*$/.test(v);  // text::is_blank of the core

/** The shape problems of a parsed data document, in document order; empty when the core can take it. */
export function checkShape(doc) {
  const out = [];
  if (!isObject(doc)) return [`data: expected a JSON object at the top level, got ${jsonTypeName(doc)}`];
  if (!Array.isArray(doc.groups)) out.push("data: field 'groups': missing or not an array");
  if (!Array.isArray(doc.professions)) out.push("data: field 'professions': missing or not an array");
  for (const k of Object.keys(doc).sort()) if (!TOP_KEYS.includes(k)) out.push(`data: field '${k}': unknown field`);
  if (out.length) return out;
  checkMeta(doc.meta, out);
  const bad = (where, key, what) => out.push(`${where}: field '${key}': ${what}`);
  const str = (obj, key, where) => {
    const v = obj[key];
    if (v === undefined) bad(where, key, 'missing');
    else if (typeof v !== 'string') bad(where, key, `expected a string, got ${jsonTypeName(v)}`);
    else if (LONE_SURROGATE.test(v))
      bad(where, key, 'a lone surrogate (not valid Unicode text)');
  };
  const list = (obj, key, where) => {
    const v = obj[key];
    if (v === undefined) return bad(where, key, 'missing');
    if (!Array.isArray(v)) return bad(where, key, `expected an array of strings, got ${jsonTypeName(v)}`);
    const i = v.findIndex((x) => typeof x !== 'string');
    if (i >= 0) bad(where, `${key}[${i}]`, 'expected a non-empty string');
    else v.forEach((_, k) => str(v, k, where));
  };
  const object = (obj, key, where, shown) => {
    if (isObject(obj[key])) return obj[key];
    bad(where, shown, 'missing or not an object');
    return null;
  };
  const unknown = (obj, keys, where, prefix = '') => {
    for (const k of Object.keys(obj).sort()) if (!keys.includes(k)) bad(where, `${prefix}${k}`, 'unknown field');
  };
  doc.groups.forEach((g, i) => {
    let where = `groups[${i}]`;
    if (!isObject(g)) return bad(where, '', `expected an object, got ${jsonTypeName(g)}`);
    str(g, 'id', where);
    if (!blank(g.id)) where = `group '${g.id}'`;
    list(g, 'kk', where);
    list(g, 'ru', where);
    const un = object(g, 'unofficial', where, 'unofficial');
    if (un) {
      str(un, 'en', where);
      unknown(un, ['en'], where, 'unofficial.');
    }
    unknown(g, ['id', 'kk', 'ru', 'unofficial'], where);
  });
  doc.professions.forEach((p, i) => {
    let where = `professions[${i}]`;
    if (!isObject(p)) return bad(where, '', `expected an object, got ${jsonTypeName(p)}`);
    str(p, 'code', where);
    if (!blank(p.code)) where = p.code;
    if (p.position === undefined) bad(where, 'position', 'missing');
    else if (typeof p.position !== 'number') bad(where, 'position', `expected an integer, got ${jsonTypeName(p.position)}`);
    for (const k of ['group', 'kk', 'ru']) str(p, k, where);
    const un = object(p, 'unofficial', where, 'unofficial');
    if (un) {
      str(un, 'en', where);
      const al = object(un, 'aliases', where, 'unofficial.aliases');
      if (al) {
        for (const k of ['ru', 'kk', 'en']) list(al, k, where);
        unknown(al, ['ru', 'kk', 'en'], where, 'unofficial.aliases.');
      }
      unknown(un, ['en', 'aliases'], where, 'unofficial.');
    }
    unknown(p, ['code', 'position', 'group', 'kk', 'ru', 'unofficial'], where);
  });
  return out;
}

// `meta`: what the widget shows about the act (its verdict view) must be present and typed; other fields
// of meta are free-form. The rules and messages of check_meta() in wasm/core/catalog_json.cpp.
const META_FIELDS = [['act.number'], ['act.date', 'date'], ['act.issuer.kk'], ['act.issuer.ru'], ['act.issuer.en'],
  ['act.annex'], ['wording.number'], ['wording.date', 'date'], ['as_of', 'date'], ['data_version'],
  ['source_urls.kk', 'url'], ['source_urls.ru', 'url']];
const MAX_TEXT_BYTES = 1000;  // MAX_TEXT_BYTES of wasm/core/catalog.hpp
const utf8Length = (s) => {
  let n = 0;
  for (const c of s) n += c <= '\x7f' ? 1 : c <= '\u07ff' ? 2 : c.length === 2 ? 4 : 3;
  return n;
};
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function checkMeta(meta, out) {
  if (!isObject(meta)) return out.push("data: field 'meta': missing or not an object");
  const reported = new Set();
  for (const [path, kind] of META_FIELDS) {
    const keys = path.split('.');
    let v = meta, ok = true;
    for (let i = 0; i < keys.length - 1 && ok; i++) {
      v = v[keys[i]];
      if (!isObject(v)) {
        const parent = keys.slice(0, i + 1).join('.');
        if (!reported.has(parent)) out.push(`meta: field '${parent}': missing or not an object`);
        reported.add(parent);
        ok = false;
      }
    }
    if (!ok) continue;
    v = Object.hasOwn(v, keys.at(-1)) ? v[keys.at(-1)] : undefined;
    const head = `meta: field '${path}': `;
    if (v === undefined) out.push(`${head}missing`);
    else if (typeof v !== 'string') out.push(`${head}expected a string, got ${jsonTypeName(v)}`);
    else if (LONE_SURROGATE.test(v)) out.push(`${head}a lone surrogate (not valid Unicode text)`);
    else if (blank(v)) out.push(`${head}empty`);
    else if (utf8Length(v) > MAX_TEXT_BYTES) out.push(`${head}${utf8Length(v)} bytes, longer than the limit of 1000`);
    else if (kind === 'date' && !DATE.test(v)) out.push(`${head}expected a date YYYY-MM-DD`);
    else if (kind === 'url' && !v.startsWith('https://')) out.push(`${head}expected an https:// address`);
  }
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

  /** Searches the list. Empty or whitespace-only queries return the browse state (entries in list order, up to
   * the limit). */
  search(query, options) {
    if (!this.#native) throw new Error('kzprof: search() after dispose(): create a new matcher with createMatcher()');
    const { limit = 10 } = options ?? {};
    const q = String(query ?? '');
    const lim = Math.max(0, Math.min(1000, Number.isFinite(+limit) ? Math.floor(+limit) : 10));
    // The core reads the first MAX_QUERY_CHARS units and says when there were more: 1 more is enough to say so.
    const raw = this.#native.search(q.length > MAX_QUERY_CHARS + 1 ? q.slice(0, MAX_QUERY_CHARS + 1) : q, lim);
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
