// Types of the JavaScript API (kzprof.mjs): the bilingual list of in-demand professions (Order No. 49,
// Annex 2), searched by the WebAssembly core. The same module runs in browsers and in Node 20+.

/** The package version (SemVer), e.g. "1.0.0". */
export const VERSION: string;
/** Largest query the core looks at, in UTF-16 units; longer queries are cut and `truncated` is set. */
export const MAX_QUERY_CHARS: number;

/**
 * What the answer says about the query:
 * - `listed`: the query names one or more professions of the list;
 * - `broad`: a broad word ("врач", "developer") matching several listed professions: choose one;
 * - `mentioned`: the query names one listed profession in full among words the search did not understand
 *   ("I'm a radiologist at a diagnostic center"): not a verdict on the person; the first result is that one;
 * - `suggestions`: something is near, but the query does not name a listed profession;
 * - `none`: nothing on the list is near;
 * - `browse`: the query was empty; the results are the list in official order.
 */
export type Verdict = 'listed' | 'broad' | 'mentioned' | 'suggestions' | 'none' | 'browse';

/** How a result matched. */
export type MatchKind = 'exact' | 'code' | 'word' | 'prefix' | 'morph' | 'infix' | 'typo' | 'alias' | 'english'
  | 'browse' | (string & {});

/** [start, end) offsets in UTF-16 code units of the name they belong to. */
export type Span = [start: number, end: number];

export interface Aliases { ru: string[]; kk: string[]; en: string[] }

/** One profession of the list. kk and ru are the official names; en and aliases are unofficial aids. */
export interface Entry {
  /** Official classifier code, e.g. "2512-1-007". */
  code: string;
  /** Position in the official list (1-based). */
  position: number;
  /** Group id, see Matcher.groups(). */
  group: string;
  /** Official Kazakh name. */
  kk: string;
  /** Official Russian name. */
  ru: string;
  /** English name (unofficial translation). */
  en: string;
  /** Search aliases (unofficial). */
  aliases: Aliases;
}

/** Where the query matched, per name of the entry. */
export interface Highlights { kk?: Span[]; ru?: Span[]; en?: Span[] }

/** The alias (unofficial) that matched, with where in it. */
export interface AliasMatch { lang: 'ru' | 'kk' | 'en'; text: string; highlights: Span[] }

export interface Result extends Entry {
  score: number;
  match: MatchKind;
  highlights: Highlights;
  /** The alias that matched, or null. */
  alias: AliasMatch | null;
}

/** A correction the core applied before searching (keyboard layout, transliteration). */
export interface Rewrite {
  /** e.g. 'layout' (typed in the wrong keyboard layout), 'translit' (Latin letters). */
  kind: string;
  /** The query as typed. */
  from: string;
  /** The query as read. */
  text: string;
}

export interface Answer {
  query: string;
  verdict: Verdict;
  rewrite: Rewrite | null;
  /** The query was longer than MAX_QUERY_CHARS and was cut. */
  truncated: boolean;
  results: Result[];
}

export interface Group {
  id: string;
  /** Official Kazakh heading(s). */
  kk: string[];
  /** Official Russian heading(s). */
  ru: string[];
  /** English heading (unofficial). */
  en: string;
  codes: string[];
  count: number;
}

export interface MatcherOptions {
  /** The wasm bytes. Required in Node: fs.readFileSync(require.resolve('kz-professions/kzprof-core.wasm')). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where the browser finds kzprof-core.wasm (default: next to kzprof-core.mjs). */
  locateFile?: (path: string, prefix: string) => string;
}

export interface Matcher {
  search(query: string, options?: { limit?: number }): Answer;
  /** The entry with exactly this code, or null. */
  byCode(code: string): Entry | null;
  /** Groups in official order. */
  groups(): Group[];
  /** Every entry in official order. */
  readonly entries: readonly Entry[];
  /** The data's meta block: the act, its wording, as-of date, sources, data_version. */
  readonly meta: { data_version?: string; as_of?: string; [key: string]: unknown };
  /** Frees the wasm-side index; the matcher cannot be used afterwards. */
  dispose(): void;
}

/**
 * Loads the list (professions.json as text or parsed) into the core. Rejects with an Error naming the
 * entry and field when the data is invalid.
 */
export function createMatcher(data: string | object, options?: MatcherOptions): Promise<Matcher>;
