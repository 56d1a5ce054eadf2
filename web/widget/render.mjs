// DOM helpers for <kz-professions>. Everything is built from elements and text nodes: data and query
// text never go through innerHTML, so a name like "<img onerror=…>" is shown as those characters.

/**
 * kzpEl('li', { id: 'x', role: 'option', lang: 'kk', class: 'a b' }, 'text', childNode, …)
 * Attributes are set with setAttribute (never 'style': the CSP allows no inline styles);
 * null/undefined/false skip the attribute, true sets it empty. Strings become text nodes.
 */
export function kzpEl(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'style') throw new Error('kzprof: inline styles are not allowed under the CSP');
    el.setAttribute(name, value === true ? '' : String(value));
  }
  kzpAppend(el, children);
  return el;
}

/** Appends strings (as text nodes), nodes and nested arrays; skips null/false. */
export function kzpAppend(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    parent.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return parent;
}

/** Removes every child. */
export function kzpClear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/**
 * Normalizes highlight ranges ([[start, end)] in UTF-16 units) against a string: drops malformed
 * ones, clamps to the string, sorts and merges overlaps.
 */
export function kzpRanges(text, ranges) {
  const len = String(text ?? '').length;
  const ok = (Array.isArray(ranges) ? ranges : [])
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([s, e]) => [Math.max(0, Math.min(len, s)), Math.max(0, Math.min(len, e))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of ok) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** A fragment of text nodes with the matched ranges wrapped in <mark part="mark">. */
export function kzpHighlighted(text, ranges) {
  const s = String(text ?? '');
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of kzpRanges(s, ranges)) {
    if (start > at) frag.append(document.createTextNode(s.slice(at, start)));
    frag.append(kzpEl('mark', { part: 'mark' }, s.slice(start, end)));
    at = end;
  }
  if (at < s.length) frag.append(document.createTextNode(s.slice(at)));
  return frag;
}
