// The reference page of first-visit.mjs: a text box, this script and a service worker, nothing else. Under the
// same profile as the widget's page, its figures are the floor of the measurement itself (navigation, a first
// layout, the browser's own work for a typed character and one frame), which no search widget can go below.
document.dispatchEvent(new CustomEvent('kzprof-ready'));
if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js');
