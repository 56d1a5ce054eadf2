// <kz-professions>: the search widget over the official list of in-demand professions.
// One tag plus one module script:
//   <script type="module" src="kzprof-widget.mjs"></script>
//   <kz-professions lang="ru"></kz-professions>
// Attributes (all optional):
//   lang       interface language kk | ru | en   default: the lang of the nearest ancestor that has one
//              (usually <html lang>), else en
//   data-src   URL of professions.json, or #id of a <script type="application/json">
//              default: professions.json next to this script
//   wasm-src   URL of kzprof-core.wasm           default: kzprof-core.wasm next to this script
//   limit      how many results to show           default: 8; a number ("1e9" counts as 1e9), rounded
//              down, at most 51; not a number or below 1 ("abc", "-5") gives the default
//   url-state  off | on | <name>: keep query/choice/lang in the page URL  default: off (an embed must not
//              rewrite its host's URL); a name prefixes the keys (<name>-q, …) so two widgets keep apart
// Events (bubbling, composed): kzprof-ready {count}, kzprof-error {kind, url, message},
//   kzprof-langchange {lang}, kzprof-update {as_of, data_version}, kzprof-change {query, code}.
// Theming: CSS custom properties --kzp-* on the element (see kzprof-widget.css) and ::part(...).
// Accessibility criteria: web/ACCESSIBILITY.md (the numbers in comments below refer to it).
//
// The site ships this file bundled (web/build-site.mjs): every import below inlined into one module,
// so that one SRI hash covers all of the code; the same sources make the classic file:// build.
import { createMatcher, VERSION } from './kzprof.mjs';
import createKzprofCore from './kzprof-core.mjs';
import { KZP_KK } from './i18n/kk.mjs';
import { KZP_RU } from './i18n/ru.mjs';
import { KZP_EN } from './i18n/en.mjs';
import { kzpDate } from './i18n/common.mjs';
import { kzpEl, kzpAppend, kzpClear, kzpHighlighted } from './widget/render.mjs';
import { kzpUrlPrefix, kzpReadUrl, kzpWriteUrl } from './widget/url-state.mjs';

const KZP_LOCALES = Object.freeze({ kk: KZP_KK, ru: KZP_RU, en: KZP_EN });
const KZP_LANGS = ['kk', 'ru', 'en'];
/** Default number of results (attribute `limit`), and the most it may ask for. */
const KZP_DEFAULT_LIMIT = 8;
const KZP_MAX_LIMIT = 51;
/** Entries of one group rendered at a time in the browse view (then "show more"). */
const KZP_BROWSE_PAGE = 100;
/** Delay before the live region speaks, so fast typing does not flood screen readers (AC 17). */
const KZP_ANNOUNCE_DELAY_MS = 500;
const KZP_SCRIPT_URL = import.meta.url;
// Set by build-site.mjs in the bundled files only: SRI hashes of the default data and wasm, the CSS
// text (constructable stylesheet), and whether the core is the single-file classic build.
const KZP_BUILD_INFO = typeof KZP_BUILD === 'undefined' ? null : KZP_BUILD;

/** 'ru-KZ' -> 'ru'; 'kz' -> 'kk'; unknown -> '' */
export function kzpNormalizeLang(value) {
  const l = String(value ?? '').trim().toLowerCase().slice(0, 2);
  if (l === 'kz') return 'kk';
  return KZP_LANGS.includes(l) ? l : '';
}

// ---- loading (shared by every widget on the page with the same sources)
const kzpMatchers = new Map();

/** A start-up failure the interface can name. kind: missing | hash | no-wasm | csp | cors | network | data. */
export class KzpLoadError extends Error {
  constructor(kind, url, message) {
    super(message);
    this.kind = kind;
    this.url = url;
  }
}

// A fetch or a wasm compile refused by the page's Content-Security-Policy only says "Failed to fetch" (or
// a CompileError): the violation event is what names the cause.
const kzpViolations = [];
if (typeof document !== 'undefined') document.addEventListener('securitypolicyviolation', (e) => kzpViolations.push(e));

const kzpHashError = (url) => new KzpLoadError('hash', url, `${url}: does not match its sha384 (damaged or partly updated)`);
const kzpFileName = (url) => url.split(/[?#]/)[0].split('/').pop();

/** The sha384 the build wrote in for the default data and wasm (next to this script), else null. */
function kzpIntegrity(url) {
  const name = kzpFileName(url);
  const integrity = KZP_BUILD_INFO?.integrity?.[name];
  return integrity && url === new URL(name, KZP_SCRIPT_URL).href ? integrity : null;
}

/** Why a fetch failed, asked of the violations seen and of a second, unchecked request. */
async function kzpExplain(url, integrity, error) {
  await new Promise((r) => setTimeout(r, 0)); // the violation event is queued after the rejection
  const origin = new URL(url).origin;
  const blocked = kzpViolations.some((v) => /^connect-src/.test(v.effectiveDirective) && v.blockedURI
    && (v.blockedURI === url || v.blockedURI.startsWith(origin)));
  if (blocked) {
    return new KzpLoadError('csp', url, `${url}: blocked by the page's Content-Security-Policy (connect-src)`);
  }
  // The same URL without the hash check: if it loads, the file is there but is not the one expected.
  if (integrity) {
    try {
      const probe = await fetch(url, { cache: 'no-store' });
      if (probe.ok) return kzpHashError(url);
    } catch { /* as below */ }
  }
  if (origin !== location.origin) {
    try {
      await fetch(url, { mode: 'no-cors', cache: 'no-store' }); // answers, but not to this page: no CORS
      return new KzpLoadError('cors', url, `${url}: the server does not allow this page to load it (no CORS header)`);
    } catch { /* unreachable */ }
  }
  return new KzpLoadError('network', url, `${url}: could not be loaded (${error?.message ?? error})`);
}

async function kzpFetch(url, integrity) {
  let res;
  try {
    res = await fetch(url, integrity ? { integrity } : {});
  } catch (e) {
    throw await kzpExplain(url, integrity, e);
  }
  if (!res.ok) throw new KzpLoadError(res.status === 404 ? 'missing' : 'network', url, `${url}: HTTP ${res.status}`);
  return res;
}

const kzpSha384 = async (bytes) =>
  `sha384-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))))}`;

async function kzpFetchText(url, integrity) {
  // Hashed here where the page can (crypto.subtle): a fetch with `integrity` would not use the page's
  // preload of the same file (Chrome ignores integrity on preloads of fetches) and download it twice.
  const hashHere = Boolean(integrity && globalThis.crypto?.subtle);
  const bytes = await (await kzpFetch(url, hashHere ? null : integrity)).arrayBuffer();
  if (hashHere && (await kzpSha384(bytes)) !== integrity)
    throw kzpHashError(url);
  // Strict: invalid UTF-8 is refused rather than loaded with U+FFFD in place of the bad bytes.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new KzpLoadError('data', url, `${url}: not valid UTF-8 text`);
  }
}

/**
 * The compiled wasm module, compiled while it downloads. A fetch with `integrity` hands over the body
 * only once all of it is checked, so where the page can hash (crypto.subtle) the file is fetched
 * unchecked, compiled as it streams and hashed beside; the module is used only if the hash matches.
 */
async function kzpCompile(url) {
  const integrity = kzpIntegrity(url);
  const hashHere = Boolean(integrity && globalThis.crypto?.subtle);
  const res = await kzpFetch(url, hashHere ? null : integrity);
  const hash = hashHere ? res.clone().arrayBuffer().then(kzpSha384) : null;
  let module;
  try {
    const streaming = typeof WebAssembly.compileStreaming === 'function'
      && /^application\/wasm\b/i.test(res.headers.get('content-type') ?? '');
    module = await (streaming ? WebAssembly.compileStreaming(res)
      : res.arrayBuffer().then((b) => WebAssembly.compile(b)));
  } catch (e) {
    await new Promise((r) => setTimeout(r, 0));
    if (kzpViolations.some((v) => /^script-src/.test(v.effectiveDirective)) || /Content.Security.Policy/i.test(e?.message)) {
      throw new KzpLoadError('csp', url,
        `${url}: compiling WebAssembly is blocked by the page's Content-Security-Policy (script-src needs 'wasm-unsafe-eval')`);
    }
    if (hash && (await hash) !== integrity) throw kzpHashError(url);
    throw new KzpLoadError('data', url, `${url}: not a valid WebAssembly module (${e?.message ?? e})`);
  }
  if (hash && (await hash) !== integrity) throw kzpHashError(url);
  return module;
}

/** The matcher over this data text, instantiating the compiled module (no second download or compile). */
async function kzpBuild(text, module, url) {
  const options = {};
  if (module) {
    options.factory = (opts) => createKzprofCore({ ...opts, instantiateWasm(imports, done) {
      WebAssembly.instantiate(module, imports).then((instance) => done(instance, module));
      return {};
    } });
  }
  try {
    return await createMatcher(text, options);
  } catch (e) {
    throw new KzpLoadError('data', url, `${url}: ${e?.message ?? e}`);
  }
}

async function kzpReadData(dataSrc, integrity) {
  if (!dataSrc.startsWith('#')) return kzpFetchText(dataSrc, integrity);
  const text = document.getElementById(dataSrc.slice(1))?.textContent;
  if (!text) throw new KzpLoadError('missing', dataSrc, `${dataSrc}: no such data element`);
  return text;
}

/** The service worker's file hashes ({ url: sha384 }), asked of the worker in control; null without one. */
function kzpAskWorker() {
  const sw = globalThis.navigator?.serviceWorker;
  if (!sw?.controller) return Promise.resolve(null);
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 3000);
    ch.port1.onmessage = (e) => { clearTimeout(timer); resolve(e.data?.files ?? null); };
    sw.controller.postMessage({ kzprof: 'files?' }, [ch.port2]);
  });
}

/**
 * The data text. If the list was amended while this page was open (a new service worker took over with
 * the new file before the widget fetched it), the built-in hash no longer matches: the worker's hash for
 * the same URL, which it verified before caching, is then the one to check against.
 */
async function kzpReadDataOrUpdate(dataSrc) {
  const integrity = kzpIntegrity(dataSrc);
  try {
    return await kzpReadData(dataSrc, integrity);
  } catch (e) {
    const newer = e.kind === 'hash' ? (await kzpAskWorker())?.[dataSrc] : null;
    if (!newer || newer === integrity) throw e;
    return kzpReadData(dataSrc, newer);
  }
}

function kzpLoadMatcher(dataSrc, wasmSrc) {
  const key = `${dataSrc}\n${wasmSrc}`;
  if (!kzpMatchers.has(key)) {
    kzpMatchers.set(key, (async () => {
      if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function')
        throw new KzpLoadError('no-wasm', wasmSrc, 'WebAssembly is not available in this browser');
      // The data and the wasm are requested together (the page may have preloaded both already).
      const [text, module] = await Promise.all([kzpReadDataOrUpdate(dataSrc),
        KZP_BUILD_INFO?.singleFile ? null : kzpCompile(wasmSrc)]);
      const matcher = await kzpBuild(text, module, dataSrc);
      kzpModules.set(matcher, module);
      return matcher;
    })());
  }
  return kzpMatchers.get(key);
}

// The compiled module behind each matcher, to build a matcher over an updated list without a download.
const kzpModules = new WeakMap();
// Updated lists, by data URL and hash: every widget on the page shares one load.
const kzpUpdates = new Map();

/** A matcher over the list now at dataSrc (hash given by the service worker), on the same engine. */
function kzpLoadUpdate(dataSrc, integrity, current) {
  const key = `${dataSrc}\n${integrity}`;
  if (!kzpUpdates.has(key)) {
    const module = kzpModules.get(current) ?? null;
    kzpUpdates.set(key, kzpFetchText(dataSrc, integrity).then((text) => kzpBuild(text, module, dataSrc)));
  }
  return kzpUpdates.get(key);
}

let kzpInstances = 0;
const kzpIsObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export class KzProfessions extends HTMLElement {
  static get observedAttributes() { return ['lang']; }
  /** The interface strings, per language (the page uses them for its own title and intro). */
  static get locales() { return KZP_LOCALES; }
  /** The release version of the widget (SemVer, from package.json), e.g. KzProfessions.version. */
  static get version() { return VERSION; }
  get version() { return VERSION; }

  #root; #ui = {}; #uid; #matcher = null; #failed = null; #ready;
  #lang = 'en'; #answer = null; #active = -1; #closed = false; #chosen = null;
  #browseShown = new Map();
  #notice = ''; #onSw = (e) => this.#onWorkerFiles(e.data); #onNet = () => this.#renderNotice();
  #seq = 0; #announceTimer = 0; #built = false; #settled = true; #settleTimer = 0; #onPop = () => this.#restoreFromUrl();

  constructor() {
    super();
    this.#uid = `kzp${++kzpInstances}`;
    this.#root = this.attachShadow({ mode: 'open' });
  }

  /**
   * The `limit` attribute as a number (Number(), not parseInt: "1e9" is a billion, not 1), rounded down and
   * capped at KZP_MAX_LIMIT; anything that is not a number of at least 1 ("abc", "", "0", "-5") is the default.
   */
  get limit() {
    const v = (this.getAttribute('limit') ?? '').trim();
    const n = v === '' ? NaN : Number(v);
    return n >= 1 ? Math.min(Math.floor(n), KZP_MAX_LIMIT) : KZP_DEFAULT_LIMIT;
  }
  get urlState() { return kzpUrlPrefix(this.getAttribute('url-state')) !== null; }
  get #urlPrefix() { return kzpUrlPrefix(this.getAttribute('url-state')) ?? ''; }
  get dataSrc() {
    const v = this.getAttribute('data-src');
    if (v && v.startsWith('#')) return v;
    return new URL(v || 'professions.json', v ? document.baseURI : KZP_SCRIPT_URL).href;
  }
  get wasmSrc() {
    const v = this.getAttribute('wasm-src');
    return new URL(v || 'kzprof-core.wasm', v ? document.baseURI : KZP_SCRIPT_URL).href;
  }
  /** The interface language in use. */
  get uiLang() { return this.#lang; }
  /** The official code of the chosen profession, or null (as kzprof-change reports it). */
  get code() { return this.#chosen?.code ?? null; }
  /** The matcher once loaded (tests, host pages), else null. */
  get matcher() { return this.#matcher; }

  connectedCallback() {
    if (!this.#built) this.#build();
    const fromUrl = this.urlState ? kzpNormalizeLang(kzpReadUrl(this.#urlPrefix).lang) : '';
    this.#setLang(fromUrl || this.#inheritedLang(), { write: false });
    if (this.urlState) window.addEventListener('popstate', this.#onPop);
    navigator.serviceWorker?.addEventListener('message', this.#onSw);
    window.addEventListener('online', this.#onNet);
    window.addEventListener('offline', this.#onNet);
    window.addEventListener('pagehide', this.#flushUrl);
    document.addEventListener('visibilitychange', this.#flushUrl);
    this.#ready ??= this.#start();
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.#onPop);
    navigator.serviceWorker?.removeEventListener('message', this.#onSw);
    window.removeEventListener('online', this.#onNet);
    window.removeEventListener('offline', this.#onNet);
    window.removeEventListener('pagehide', this.#flushUrl);
    document.removeEventListener('visibilitychange', this.#flushUrl);
    clearTimeout(this.#announceTimer);
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'lang' && this.#built) {
      const l = kzpNormalizeLang(value);
      if (l && l !== this.#lang) this.#setLang(l);
    }
  }

  #inheritedLang() {
    const own = kzpNormalizeLang(this.getAttribute('lang'));
    if (own) return own;
    const holder = this.parentElement?.closest('[lang]');
    return kzpNormalizeLang(holder?.getAttribute('lang')) || kzpNormalizeLang(document.documentElement.lang) || 'en';
  }

  get #t() { return KZP_LOCALES[this.#lang]; }

  // ---- skeleton (built once)
  #build() {
    this.#built = true;
    const id = (s) => `${this.#uid}-${s}`;
    if (KZP_BUILD_INFO?.css) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(KZP_BUILD_INFO.css);
      this.#root.adoptedStyleSheets = [sheet];
    } else {
      this.#root.append(kzpEl('link', { rel: 'stylesheet', href: new URL('kzprof-widget.css', KZP_SCRIPT_URL).href }));
    }
    const ui = this.#ui;
    ui.langs = kzpEl('div', { class: 'kzp-langs', role: 'group', part: 'lang-switch' });
    for (const l of KZP_LANGS) {
      const b = kzpEl('button', { type: 'button', class: 'kzp-lang', lang: l, 'data-lang': l }, KZP_LOCALES[l].langName);
      b.addEventListener('click', () => this.#setLang(l, { focus: b }));
      ui.langs.append(b);
    }
    ui.label = kzpEl('label', { for: id('input'), class: 'kzp-label', part: 'label' });
    ui.hint = kzpEl('p', { id: id('hint'), class: 'kzp-hint' });
    ui.input = kzpEl('input', {
      id: id('input'), type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': id('listbox'), 'aria-describedby': id('hint'), autocomplete: 'off', autocapitalize: 'off',
      spellcheck: 'false', enterkeyhint: 'search', maxlength: '256', class: 'kzp-input', part: 'input',
    });
    ui.status = kzpEl('p', { class: 'kzp-state', part: 'state' });
    ui.rewrite = kzpEl('p', { class: 'kzp-rewrite', hidden: true });
    ui.notice = kzpEl('p', { class: 'kzp-notice', part: 'notice', hidden: true });
    ui.broad = kzpEl('p', { class: 'kzp-broad', part: 'broad', hidden: true });
    ui.mentioned = kzpEl('p', { class: 'kzp-mentioned', part: 'mentioned', hidden: true });
    ui.notFound = kzpEl('section', { class: 'kzp-notfound', part: 'notfound', hidden: true, 'aria-labelledby': id('nf-h') });
    ui.listbox = kzpEl('ul', { id: id('listbox'), role: 'listbox', class: 'kzp-listbox', part: 'listbox', hidden: true });
    ui.verdict = kzpEl('section', { class: 'kzp-verdict', part: 'verdict', hidden: true, 'aria-labelledby': id('v-h') });
    ui.browse = kzpEl('section', { class: 'kzp-browse', part: 'browse', hidden: true, 'aria-labelledby': id('b-h') });
    ui.live = kzpEl('div', { class: 'kzp-sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.#root.append(kzpEl('div', { class: 'kzp', part: 'root' },
      ui.langs, ui.label, ui.hint, kzpEl('div', { class: 'kzp-field' }, ui.input), ui.status, ui.notice, ui.rewrite,
      ui.broad, ui.mentioned, ui.notFound, ui.listbox, ui.verdict, ui.browse, ui.live));

    ui.input.addEventListener('input', () => this.#onInput());
    ui.input.addEventListener('keydown', (e) => this.#onKey(e));
    ui.input.addEventListener('focus', () => { if (this.#closed && ui.input.value.trim()) { this.#closed = false; this.#renderResults(); } });
    // pointerdown would blur the input before click; keep focus in the field (AC 5).
    ui.listbox.addEventListener('mousedown', (e) => e.preventDefault());
    ui.listbox.addEventListener('click', (e) => {
      const li = e.target.closest?.('[role="option"]');
      if (li) this.#choose(this.#answer.results[Number(li.dataset.index)], { via: 'listbox' });
    });
  }

  // ---- start: load the data and the core, then apply the URL state
  async #start() {
    this.#ui.status.textContent = this.#t.loading;
    try {
      this.#matcher = await kzpLoadMatcher(this.dataSrc, this.wasmSrc);
    } catch (e) {
      this.#failed = e instanceof KzpLoadError ? e : new KzpLoadError('data', this.dataSrc, String(e?.message ?? e));
      this.#ui.status.textContent = this.#failedText();
      this.#ui.status.classList.add('kzp-error');
      this.#ui.input.disabled = true;
      const { kind, url } = this.#failed;
      const message = `kzprof: the search could not start (${kind}): ${this.#failed.message}`;
      this.#fire('kzprof-error', { kind, url, message });
      return;
    }
    this.#dataIntegrity = kzpIntegrity(this.dataSrc);
    this.#renderNotice();
    this.#ui.status.textContent = '';
    this.#ui.status.hidden = true;
    try {
      if (this.urlState) this.#restoreFromUrl({ initial: true });
      else this.#render();
    } catch (e) {
      reportError(e);  // a bug in rendering must not leave the page without kzprof-ready and a working box
    }
    this.#fire('kzprof-ready', { count: this.#matcher.entries.length });
  }

  /** What failed, and what still works: the page's own official list, where there is one. */
  #failedText() {
    const { kind, url } = this.#failed;
    const file = url?.startsWith('#') ? url : kzpFileName(url ?? '');
    return this.#t.failed(kind, file, Boolean(document.querySelector('[data-kzprof-static]')));
  }

  #dataIntegrity = null;

  // ---- an amended list: the service worker says which files it now holds (issue 12, defect 3)
  async #onWorkerFiles(msg) {
    const integrity = msg?.kzprof === 'files' ? msg.files?.[this.dataSrc] : null;
    if (!integrity || !this.#matcher || integrity === this.#dataIntegrity) return;
    let next;
    try {
      next = await kzpLoadUpdate(this.dataSrc, integrity, this.#matcher);
    } catch {
      return; // the list in use stays; the next visit loads the new one from the start
    }
    if (integrity === this.#dataIntegrity) return;
    const before = this.#matcher.meta?.data_version;
    this.#dataIntegrity = integrity;
    this.#matcher = next;
    // A chosen profession that the amended list no longer has loses its verdict: never "on the list" wrongly.
    if (this.#chosen) this.#chosen = next.byCode(this.#chosen.code);
    if (this.#ui.input.value.trim()) this.#runSearch();
    this.#render();
    if (next.meta?.data_version !== before) {
      this.#notice = 'updated';
      this.#renderNotice();
      this.#announce(this.#ui.notice.textContent);
      this.#fire('kzprof-update', { as_of: next.meta?.as_of ?? null, data_version: next.meta?.data_version ?? null });
    }
  }

  /** "The list was updated …", or offline: the list in use and its as-of date. */
  #renderNotice() {
    const ui = this.#ui, t = this.#t, asOf = kzpDate(this.#matcher?.meta?.as_of ?? '');
    if (!ui.notice) return;
    const offline = this.#matcher && navigator.onLine === false;
    const text = !this.#matcher ? '' : this.#notice === 'updated' ? t.updated(asOf) : offline ? t.offline(asOf) : '';
    ui.notice.textContent = text;
    ui.notice.hidden = !text;
  }

  #urlPending = false;
  #flushUrl = () => { if (this.#urlPending) this.#writeUrl(false); };

  #settle() {
    clearTimeout(this.#settleTimer);
    this.#flushUrl();
    if (this.#settled) return;
    this.#settled = true;
    if (this.#answer && !this.#chosen) this.#render();
  }

  #restoreFromUrl({ initial = false } = {}) {
    if (!this.#matcher) return;
    this.#settled = true;
    const s = kzpReadUrl(this.#urlPrefix);
    const l = kzpNormalizeLang(s.lang);
    if (l && l !== this.#lang) this.#setLang(l, { write: false });
    // Keep what the person typed while the core was loading, unless the URL says otherwise.
    const typedWhileLoading = initial && !s.q && !s.code && this.#ui.input.value;
    if (!typedWhileLoading) this.#ui.input.value = s.q.slice(0, 256);
    this.#chosen = s.code ? this.#matcher.byCode(s.code) : null;
    this.#runSearch();
    // A shared or reloaded link shows what its sender saw: the results of its query, open.
    this.#closed = Boolean(this.#chosen);
    this.#render();
    this.#fire('kzprof-change', { query: this.#ui.input.value, code: this.#chosen?.code ?? null });
  }

  // ---- typing (AC 3, 8)
  async #onInput() {
    const seq = ++this.#seq;
    try { await this.#ready; } catch { return; }
    if (seq !== this.#seq || !this.#matcher) return; // a newer keystroke owns the answer
    this.#chosen = null;
    this.#closed = false;
    this.#runSearch();
    // While the person is still typing, a near match is not yet "not found" (the last word may be
    // half-typed): the not-found state appears once typing pauses, with its announcement (AC 14, 17).
    this.#settled = false;
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => this.#settle(), KZP_ANNOUNCE_DELAY_MS);
    this.#render();
    this.#announceResults();
    // The URL follows once typing pauses: history.replaceState on every keystroke cost about half of the
    // keystroke's script time on a slow phone. A page hidden meanwhile (tab switch, discard) flushes it.
    this.#urlPending = true;
    this.#fire('kzprof-change', { query: this.#ui.input.value, code: null });
  }

  #runSearch() {
    const q = this.#ui.input.value;
    let a = q.trim() ? this.#matcher.search(q, { limit: this.limit }) : null;
    // A broad word ("врач", "developer"): every listed profession carrying it is a candidate, and the
    // person must see them all to choose theirs, so the limit does not cut them off.
    if (a?.verdict === 'broad' && a.results.length >= this.limit) {
      a = this.#matcher.search(q, { limit: this.#matcher.entries.length });
    }
    this.#answer = a;
    this.#active = -1;
  }

  get #isOpen() {
    return Boolean(!this.#chosen && !this.#closed && this.#answer && this.#answer.results.length);
  }

  // ---- keyboard (AC 4, 5, 7)
  #onKey(e) {
    const n = this.#answer?.results.length ?? 0;
    switch (e.key) {
      case 'ArrowDown':
        if (!n || this.#chosen) return;
        e.preventDefault();
        if (this.#closed) { this.#closed = false; this.#renderResults(); }
        this.#setActive(Math.min(this.#active + 1, n - 1));
        break;
      case 'ArrowUp':
        if (!this.#isOpen) return;
        e.preventDefault();
        this.#setActive(this.#active - 1);
        break;
      case 'Home': case 'End':
        if (!this.#isOpen || this.#active < 0) return; // otherwise the caret moves, as in any field
        e.preventDefault();
        this.#setActive(e.key === 'Home' ? 0 : n - 1);
        break;
      case 'Enter':
        // Enter chooses what the person chose: the highlighted option, or the only listed one. With several
        // listed (a code prefix such as "2512") it never guesses; typing counts as paused instead.
        if (!this.#answer) break;
        e.preventDefault();
        if (this.#isOpen && this.#active >= 0) this.#choose(this.#answer.results[this.#active], { via: 'listbox' });
        else if (this.#isOpen && this.#answer.verdict === 'listed' && n === 1) this.#choose(this.#answer.results[0], { via: 'listbox' });
        else this.#settle();
        break;
      case 'Escape':
        if (this.#isOpen) { e.preventDefault(); this.#closed = true; this.#active = -1; this.#renderResults(); }
        else if (this.#ui.input.value) { e.preventDefault(); this.#ui.input.value = ''; this.#onInput(); }
        break;
      default:
    }
  }

  #setActive(i) {
    const opts = this.#ui.listbox.querySelectorAll('[role="option"]');
    this.#active = i < 0 ? -1 : Math.min(i, opts.length - 1);
    opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === this.#active)));
    if (this.#active >= 0) {
      this.#ui.input.setAttribute('aria-activedescendant', opts[this.#active].id);
      opts[this.#active].scrollIntoView({ block: 'nearest' });
    } else {
      this.#ui.input.removeAttribute('aria-activedescendant');
    }
  }

  // ---- choosing (AC 13)
  #choose(entry, { via }) {
    if (!entry) return;
    this.#flushUrl(); // the search as typed stays the entry that Back returns to
    this.#chosen = this.#matcher.byCode(entry.code) ?? entry;
    this.#ui.input.value = this.#displayName(this.#chosen);
    this.#seq++; // any pending answer is now stale
    this.#closed = true;
    this.#runSearch();
    this.#render();
    this.#writeUrl(true);
    this.#announce(this.#t.chosenAnnounce(this.#displayName(this.#chosen)));
    if (via === 'browse') this.#ui.verdict.querySelector('h2')?.focus();
    this.#fire('kzprof-change', { query: this.#ui.input.value, code: this.#chosen.code });
  }

  /** The name a reader of this interface reads first: English (unofficial) in the English interface. */
  #displayName(e) {
    if (this.#lang === 'en' && e.en) return e.en;
    return this.#lang === 'kk' ? e.kk : e.ru;
  }

  #newSearch() {
    this.#flushUrl();
    this.#chosen = null;
    this.#ui.input.value = '';
    this.#seq++;
    this.#runSearch();
    this.#render();
    this.#writeUrl(true);
    this.#ui.input.focus();
    this.#fire('kzprof-change', { query: '', code: null });
  }

  // ---- language (AC 19)
  #setLang(l, { write = true, focus = null } = {}) {
    const lang = kzpNormalizeLang(l) || 'en';
    const changed = lang !== this.#lang || this.getAttribute('lang') !== lang;
    this.#lang = lang;
    if (this.getAttribute('lang') !== lang) this.setAttribute('lang', lang);
    this.#renderTexts();
    if (this.#matcher) this.#render();
    if (write) this.#writeUrl(false);
    focus?.focus();
    if (changed) this.#fire('kzprof-langchange', { lang });
  }

  #writeUrl(push) {
    this.#urlPending = false;
    if (!this.urlState || !this.#matcher) return;
    const q = this.#ui.input.value.trim() ? this.#ui.input.value : '';
    kzpWriteUrl({ q, code: this.#chosen?.code ?? '', lang: this.#lang }, { push, prefix: this.#urlPrefix });
  }

  #fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- announcements (AC 17)
  #announce(text) {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => { this.#ui.live.textContent = text; }, KZP_ANNOUNCE_DELAY_MS);
  }

  #announceResults() {
    const a = this.#answer;
    if (!a) { this.#announce(''); return; }
    const n = a.results.length;
    const t = this.#t;
    this.#announce(a.verdict === 'suggestions' || a.verdict === 'none' ? t.notFoundAnnounce(n)
      : a.verdict === 'broad' ? t.broad(n) : a.verdict === 'mentioned' ? this.#mentionedText() : t.resultsAvailable(n));
  }

  // ---- rendering
  #renderTexts() {
    const t = this.#t, ui = this.#ui;
    ui.langs.setAttribute('aria-label', t.languageSwitch);
    for (const b of ui.langs.children) b.setAttribute('aria-pressed', String(b.dataset.lang === this.#lang));
    ui.label.textContent = t.label;
    ui.hint.textContent = t.hint;
    if (this.#failed) ui.status.textContent = this.#failedText();
    else if (!this.#matcher) ui.status.textContent = t.loading;
    this.#renderNotice();
  }

  #render() {
    if (!this.#matcher) return;
    const hasQuery = Boolean(this.#answer);
    this.#renderResults();
    this.#renderVerdict();
    // Nothing listed and nothing similar: the whole list follows, as the not-found text says.
    const a = this.#answer;
    const nothing = hasQuery && !this.#chosen && this.#settled && a.verdict === 'none' && !a.results.length;
    this.#ui.browse.hidden = Boolean(this.#chosen) || (hasQuery && !nothing);
    if (!this.#ui.browse.hidden) this.#renderBrowse();
  }

  /** The display label of a group in the interface language, or null (own keys only: ids come from data). */
  #groupLabel(id) {
    const labels = this.#t.groupLabels;
    return Object.hasOwn(labels, id) ? labels[id] : null;
  }

  #groupName(id, lang = this.#lang) {
    const g = this.#matcher.groups().find((x) => x.id === id);
    if (!g) return '';
    return lang === 'en' ? g.en : g[lang].join('; ');
  }

  #renderResults() {
    const t = this.#t, ui = this.#ui, a = this.#answer;
    const id = (s) => `${this.#uid}-${s}`;
    const open = this.#isOpen;
    // Not found only once typing pauses: between keystrokes the last word may be half-typed ("vrac" on
    // the way to "vrach"), and a not-found box that flashes on and off misleads (AC 14).
    const notListed = Boolean(a && !this.#chosen && this.#settled
      && (a.verdict === 'none' || a.verdict === 'suggestions'));
    const broad = Boolean(a && !this.#chosen && a.verdict === 'broad' && a.results.length);

    // A broad word: neither "on the list" nor "not found", the person chooses among the listed ones.
    ui.broad.hidden = !broad;
    ui.broad.textContent = broad ? t.broad(a.results.length) : '';
    // A listed profession named in full among words the search could not read: neither "on the list" (what
    // the other words say about the person is unknown) nor "not found" (the name is there).
    const mentioned = Boolean(a && !this.#chosen && a.verdict === 'mentioned');
    ui.mentioned.hidden = !mentioned;
    ui.mentioned.textContent = mentioned ? this.#mentionedText() : '';

    // How the query was read (AC 12), in the interface language: a reader of the English interface who typed
    // "vrach" learns why the results are for «врач» (issue 12, defect 8).
    ui.rewrite.hidden = !(a && a.rewrite && a.rewrite.text && !this.#chosen);
    kzpClear(ui.rewrite);
    if (!ui.rewrite.hidden) {
      const r = t.rewrite;  // by kind of reading; a plain string (a host's own text) serves every kind
      const lead = typeof r === 'string' ? r : (Object.hasOwn(r, a.rewrite.kind) ? r[a.rewrite.kind] : r.other);
      kzpAppend(ui.rewrite, [`${lead} «`, kzpEl('strong', {}, a.rewrite.text), '»']);
    }

    // Not found: explicitly not a verdict (AC 14)
    ui.notFound.hidden = !notListed;
    kzpClear(ui.notFound);
    if (notListed) {
      kzpAppend(ui.notFound, [
        kzpEl('h2', { id: id('nf-h'), class: 'kzp-nf-title' }, t.notFound),
        kzpEl('p', {}, t.notFoundLead),
        kzpEl('p', { class: 'kzp-nf-sub' }, a.results.length ? t.suggestionsHeading : t.noSuggestions),
      ]);
    }

    kzpClear(ui.listbox);
    ui.listbox.setAttribute('aria-label', notListed ? t.suggestionsLabel : t.listboxLabel);
    ui.listbox.classList.toggle('kzp-suggestions', notListed);
    if (open) {
      a.results.forEach((r, i) => ui.listbox.append(this.#option(r, i)));
    }
    ui.listbox.hidden = !open;
    ui.input.setAttribute('aria-expanded', String(open));
    if (!open) this.#active = -1;
    this.#setActive(this.#active);
  }

  /** The 'mentioned' note, naming the profession found in the text (first result) in the interface language. */
  #mentionedText() {
    const r = this.#answer.results[0];
    return this.#t.mentioned(this.#lang === 'en' && r.en ? r.en : r[this.#lang === 'kk' ? 'kk' : 'ru']);
  }

  #names(r, hl) {
    const official = this.#lang === 'kk' ? ['kk', 'ru'] : ['ru', 'kk'];
    const en = r.en ? kzpEl('span', { class: 'kzp-name kzp-en' },
      kzpEl('span', { lang: 'en' }, kzpHighlighted(r.en, hl?.en)), ' ',
      kzpEl('span', { class: 'kzp-unofficial' }, `(${this.#t.unofficial})`)) : null;
    // The English interface is for people who may read neither official language: the English name
    // leads (marked unofficial), both official names follow.
    const lead = this.#lang === 'en' && en;
    if (lead) en.classList.add('kzp-primary');
    const names = official.map((l, i) => kzpEl('span', {
      class: `kzp-name ${i === 0 && !lead ? 'kzp-primary' : 'kzp-secondary'}`, lang: l,
    }, kzpHighlighted(r[l], hl?.[l])));
    return lead ? [en, ...names] : [...names, en];
  }

  #option(r, i) {
    const li = kzpEl('li', {
      id: `${this.#uid}-opt-${i}`, role: 'option', 'aria-selected': 'false', class: 'kzp-option',
      part: 'option', 'data-index': i, 'data-code': r.code,
    }, this.#names(r, r.highlights));
    if (r.alias && r.alias.text) {
      li.append(kzpEl('span', { class: 'kzp-alias' }, `${this.#t.alsoKnownAs}: `,
        kzpEl('span', { lang: r.alias.lang || null }, kzpHighlighted(r.alias.text, r.alias.highlights))));
    }
    // A code match has no name highlights: mark the code itself. The group by its display label, as in the
    // browse list ("Здравоохранения" alone is a genitive); the verdict box gives the order's heading verbatim.
    const code = r.match === 'code' ? kzpHighlighted(r.code, [[0, r.code.length]]) : r.code;
    li.append(kzpEl('span', { class: 'kzp-meta' }, kzpEl('span', { class: 'kzp-code' }, code), ' · ',
      this.#groupLabel(r.group) ?? this.#groupName(r.group)));
    return li;
  }

  #renderVerdict() {
    const t = this.#t, ui = this.#ui, e = this.#chosen;
    const id = (s) => `${this.#uid}-${s}`;
    kzpClear(ui.verdict);
    ui.verdict.hidden = !e;
    if (!e) return;
    // The loaders check meta (kzprof.mjs checkMeta), but a host page can hand over or alter a matcher:
    // show what there is, never throw from here (a throw left an empty verdict box, and with ?code= no event).
    const meta = kzpIsObject(this.#matcher.meta) ? this.#matcher.meta : {};
    let legal = null;
    try { legal = t.legalText(meta); } catch { /* a part of meta is missing: the row is left out */ }
    if (legal && /\bundefined\b/.test(legal)) legal = null;
    const srcLang = t.officialTextLang;
    const srcAny = kzpIsObject(meta.source_urls) ? meta.source_urls[srcLang] ?? meta.source_urls.ru : null;
    const src = /^https?:\/\//i.test(String(srcAny ?? '')) ? srcAny : null; // never javascript: from data
    const row = (label, ...value) => [kzpEl('dt', {}, label), kzpEl('dd', {}, ...value)];
    const groupBoth = this.#lang === 'en'
      ? [kzpEl('span', { lang: 'en' }, this.#groupName(e.group, 'en')), ` (${t.unofficial}) — `, kzpEl('span', { lang: 'ru' }, this.#groupName(e.group, 'ru'))]
      : [kzpEl('span', { lang: 'kk' }, this.#groupName(e.group, 'kk')), ' / ', kzpEl('span', { lang: 'ru' }, this.#groupName(e.group, 'ru'))];
    const printBtn = kzpEl('button', { type: 'button', class: 'kzp-button', part: 'button' }, t.print);
    printBtn.addEventListener('click', () => window.print());
    const againBtn = kzpEl('button', { type: 'button', class: 'kzp-button kzp-secondary-button', part: 'button' }, t.newSearch);
    againBtn.addEventListener('click', () => this.#newSearch());
    kzpAppend(ui.verdict, [
      kzpEl('h2', { id: id('v-h'), class: 'kzp-v-title', tabindex: '-1' }, kzpEl('span', { class: 'kzp-check', 'aria-hidden': 'true' }, '✓'), ' ', t.verdictListed),
      kzpEl('p', { class: 'kzp-v-lead' }, t.verdictLead),
      kzpEl('dl', { class: 'kzp-facts' },
        row(t.kkName, kzpEl('span', { lang: 'kk', class: 'kzp-v-name' }, e.kk)),
        row(t.ruName, kzpEl('span', { lang: 'ru', class: 'kzp-v-name' }, e.ru)),
        e.en ? row(t.enName, kzpEl('span', { lang: 'en' }, e.en), ` (${t.unofficial})`) : null,
        row(t.code, kzpEl('span', { class: 'kzp-code' }, e.code)),
        row(t.position, String(e.position)),
        row(t.group, groupBoth),
        legal ? row(t.legalBasis, legal) : null,
        typeof meta.as_of === 'string' ? row(t.asOf, t.asOfValue(kzpDate(meta.as_of))) : null,
      ),
      src ? kzpEl('p', { class: 'kzp-source' }, kzpEl('a', { href: src, lang: srcLang === this.#lang ? null : srcLang, rel: 'noopener', part: 'link' }, t.officialText)) : null,
      kzpEl('p', { class: 'kzp-disclaimer' }, t.disclaimer),
      kzpEl('div', { class: 'kzp-actions' }, printBtn, againBtn),
    ]);
  }

  // Bounded (issue 14.8): a group's entries are rendered only while it is open, at most KZP_BROWSE_PAGE at
  // a time with a "show more" button, so a list of 100,000 entries never puts 100,000 buttons in the page.
  #renderBrowse() {
    const t = this.#t, ui = this.#ui, m = this.#matcher;
    const id = (s) => `${this.#uid}-${s}`;
    const openIds = new Set([...ui.browse.querySelectorAll('details[open]')].map((d) => d.dataset.group));
    kzpClear(ui.browse);
    ui.browse.append(kzpEl('h2', { id: id('b-h'), class: 'kzp-b-title' }, t.browseHeading),
      kzpEl('p', { class: 'kzp-b-lead' }, t.browseLead(m.entries.length)));
    for (const g of m.groups()) {
      const list = kzpEl('ul', { class: 'kzp-b-list' });
      // The order's headings are verbatim and some read oddly alone ("Здравоохранения" is a genitive):
      // a display label leads, the verbatim heading stays beside it. English ones are all translations,
      // which the lead above says once.
      const verbatim = this.#groupName(g.id);
      const label = this.#groupLabel(g.id);
      const summary = kzpEl('summary', { class: 'kzp-b-summary', part: 'group' },
        kzpEl('span', { class: 'kzp-b-group', lang: this.#lang }, label ?? verbatim),
        ' ', kzpEl('span', { class: 'kzp-count' }, `— ${t.count(g.count)}`),
        label && label !== verbatim ? kzpEl('span', { class: 'kzp-b-verbatim' }, `${t.verbatimHeading}: «`,
          kzpEl('span', { lang: this.#lang }, verbatim), '»') : null);
      const box = kzpEl('details', { class: 'kzp-b-group-box', 'data-group': g.id, open: openIds.has(g.id) },
        summary, list);
      // A group's professions are built when it is opened (a first visit on a slow phone builds five
      // summaries), at most KZP_BROWSE_PAGE at a time.
      const fill = () => {
        if (!box.open || list.firstChild) return;
        const shown = Math.min(g.codes.length, this.#browseShown.get(g.id) ?? KZP_BROWSE_PAGE);
        this.#browsePage(box, list, g.codes, 0, shown);
      };
      box.addEventListener('toggle', fill);
      fill();
      ui.browse.append(box);
    }
  }

  /** Renders entries [from, to) of one group's codes, then a "show more" button if any are left. */
  #browsePage(box, list, codes, from, to) {
    const m = this.#matcher, t = this.#t;
    box.querySelector('.kzp-b-more')?.remove();
    let first = null;
    for (let i = from; i < to; i++) {
      const e = m.byCode(codes[i]);
      const b = kzpEl('button', { type: 'button', class: 'kzp-b-item', 'data-code': e.code }, this.#names(e, null),
        kzpEl('span', { class: 'kzp-meta' }, kzpEl('span', { class: 'kzp-code' }, e.code)));
      b.addEventListener('click', () => this.#choose(e, { via: 'browse' }));
      list.append(kzpEl('li', {}, b));
      first ??= b;
    }
    this.#browseShown.set(box.dataset.group, to);
    if (to < codes.length) {
      const more = kzpEl('button',
        { type: 'button', class: 'kzp-button kzp-secondary-button kzp-b-more', part: 'button' },
        t.showMore(Math.min(KZP_BROWSE_PAGE, codes.length - to), codes.length - to));
      more.addEventListener('click', () => {
        const next = this.#browsePage(box, list, codes, to, Math.min(codes.length, to + KZP_BROWSE_PAGE));
        next?.focus();  // keyboard users continue where the new entries start
      });
      box.append(more);
    }
    return first;
  }
}

if (!customElements.get('kz-professions')) customElements.define('kz-professions', KzProfessions);
