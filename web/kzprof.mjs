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

/** The release version: package.json's, written in by the build (web/build-site.mjs); unbuilt sources say so. */
export const VERSION = typeof KZPROF_VERSION === 'string' ? KZPROF_VERSION : '0.0.0-unbuilt';

/** Largest query the core looks at (longer input is truncated by the core). */
export const MAX_QUERY_CHARS = 256;

export async function createMatcher(data, { wasmBinary, locateFile, factory = createKzprofCore } = {}) {
  let doc = data;
  if (typeof data === 'string') {
    try { doc = JSON.parse(data); } catch (e) { throw new Error(`kzprof: the data is not valid JSON (${e.message})`); }
  } else if (!data || typeof data !== 'object') {
    throw new TypeError('kzprof: createMatcher(data) needs the data JSON as a string or an object');
  }
  // JSON strings can hold U+001C..U+001F only as \u escapes: without one in the text, no value needs the check.
  const packed = packCatalog(doc, typeof data !== 'string' || /\\u001[c-f]/i.test(data));
  const opts = {};
  if (wasmBinary) opts.wasmBinary = wasmBinary;
  if (locateFile) opts.locateFile = locateFile;
  const core = await factory(opts);
  const native = new core.Matcher();
  // UTF-8 bytes straight into the wasm memory (see wasm/bindings.cpp), encoded in place: a UTF-16 unit
  // takes at most 3 bytes.
  const problems = native.load(new TextEncoder().encodeInto(packed, native.buffer(3 * packed.length)).written);
  if (problems) {
    native.delete();
    throw new Error(`kzprof: invalid data:\n${problems}`);
  }
  return new Matcher(doc, native);
}

// ---- The data handed to the core: JSON types are checked here (the wasm has no JSON parser), the values
// (codes, positions, groups, empty names) by the core. Messages are those of the native loader
// (wasm/core/catalog.cpp); the packed format is described in wasm/core/catalog.hpp.
const PACK_SEP = '\x1f', PACK_BAD = '\x1d', PACK_CONTROL = /[\x1c-\x1f]/, PACK_BLANK = /^[ \t\r\n]*$/;
const TOP_KEYS = ['meta', 'groups', 'professions'];  // meta: free-form information, passed through

function jsonTypeName(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : typeof v;
}

const isJsonObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function packCatalog(doc, checkControl = true) {
  const top = [];
  if (!isJsonObject(doc)) top.push(`data: expected a JSON object at the top level, got ${jsonTypeName(doc)}`);
  else {
    if (!Array.isArray(doc.groups)) top.push("data: field 'groups': missing or not an array");
    if (!Array.isArray(doc.professions)) top.push("data: field 'professions': missing or not an array");
    for (const k of Object.keys(doc).sort()) if (!TOP_KEYS.includes(k)) top.push(`data: field '${k}': unknown field`);
  }
  if (top.length) throw new Error(`kzprof: invalid data:\n${top.join('\n')}\n`);
  const out = [];
  const control = checkControl ? (v) => PACK_CONTROL.test(v) : () => false;
  // A string field: the value, or PACK_BAD + the message (missing, wrong type, control character).
  const str = (obj, key, where) => {
    const v = obj[key];
    if (v === undefined) return `${PACK_BAD}${where}: field '${key}': missing`;
    if (typeof v !== 'string') return `${PACK_BAD}${where}: field '${key}': expected a string, got ${jsonTypeName(v)}`;
    if (control(v)) return `${PACK_BAD}${where}: field '${key}': contains a control character (U+001C..U+001F)`;
    return v;
  };
  const usable = (v) => v[0] !== PACK_BAD && !PACK_BLANK.test(v);
  // A field the schema does not have (a misspelt key would lose its value silently): its own record.
  const unknown = (obj, keys, where, prefix = '') => {
    for (const k of Object.keys(obj).sort()) if (!keys.includes(k)) out.push('\x1ex', `${where}: field '${prefix}${k}': unknown field`);
  };
  const list = (obj, key, where) => {
    const v = obj[key];
    if (v === undefined) return out.push(`${PACK_BAD}${where}: field '${key}': missing`);
    if (!Array.isArray(v)) return out.push(`${PACK_BAD}${where}: field '${key}': expected an array of strings, got ${jsonTypeName(v)}`);
    let n = 0, stop = '';
    for (; n < v.length; n++) {
      if (typeof v[n] !== 'string') { stop = '!'; break; }
      if (control(v[n])) { stop = '^'; break; }
    }
    out.push(`${n}${stop}`);
    for (let k = 0; k < n; k++) out.push(v[k]);
  };
  doc.groups.forEach((g, i) => {
    let where = `groups[${i}]`;
    if (!isJsonObject(g)) return out.push('\x1eg', `${where}: field '': expected an object, got ${jsonTypeName(g)}`);
    const id = str(g, 'id', where);
    out.push('\x1eG', id);
    if (usable(id)) where = `group '${id}'`;
    list(g, 'kk', where);
    list(g, 'ru', where);
    out.push(isJsonObject(g.unofficial) ? str(g.unofficial, 'en', where) : `${PACK_BAD}${where}: field 'unofficial': missing or not an object`);
    unknown(g, ['id', 'kk', 'ru', 'unofficial'], where);
    if (isJsonObject(g.unofficial)) unknown(g.unofficial, ['en'], where, 'unofficial.');
  });
  doc.professions.forEach((p, i) => {
    let where = `professions[${i}]`;
    if (!isJsonObject(p)) return out.push('\x1ep', `${where}: field '': expected an object, got ${jsonTypeName(p)}`);
    const code = str(p, 'code', where);
    out.push('\x1eP', code);
    if (usable(code)) where = code;
    const pos = p.position;
    out.push(pos === undefined ? `${PACK_BAD}${where}: field 'position': missing`
      : Number.isSafeInteger(pos) ? String(pos) : `${PACK_BAD}${where}: field 'position': expected an integer, got ${jsonTypeName(pos)}`);
    out.push(str(p, 'group', where), str(p, 'kk', where), str(p, 'ru', where));
    const un = p.unofficial;
    if (!isJsonObject(un)) {
      out.push(`${PACK_BAD}${where}: field 'unofficial': missing or not an object`, PACK_BAD, PACK_BAD, PACK_BAD);
    } else {
      out.push(str(un, 'en', where));
      if (!isJsonObject(un.aliases)) {
        out.push(`${PACK_BAD}${where}: field 'unofficial.aliases': missing or not an object`, PACK_BAD, PACK_BAD);
      } else {
        list(un.aliases, 'ru', where);
        list(un.aliases, 'kk', where);
        list(un.aliases, 'en', where);
      }
    }
    unknown(p, ['code', 'position', 'group', 'kk', 'ru', 'unofficial'], where);
    if (isJsonObject(un)) unknown(un, ['en', 'aliases'], where, 'unofficial.');
    if (isJsonObject(un?.aliases)) unknown(un.aliases, ['ru', 'kk', 'en'], where, 'unofficial.aliases.');
  });
  return out.join(PACK_SEP);
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
    // The core reads the first MAX_QUERY_CHARS units and says when there were more: 1 more is enough to say so.
    const raw = JSON.parse(this.#native.search(q.length > MAX_QUERY_CHARS + 1 ? q.slice(0, MAX_QUERY_CHARS + 1) : q, lim));
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
