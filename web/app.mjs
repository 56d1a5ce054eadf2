// Page bootstrap (temporary until the widget lands): loads the core and shows a plain search.
import { createMatcher } from './kzprof.mjs';

const status = document.getElementById('status');
try {
  const data = await (await fetch('professions.json')).text();
  const m = await createMatcher(data);
  status.textContent = `Search ready: ${m.entries.length} professions loaded.`;
  window.__kzprof = m;
} catch (e) {
  status.textContent = `The search could not start (${e.message}); the full list below still applies.`;
}
