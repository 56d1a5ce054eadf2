// The compared libraries' configurations, shared by the Node benchmark (tests/bench/bench.mjs) and the
// cold-start page (tests/bench/cold/cold.mjs), so that both run exactly the same setup. Browser-safe:
// no Node imports. Each peer: build(Lib, docs, options) -> search(query) -> [code, …] (best first, ≤ 10).
//
// Fields: the official ones only (code, ru, kk), as the issue asks; `unofficialDocs` adds the English
// name and the aliases for the sensitivity table. Every option not named here is the library's default.

/** The official fields of each entry: what the peers index. */
export function officialDocs(data) {
  return data.professions.map((p) => ({ id: p.code, code: p.code, ru: p.ru, kk: p.kk }));
}

/** The official fields plus the unofficial English name and aliases (the data our core also reads). */
export function unofficialDocs(data) {
  return data.professions.map((p) => ({
    id: p.code, code: p.code, ru: p.ru, kk: p.kk, en: p.unofficial?.en ?? '',
    aliases: Object.values(p.unofficial?.aliases ?? {}).flat().join(' ; '),
  }));
}

export const OFFICIAL_FIELDS = ['code', 'ru', 'kk'];
export const ALL_FIELDS = ['code', 'ru', 'kk', 'en', 'aliases'];
export const LIMIT = 10;

export const PEERS = {
  'Fuse.js': {
    config: 'keys code, ru, kk (equal weight); threshold 0.4 (the default 0.6 lets most not-on-list queries match); ' +
      'other options default (location 0, distance 100, ignoreLocation false); search(q, {limit: 10})',
    variants: [
      { label: 'threshold 0.6 (default)', options: { threshold: 0.6 } },
      { label: 'threshold 0.4, ignoreLocation', options: { ignoreLocation: true } },
      { label: 'threshold 0.3', options: { threshold: 0.3 } },
    ],
    build(Fuse, docs, { fields = OFFICIAL_FIELDS, threshold = 0.4, ignoreLocation = false } = {}) {
      const fuse = new Fuse(docs, { keys: fields, threshold, ignoreLocation });
      return (q) => fuse.search(q, { limit: LIMIT }).map((r) => r.item.code);
    },
  },
  MiniSearch: {
    config: "fields code, ru, kk; searchOptions { prefix: true, fuzzy: 0.2, combineWith: 'OR' (default) }; " +
      'default tokenizer and term processing (lower case); first 10 of search(q)',
    variants: [
      { label: 'fuzzy 0.3', options: { fuzzy: 0.3 } },
      { label: "combineWith 'AND'", options: { combineWith: 'AND' } },
      { label: 'fuzzy 0.1', options: { fuzzy: 0.1 } },
    ],
    build(MiniSearch, docs, { fields = OFFICIAL_FIELDS, fuzzy = 0.2, combineWith = 'OR' } = {}) {
      const mini = new MiniSearch({ idField: 'id', fields, searchOptions: { prefix: true, fuzzy, combineWith } });
      mini.addAll(docs);
      return (q) => mini.search(q).slice(0, LIMIT).map((r) => r.id);
    },
  },
  FlexSearch: {
    config: "Document index over code, ru, kk; tokenize 'forward' (prefixes); default encoder (Charset.Default: " +
      'case folding and Unicode normalization — the Latin-phonetic presets do not apply to Cyrillic); ' +
      'search(q, {limit: 10, merge: true, suggest: true}) (suggest: results even when not every word matches)',
    variants: [
      { label: 'suggest false (default)', options: { suggest: false } },
      { label: "tokenize 'full'", options: { tokenize: 'full' } },
      { label: "tokenize 'tolerant'", options: { tokenize: 'tolerant' } },
    ],
    build(FlexSearch, docs, { fields = OFFICIAL_FIELDS, tokenize = 'forward', suggest = true } = {}) {
      const flex = new FlexSearch.Document({ tokenize, document: { id: 'id', index: fields } });
      for (const d of docs) flex.add(d);
      return (q) => flex.search(q, { limit: LIMIT, merge: true, suggest }).slice(0, LIMIT).map((r) => r.id);
    },
  },
};
