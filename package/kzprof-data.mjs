#!/usr/bin/env node
// kzprof-data: put a new professions.json in place without the build toolchain (Node 20 only).
//
//   kzprof-data validate NEW.json [--sources DIR]      check a data file; nothing is written
//   kzprof-data update NEW.json SITE_DIR [--sources DIR]
//                                                      validate, then install it into SITE_DIR (the folder
//                                                      holding kzprof-widget.mjs) and rewrite the hash lock
//   kzprof-data check SITE_DIR [--sources DIR]         do the files of SITE_DIR agree with each other?
//
// Why: kzprof-widget.mjs loads only the professions.json and kzprof-core.wasm whose sha384 is built
// into it (a tampered or half-uploaded copy is refused), and a page's <script integrity> pins the
// widget itself. Replacing professions.json alone therefore breaks the widget; `update` rewrites the
// built-in hash, every copy of the old hashes in the folder (embed-snippet.html, pages, sw.js), the
// service worker's cache version, and the .gz/.br copies.
//
// Validation is what the build does natively (wasm/cli/validate_data.cpp): the schema and values by
// the same core the widget runs (createMatcher), then every code, name and group heading against the
// official texts (--sources: order49-kk.txt and order49-ru.txt; default: the texts in this package).
// When the list is amended by a new order, pass the new official texts with --sources.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { createMatcher } from './kzprof.mjs';
import { compressFile, COMPRESSIBLE } from './precompress.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const SRI = 'sha384-[A-Za-z0-9+/]+=*';

// ---- the official texts (a port of wasm/core/source_check.cpp; messages are the same)
/** Whitespace the comparison ignores: the characters of text::is_space in wasm/core/text.cpp. */
const SPACE = '[ \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';
const stripWhitespace = (s) => s.replace(new RegExp(SPACE, 'g'), '');
/** Every run of whitespace one space, none at either end. */
const collapseWhitespace = (s) => s.replace(new RegExp(`${SPACE}+`, 'g'), ' ').trim();
/** Classifier codes "####-#-###" or "####-#", not glued to other digits or hyphens. */
const CODE = /(?<![0-9-])(?:[0-9]{4}-[0-9]-[0-9]{3}|[0-9]{4}-[0-9])(?![0-9-])/g;
const SOURCES = [
  // layoutReliable: the table as published (headings over rows, spaces between words); the Russian text is a
  // PDF that splits words at line ends.
  { lang: 'kk', file: 'order49-kk.txt', marker: '\n2-қосымша\n', name: 'Kazakh', layoutReliable: true },
  { lang: 'ru', file: 'order49-ru.txt', marker: 'Приложение 2', name: 'Russian', layoutReliable: false },
];

export function checkAgainstSource(doc, text, { lang, marker, name, layoutReliable }) {
  const errors = [];
  const where = `the official ${name} text (Annex 2)`;
  const start = text.indexOf(marker);
  if (start < 0) return [`${lang} source: Annex 2 heading '${marker}' not found`];
  const annex = stripWhitespace(text.slice(start));
  const annexWords = layoutReliable ? collapseWhitespace(text.slice(start)) : '';
  const codes = [...annex.matchAll(CODE)].map((m) => [m[0], m.index]);
  const at = new Map();
  for (const [code, off] of codes) at.set(code, [...(at.get(code) ?? []), off]);
  const byCode = new Set(doc.professions.map((p) => p.code));
  for (const [code, offs] of [...at].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!byCode.has(code)) errors.push(`${code}: in ${where} but missing from data`);
    if (offs.length > 1) errors.push(`${code}: appears ${offs.length} times in ${where}`);
  }
  const headings = [];
  const headingAt = [];  // [offset, group id]
  for (const g of doc.groups) {
    for (const h of g[lang]) {
      const needle = stripWhitespace(h);
      let pos = needle ? annex.indexOf(needle) : -1;
      if (pos < 0) errors.push(`group '${g.id}': field '${lang}': heading '${h}' not found in ${where}`);
      for (; pos >= 0; pos = annex.indexOf(needle, pos + 1)) headingAt.push([pos, g.id]);
      if (needle) headings.push(needle);
    }
  }
  let previous = null;  // [code, offset]: entries follow the order's rows
  for (const p of doc.professions) {
    if (p[lang] !== collapseWhitespace(p[lang]))
      errors.push(`${p.code}: field '${lang}': name '${p[lang]}' has spaces at an end or two in a row`);
    const offs = at.get(p.code);
    if (!offs) {
      errors.push(`${p.code}: field 'code': not found in ${where} (an entry the order does not contain)`);
      continue;
    }
    if (previous && offs[0] < previous[1])
      errors.push(`${p.code}: field 'position': after ${previous[0]} in data, before it in ${where}`);
    previous = [p.code, offs[0]];
    // The row's name lies between its code and the next code; headings printed inside the row are
    // removed first, so a truncated or extended name fails as surely as a misspelt one.
    const from = offs[0] + p.code.length;
    const next = codes.find(([, off]) => off > from);
    let row = annex.slice(from, next ? next[1] : annex.length);
    for (const h of headings) row = row.split(h).join('');
    if (row !== stripWhitespace(p[lang]))
      errors.push(`${p.code}: field '${lang}': name '${p[lang]}' not found in its row of ${where}`);
    else if (layoutReliable && !annexWords.includes(collapseWhitespace(p[lang])))
      errors.push(`${p.code}: field '${lang}': name '${p[lang]}' not word for word in ${where} ` +
        '(the spaces between its words differ)');
    if (layoutReliable) {
      let under = null;
      for (const [off, id] of headingAt) if (off < offs[0] && (!under || off >= under[0])) under = [off, id];
      if (!under || under[1] !== p.group)
        errors.push(`${p.code}: field 'group': data says '${p.group}' but ${where} lists it under ` +
          `'${under ? under[1] : 'no heading'}'`);
    }
  }
  return errors;
}

/** Every problem of a data file (bytes), as messages naming the entry and field; [] when valid. */
export async function validate(bytes, { sources = path.join(here, 'sources'), wasmBinary } = {}) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return ['not valid UTF-8 text (the widget refuses it)'];
  }
  wasmBinary ??= fs.readFileSync(path.join(here, 'kzprof-core.wasm'));
  try {
    (await createMatcher(text, { wasmBinary })).dispose();
  } catch (e) {
    return String(e.message).replace(/^kzprof: (invalid data:\n)?/, '').split('\n').filter(Boolean);
  }
  const doc = JSON.parse(text);
  const errors = [];
  for (const src of SOURCES) {
    const file = path.join(sources, src.file);
    if (!fs.existsSync(file)) return [`${file}: the official ${src.name} text is missing`];
    errors.push(...checkAgainstSource(doc, fs.readFileSync(file, 'utf8'), src));
  }
  return errors;
}

// ---- the hash lock of a site folder
const WIDGET = 'kzprof-widget.mjs';
const DATA = 'professions.json';
const WASM = 'kzprof-core.wasm';

/** The hashes the widget in dir expects, and those of the files there. */
function readLock(dir) {
  const widgetFile = path.join(dir, WIDGET);
  if (!fs.existsSync(widgetFile))
    throw new Error(`${widgetFile}: not found (SITE_DIR is the folder holding ${WIDGET})`);
  const widget = fs.readFileSync(widgetFile, 'utf8');
  const expected = {};
  for (const f of [DATA, WASM]) {
    const m = new RegExp(`"${f.replace('.', '\\.')}":"(${SRI})"`).exec(widget);
    if (!m) throw new Error(`${widgetFile}: no built-in hash for ${f} (not a kzprof-widget.mjs from a release?)`);
    expected[f] = m[1];
  }
  const actual = {};
  for (const f of [DATA, WASM]) {
    const p = path.join(dir, f);
    actual[f] = fs.existsSync(p) ? sri(fs.readFileSync(p)) : null;
  }
  return { widget, expected, actual };
}

/** Problems of a site folder: files missing, hashes that disagree, stale precompressed copies. */
export function lockProblems(dir) {
  const { expected, actual } = readLock(dir);
  const problems = [];
  for (const f of [DATA, WASM]) {
    if (!actual[f]) problems.push(`${f}: missing from ${dir}`);
    else if (actual[f] !== expected[f])
      problems.push(`${f}: its sha384 is ${actual[f]}, but ${WIDGET} loads only the file with ${expected[f]}; ` +
        `the widget will refuse it (${f === DATA ? 'run: kzprof-data update NEW.json SITE_DIR'
          : 'the wasm must come from the same release as the widget'})`);
  }
  for (const f of fs.readdirSync(dir).filter((n) => /\.(gz|br)$/.test(n))) {
    const original = path.join(dir, f.slice(0, -3));
    if (!fs.existsSync(original)) continue;
    const decode = f.endsWith('.gz') ? zlib.gunzipSync : zlib.brotliDecompressSync;
    if (!fs.readFileSync(original).equals(decode(fs.readFileSync(path.join(dir, f)))))
      problems.push(`${f}: does not match ${path.basename(original)} ` +
        '(a host serving precompressed files would send the old one)');
  }
  return problems;
}

/** Installs newBytes as SITE_DIR/professions.json and rewrites everything that pins its hash. */
export function install(newBytes, dir) {
  const { widget, expected } = readLock(dir);
  const oldDoc = fs.existsSync(path.join(dir, DATA)) ? safeParse(fs.readFileSync(path.join(dir, DATA), 'utf8')) : null;
  const newDoc = JSON.parse(new TextDecoder().decode(newBytes));
  const oldData = expected[DATA], newData = sri(newBytes);
  const oldWidget = sri(Buffer.from(widget)), newWidgetText = widget.split(oldData).join(newData);
  const newWidget = sri(Buffer.from(newWidgetText));
  const changed = new Set([DATA, WIDGET]);
  fs.writeFileSync(path.join(dir, DATA), newBytes);
  fs.writeFileSync(path.join(dir, WIDGET), newWidgetText);
  // Other copies of the two old hashes and of the data version (embed-snippet.html, pages, sw.js).
  const oldVersion = oldDoc?.meta?.data_version, newVersion = newDoc.meta?.data_version;
  for (const f of fs.readdirSync(dir).filter((n) => /\.(html|mjs|js)$/.test(n) && n !== WIDGET)) {
    const p = path.join(dir, f);
    const before = fs.readFileSync(p, 'utf8');
    let after = before.split(oldData).join(newData).split(oldWidget).join(newWidget);
    if (oldVersion && newVersion) after = after.split(`data version ${oldVersion}`).join(`data version ${newVersion}`);
    // The single-file offline page carries the data itself (as the site build writes it).
    after = after.replace(/(<script type="application\/json" id="kzprof-data">)[^<]*(<\/script>)/,
      (_, open, close) => open + JSON.stringify(newDoc).replace(/</g, '\\u003c') + close);
    // The service worker's cache name: a new one makes returning visitors fetch the new files.
    if (f === 'sw.js') after = after.replace(/(const VERSION = ')([0-9a-f]+)(')/, (_, a, v, b) =>
      a + crypto.createHash('sha256').update(`${v} ${newData}`).digest('hex').slice(0, v.length) + b);
    if (after !== before) { fs.writeFileSync(p, after); changed.add(f); }
  }
  for (const f of changed) if (COMPRESSIBLE.test(f)) compressFile(path.join(dir, f));
  // Pages that carry a copy of the list as HTML (for visitors without JavaScript) keep the old copy:
  // rendering it is the site build's job (web/build-site.mjs), not repeated here.
  const staticLists = fs.readdirSync(dir).filter((n) => n.endsWith('.html') &&
    fs.readFileSync(path.join(dir, n), 'utf8').includes('data-kzprof-static'));
  return { changed: [...changed].sort(), widgetIntegrity: newWidget, oldVersion, newVersion, staticLists };
}

function safeParse(text) { try { return JSON.parse(text); } catch { return null; } }

// ---- command line
function usage() {
  console.error(`usage:
  kzprof-data validate NEW.json [--sources DIR]
  kzprof-data update NEW.json SITE_DIR [--sources DIR]
  kzprof-data check SITE_DIR [--sources DIR]
SITE_DIR is the folder holding kzprof-widget.mjs, kzprof-core.wasm and professions.json.
--sources: the folder of the official texts (order49-kk.txt, order49-ru.txt); default: those of this package.`);
  return 2;
}

async function main(argv) {
  const i = argv.indexOf('--sources');
  const sources = i >= 0 ? path.resolve(argv[i + 1] ?? '') : undefined;
  const args = argv.filter((_, k) => i < 0 || (k !== i && k !== i + 1));
  const [cmd, a, b] = args;
  const fail = (label, problems) => {
    for (const p of problems) console.error(`${label}: ${p}`);
    console.error(`INVALID: ${problems.length} problem(s)${cmd === 'update' ? '; nothing was changed' : ''}`);
    return 1;
  };
  if (cmd === 'validate' && a && !b) {
    const problems = await validate(fs.readFileSync(a), { sources });
    if (problems.length) return fail(a, problems);
    console.log(`OK: ${a} is valid and matches the official texts`);
    return 0;
  }
  if (cmd === 'update' && a && b) {
    const bytes = fs.readFileSync(a);
    const problems = await validate(bytes, { sources });
    if (problems.length) return fail(a, problems);
    const lock = lockProblems(b).filter((p) => !p.startsWith(`${DATA}:`) && !p.startsWith(`${DATA}.`));
    if (lock.length) return fail(b, lock);
    const r = install(bytes, b);
    console.log(`OK: ${path.join(b, DATA)} is now data version ${r.newVersion ?? '?'} (was ${r.oldVersion ?? '?'})`);
    console.log(`rewritten: ${r.changed.join(', ')} (with their .gz/.br)`);
    console.log(`<script type="module" src=".../${WIDGET}" integrity="${r.widgetIntegrity}" crossorigin="anonymous">`);
    if (r.staticLists.length)
      console.log(`note: ${r.staticLists.join(', ')} keep their HTML copy of the list for visitors ` +
        'without JavaScript from the release; their search uses the new data');
    return 0;
  }
  if (cmd === 'check' && a && !b) {
    const problems = lockProblems(a);
    if (fs.existsSync(path.join(a, DATA)))
      problems.push(...(await validate(fs.readFileSync(path.join(a, DATA)), { sources })).map((p) => `${DATA}: ${p}`));
    if (problems.length) return fail(a, problems);
    console.log(`OK: ${a}: ${WIDGET}, ${WASM} and ${DATA} agree; the data matches the official texts`);
    return 0;
  }
  return usage();
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (e) {
    console.error(`kzprof-data: ${e.message}`);
    process.exitCode = 1;
  }
}
