// Types of the <kz-professions> element (kzprof-widget.mjs). Importing the module defines the element.
import type { Matcher } from './kzprof.js';
export { createMatcher, VERSION } from './kzprof.js';
export type { AliasMatch, Aliases, Answer, Entry, Group, Highlights, MatchKind, Matcher, MatcherOptions, Result,
  Rewrite, Span, Verdict }
  from './kzprof.js';

export type UiLang = 'kk' | 'ru' | 'en';
/** What failed at start-up: a missing file, a hash mismatch, no WebAssembly, the page's CSP, CORS, the network,
 * or a file that is not what it should be (invalid data or wasm). */
export type LoadFailure = 'missing' | 'hash' | 'no-wasm' | 'csp' | 'cors' | 'network' | 'data';

/** detail of each event; all bubble and cross the shadow boundary (composed). */
export interface KzProfessionsEventMap {
  /** The data and the core are loaded; count = number of professions. */
  'kzprof-ready': CustomEvent<{ count: number }>;
  /** Loading failed (missing file, hash mismatch, no WebAssembly, CSP or CORS); the element shows why. */
  'kzprof-error': CustomEvent<{ kind: LoadFailure; url: string; message: string }>;
  /** The interface language changed (the person used the switch, or the lang attribute changed). */
  'kzprof-langchange': CustomEvent<{ lang: UiLang }>;
  /** A newer list arrived and is now in use (the widget also says so). */
  'kzprof-update': CustomEvent<{ as_of: string | null; data_version: string | null }>;
  /**
   * The query or the choice changed: fires on every keystroke (code null) and when a profession is
   * chosen (code set) or cleared. A chosen profession is the event with a non-null code.
   */
  'kzprof-change': CustomEvent<{ query: string; code: string | null }>;
}

/**
 * <kz-professions lang="ru" limit="8" data-src="professions.json" wasm-src="kzprof-core.wasm"
 *   url-state="off"></kz-professions>  (url-state: off | on | a name)
 */
export class KzProfessions extends HTMLElement {
  /** The package version (SemVer). */
  static readonly version: string;
  /** The interface strings per language. */
  static readonly locales: Readonly<Record<UiLang, Record<string, unknown>>>;
  readonly version: string;
  /** Attribute `limit`: how many results are shown (1-51, default 8). */
  readonly limit: number;
  /** Attribute `url-state` ("on" or a name): keep the query, choice and language in the page URL. */
  readonly urlState: boolean;
  /** Attribute `data-src` resolved: URL of professions.json or "#id" of a JSON script element. */
  readonly dataSrc: string;
  /** Attribute `wasm-src` resolved: URL of kzprof-core.wasm. */
  readonly wasmSrc: string;
  /** The interface language in use. */
  readonly uiLang: UiLang;
  /** The loaded matcher, or null before kzprof-ready. */
  readonly matcher: Matcher | null;
  addEventListener<K extends keyof KzProfessionsEventMap>(type: K,
    listener: (this: KzProfessions, ev: KzProfessionsEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap { 'kz-professions': KzProfessions }
  interface HTMLElementEventMap extends KzProfessionsEventMap {}
}
