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

// page.mjs may run after the widget has already started (it is a second module script that can arrive
// later): what was missed is caught up on here, not only from the events.
const started = () => Boolean(widget?.matcher || widget?.shadowRoot?.querySelector('.kzp-error'));

if (widget) {
  widget.addEventListener('kzprof-langchange', (e) => applyLanguage(e.detail.lang));
  const ready = () => {
    if (listBox) listBox.open = false;
    // The widget has its own language switch; the page's links are for readers without JavaScript.
    document.querySelector('.page-langs')?.setAttribute('hidden', '');
  };
  if (widget.matcher) ready();
  else widget.addEventListener('kzprof-ready', ready);
  // The list starts folded (see page-nojs.css); without a working search it is the page's content.
  const failed = () => { if (listBox) listBox.open = true; };
  if (widget.shadowRoot?.querySelector('.kzp-error')) failed();
  else widget.addEventListener('kzprof-error', failed);
  widget.addEventListener('kzprof-change', (e) => html.toggleAttribute('data-verdict', Boolean(e.detail.code)));
  if (widget.code) html.setAttribute('data-verdict', ''); // a shared ?code= link chosen before this ran
  customElements.whenDefined('kz-professions').then(() => applyLanguage(widget.uiLang));
}

// The worker is registered once the search has started (or failed), so that filling its cache never
// competes with the page's own requests on a slow link (issue 12, defect 4).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  let done = false;
  const onStarted = () => {
    if (done) return;
    done = true;
    navigator.serviceWorker.register('sw.js').catch(() => { /* offline support is optional */ });
  };
  if (!widget || started()) onStarted();
  else {
    widget.addEventListener('kzprof-ready', onStarted);
    widget.addEventListener('kzprof-error', onStarted);
  }
}
