// The widget's state in the page URL (query string), so that a result can be shared and the back
// button works: ?q=<query>&code=<chosen code>&lang=<kk|ru|en>. pushState when a profession is chosen
// (a new history entry), replaceState while typing (no entry per keystroke).

export const KZP_URL_KEYS = Object.freeze({ q: 'q', code: 'code', lang: 'lang' });

/** { q, code, lang } from a URL (missing values are ''). */
export function kzpReadUrl(href = location.href) {
  const p = new URL(href).searchParams;
  return { q: p.get(KZP_URL_KEYS.q) ?? '', code: p.get(KZP_URL_KEYS.code) ?? '', lang: p.get(KZP_URL_KEYS.lang) ?? '' };
}

/** The URL with this state; other parameters and the hash of the host page are kept. */
export function kzpStateUrl(state, href = location.href) {
  const url = new URL(href);
  for (const [key, name] of Object.entries(KZP_URL_KEYS)) {
    const v = state[key];
    if (v) url.searchParams.set(name, v);
    else url.searchParams.delete(name);
  }
  return url.href;
}

/** Writes the state to the address bar; push = new history entry. No-op when nothing changed. */
export function kzpWriteUrl(state, { push = false } = {}) {
  const next = kzpStateUrl(state);
  if (next === location.href) return;
  try {
    if (push) history.pushState({ kzprof: true }, '', next);
    else history.replaceState(history.state, '', next);
  } catch {
    // Sandboxed documents (about:srcdoc, some file:// setups) refuse history changes; state is optional.
  }
}
