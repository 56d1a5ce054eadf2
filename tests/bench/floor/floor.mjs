// The reference page of first-visit.mjs: a text box, this script and a service worker, nothing else. Under the
// same profile as the widget's page, its figures are the floor of the measurement itself (navigation, a first
// layout, the browser's own work for a typed character and one frame), which no search widget can go below.
//
// With ?list, every keystroke also replaces a list of 8 one-line items of plain text (no search, no markup in an
// item): the floor of any page that paints a new list of results per keystroke, however it finds them.
const LINES = ['врач-онколог', 'инженер-программист', 'бухгалтер-аналитик', 'специалист по защите информации',
  'дизайнер-график', 'разработчик программного обеспечения', 'инженер-электроник', 'врач-кардиолог'];
if (new URLSearchParams(location.search).has('list')) {
  const box = document.getElementById('q');
  const list = document.createElement('ul');
  box.after(list);
  box.addEventListener('input', () => {
    list.replaceChildren(...LINES.map((line) => {
      const li = document.createElement('li');
      li.textContent = `${box.value} — ${line}`;  // new text every keystroke, as a result list has
      return li;
    }));
  });
}
document.dispatchEvent(new CustomEvent('kzprof-ready'));
if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js');
