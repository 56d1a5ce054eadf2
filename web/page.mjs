// The page around the widget: page title and intro follow the widget's language, the static official
// list (rendered into the HTML for readers without JavaScript) folds away once the search works, and
// a service worker keeps every file for offline use after the first visit.
const html = document.documentElement;
const widget = document.querySelector('kz-professions');
const listBox = document.querySelector('.list-box');

function applyLanguage(lang) {
  const Widget = customElements.get('kz-professions');
  const t = Widget?.locales?.[lang]?.page;
  if (!t) return;
  html.lang = lang;
  document.title = t.title;
  for (const el of document.querySelectorAll('[data-page-text]')) {
    const text = t[el.dataset.pageText];
    if (!text) continue;
    el.textContent = text;
    if (el.hasAttribute('lang')) el.lang = lang;
  }
}

if (widget) {
  widget.addEventListener('kzprof-langchange', (e) => applyLanguage(e.detail.lang));
  widget.addEventListener('kzprof-ready', () => {
    if (listBox) listBox.open = false;
    // The widget has its own language switch; the page's links are for readers without JavaScript.
    document.querySelector('.page-langs')?.setAttribute('hidden', '');
  });
  widget.addEventListener('kzprof-change', (e) => html.toggleAttribute('data-verdict', Boolean(e.detail.code)));
  customElements.whenDefined('kz-professions').then(() => applyLanguage(widget.uiLang));
}

// The worker is registered once the search has started (or failed), so that filling its cache never
// competes with the page's own requests on a slow link (issue 12, defect 4).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const register = () => navigator.serviceWorker.register('sw.js').catch(() => { /* offline support is optional */ });
  if (widget) {
    let done = false;
    const once = () => { if (!done) { done = true; register(); } };
    widget.addEventListener('kzprof-ready', once);
    widget.addEventListener('kzprof-error', once);
  } else {
    register();
  }
}
