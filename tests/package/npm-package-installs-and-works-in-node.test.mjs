// The npm tarball, installed offline into a scratch project: its exports resolve, the API answers in
// Node, the TypeScript declarations type-check a consumer (and reject wrong use), custom-elements.json
// says what the element really reads and fires, and kzprof-data validates as the native validator does.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, VERSION, NAME, scratchProject, kzprofData } from './scratch.mjs';

const s = scratchProject();
after(() => s.cleanup());

test('the package is named, versioned and licensed as the release, with only what it needs', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(s.pkg, 'package.json'), 'utf8'));
  assert.equal(pkg.name, NAME);
  assert.equal(pkg.version, VERSION);
  assert.equal(pkg.license, 'MIT');
  assert.match(fs.readFileSync(path.join(s.pkg, 'LICENSE'), 'utf8'), /^MIT License/);
  for (const f of [pkg.types, pkg.customElements, pkg.bin['kzprof-data'], ...Object.values(pkg.exports).flatMap((e) =>
    typeof e === 'string' ? [e] : Object.values(e))])
    assert.ok(fs.existsSync(path.join(s.pkg, f)), `${f} is in the package`);
  const files = fs.readdirSync(s.pkg, { recursive: true }).map(String);
  const unwanted = files.filter((f) => /\.map$|^tests?\/|\.cpp$|node_modules/.test(f));
  assert.deepEqual(unwanted, [], 'no sourcemaps, tests, C++');
  const dated = new RegExp(`## ${VERSION.replace(/\./g, '\\.')} — \\d{4}-\\d{2}-\\d{2}`);
  assert.match(fs.readFileSync(path.join(s.pkg, 'CHANGELOG.md'), 'utf8'), dated, 'the changelog dates this version');
});

test('from Node: the API by its package name, the wasm by its export path', () => {
  fs.writeFileSync(path.join(s.project, 'use.mjs'), `
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMatcher, VERSION } from '${NAME}';
const wasmBinary = fs.readFileSync(fileURLToPath(import.meta.resolve('${NAME}/kzprof-core.wasm')));
const data = fs.readFileSync(fileURLToPath(import.meta.resolve('${NAME}/professions.json')), 'utf8');
const m = await createMatcher(data, { wasmBinary });
const a = m.search('врач-онколог', { limit: 3 });
const verdicts = ['врач', 'brain surgeon', 'dhfx-jyrjkju', 'xyzzy', ''].map((q) => m.search(q).verdict);
const alias = m.search('brain surgeon').results[0].alias;
console.log(JSON.stringify({ VERSION, verdict: a.verdict, code: a.results[0]?.code, n: m.entries.length,
  element: fileURLToPath(import.meta.resolve('${NAME}/element')), answerKeys: Object.keys(a).sort(),
  resultKeys: Object.keys(a.results[0]).sort(), aliasKeys: Object.keys(alias).sort(), verdicts,
  rewriteKeys: Object.keys(m.search('dhfx-jyrjkju').rewrite).sort() }));
m.dispose();
`);
  const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: s.project, encoding: 'utf8' }));
  assert.equal(out.VERSION, VERSION);
  assert.equal(out.n, 51);
  assert.equal(out.verdict, 'listed');
  assert.equal(out.code, '2211-7-004');
  assert.equal(out.element, path.join(fs.realpathSync(s.pkg), 'kzprof-widget.mjs'));
  // The answer has exactly the shape kzprof.d.ts declares, and every verdict is one of its Verdict values.
  const dts = fs.readFileSync(path.join(s.pkg, 'kzprof.d.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, '');
  const members = (name) => [...dts.match(new RegExp(`interface ${name}[^{]*\\{([^}]*)\\}`))[1]
    .matchAll(/(?:^|;)\s*(?:readonly\s+)?(\w+)\??:/g)].map((m) => m[1]);
  assert.deepEqual(out.answerKeys, members('Answer').sort());
  assert.deepEqual(out.resultKeys, [...members('Entry'), ...members('Result')].sort());
  assert.deepEqual(out.rewriteKeys, members('Rewrite').sort());
  assert.deepEqual(out.aliasKeys, members('AliasMatch').sort());
  const verdicts = [...dts.match(/export type Verdict = ([^;]+);/)[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
  for (const v of out.verdicts) assert.ok(verdicts.includes(v), `verdict ${v} is declared`);
});

test('the TypeScript declarations type-check a consumer and reject wrong use', () => {
  fs.writeFileSync(path.join(s.project, 'tsconfig.json'), JSON.stringify({ compilerOptions: {
    strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022',
    lib: ['es2022', 'dom'], types: [], skipLibCheck: false } , files: ['consumer.ts'] }));
  fs.writeFileSync(path.join(s.project, 'consumer.ts'), `
import { createMatcher, VERSION, type Answer, type Verdict } from '${NAME}';
import { KzProfessions } from '${NAME}/element';

const v: string = VERSION;
async function run(bytes: Uint8Array, json: string): Promise<Verdict> {
  const m = await createMatcher(json, { wasmBinary: bytes });
  const a: Answer = m.search('врач', { limit: 5 });
  const first = a.results[0];
  if (first) { const code: string = first.code; const ru: string = first.ru; void code; void ru; }
  if (a.verdict === 'broad') return 'broad';
  // @ts-expect-error: not a verdict
  const bad: Verdict = 'maybe';
  // @ts-expect-error: search takes a string
  m.search(42);
  void bad;
  return a.verdict;
}
const el = document.querySelector('kz-professions');
if (el) {
  const fromTag: KzProfessions = el;
  fromTag.addEventListener('kzprof-change', (e) => { const code: string | null = e.detail.code; void code; });
  fromTag.addEventListener('kzprof-ready', (e) => { const n: number = e.detail.count; void n; });
  // @ts-expect-error: kzprof-ready's detail has no message
  fromTag.addEventListener('kzprof-ready', (e) => e.detail.message.length);
  const s: string = KzProfessions.version + fromTag.uiLang;
  void s;
}
void v; void run;
`);
  const tsc = path.join(REPO, 'node_modules/.bin/tsc');
  try {
    execFileSync(tsc, ['-p', 'tsconfig.json'], { cwd: s.project, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc found errors:\n${e.stdout}${e.stderr}`);
  }
});

test('custom-elements.json lists exactly the attributes, events and parts the element uses', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(s.pkg, 'custom-elements.json'), 'utf8'));
  const decl = manifest.modules[0].declarations[0];
  assert.equal(decl.tagName, 'kz-professions');
  const read = (f) => fs.readFileSync(path.join(REPO, 'web', f), 'utf8');
  const helpers = fs.readdirSync(path.join(REPO, 'web/widget')).map((f) => read(`widget/${f}`));
  const src = [read('kzprof-widget.mjs'), ...helpers].join('\n');
  const found = (re) => [...new Set([...src.matchAll(re)].map((m) => m[1]))].sort();
  assert.deepEqual(decl.attributes.map((a) => a.name).sort(), found(/getAttribute\('([a-z-]+)'\)/g), 'attributes');
  assert.deepEqual(decl.events.map((e) => e.name).sort(), found(/#fire\('([a-z-]+)'/g), 'events');
  // Each event's detail: the keys the code fires (shorthand or key: value) are those the manifest and the
  // TypeScript declarations give.
  const fired = {};
  for (const [, name, body] of src.matchAll(/#fire\('([a-z-]+)', \{([^}]*)\}/g)) {
    const keys = body.split(',').map((part) => part.trim().split(':')[0].trim()).sort().join(' ');
    assert.equal(fired[name] ?? keys, keys, `${name} is fired with one shape of detail`);
    fired[name] = keys;
  }
  const typeKeys = (text) => [...text.slice(text.indexOf('{')).matchAll(/(\w+)\??:/g)].map((m) => m[1])
    .sort().join(' ');
  const dts = fs.readFileSync(path.join(s.pkg, 'kzprof-widget.d.ts'), 'utf8');
  for (const e of decl.events) {
    assert.equal(typeKeys(e.type.text), fired[e.name], `custom-elements.json: detail of ${e.name}`);
    const declared = dts.match(new RegExp(`'${e.name}': (CustomEvent<\\{[^}]*\\}>)`))?.[1] ?? '';
    assert.equal(typeKeys(declared), fired[e.name], `kzprof-widget.d.ts: detail of ${e.name}`);
  }
  assert.deepEqual(decl.cssParts.map((p) => p.name).sort(), found(/\bpart: '([a-z-]+)'/g), 'parts');
  const css = fs.readFileSync(path.join(REPO, 'web/kzprof-widget.css'), 'utf8');
  const properties = [...new Set(css.match(/--kzp-[a-z-]+(?=:)/g))].sort();
  assert.deepEqual(decl.cssProperties.map((p) => p.name).sort(), properties, 'custom properties');
});

test('kzprof-data validate: the real list passes; each broken file fails with the native validator\'s message', () => {
  const ok = kzprofData(s.project, ['validate', path.join(REPO, 'data/professions.json')]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /matches the official texts/);
  const broken = path.join(REPO, 'tests/data/broken');
  for (const f of fs.readdirSync(broken).filter((n) => n.endsWith('.json'))) {
    const expect = fs.readFileSync(path.join(broken, f.replace(/\.json$/, '.expect')), 'utf8').split('\n')[0];
    const r = kzprofData(s.project, ['validate', path.join(broken, f)]);
    assert.equal(r.code, 1, `${f} is refused`);
    assert.match(r.stderr, new RegExp(expect), `${f}: the message names the problem`);
  }
});
