// The widget's state in the page URL (query string), so that a result can be shared and the back
// button works: ?q=<query>&code=<chosen code>&lang=<kk|ru|en>. pushState when a profession is chosen
// (a new history entry), replaceState while typing (no entry per keystroke).
// Off unless the element asks for it (url-state="on" or url-state="<name>"): an embed must not rewrite
// its host page's URL. A name prefixes the keys (url-state="prof" -> ?prof-q=…&prof-code=…&prof-lang=…),
// so that two widgets on one page keep separate state.

/** 'on' -> '' (keys q, code, lang); 'prof' -> 'prof-'; 'off', absent or not a plain name -> null (off). */
export function kzpUrlPrefix(attr) {
  if (attr === null || attr === undefined) return null;
  const v = String(attr).trim();
  if (v === 'on' || v === 'true') return '';
  return /^[a-z][a-z0-9_]{0,23}$/i.test(v) && v !== 'off' && v !== 'false' ? `${v}-` : null;
}

const KEYS = ['q', 'code', 'lang'];

/** { q, code, lang } from a URL (missing values are ''). */
export function kzpReadUrl(prefix = '', href = location.href) {
  const p = new URL(href).searchParams;
  return Object.fromEntries(KEYS.map((k) => [k, p.get(prefix + k) ?? '']));
}

/** The URL with this state; other parameters and the hash of the host page are kept. */
export function kzpStateUrl(state, prefix = '', href = location.href) {
  const url = new URL(href);
  for (const key of KEYS) {
    const v = state[key];
    if (v) url.searchParams.set(prefix + key, v);
    else url.searchParams.delete(prefix + key);
  }
  return url.href;
}

/** Writes the state to the address bar; push = new history entry. No-op when nothing changed. */
export function kzpWriteUrl(state, { push = false, prefix = '' } = {}) {
  const next = kzpStateUrl(state, prefix);
  if (next === location.href) return;
  try {
    if (push) history.pushState({ kzprof: true }, '', next);
    else history.replaceState(history.state, '', next);
  } catch {
    // Sandboxed documents (about:srcdoc, some file:// setups) refuse history changes; state is optional.
  }
}
