// Node side of the compared engines (bench.mjs, cold-start.mjs): the peers' browser bundles (the very
// files measured for size and loaded in the cold-start page are also the ones Node runs), and a
// builder per engine that turns the data JSON text into a search function, timed and measured alike.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { REPO } from '../relevance/queries.mjs';
import { PEERS, officialDocs } from './peers.mjs';

const NM = path.join(REPO, 'node_modules');
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const pkgVersion = (name) => JSON.parse(fs.readFileSync(path.join(NM, name, 'package.json'), 'utf8')).version;

/**
 * The minified browser bundle of each peer: { name: { path, file, note, version, raw, gzip } }.
 * Fuse.js and FlexSearch ship minified ES modules. MiniSearch ships none (dist/es and dist/umd are
 * unminified): its UMD build is minified here with the Closure Compiler already pinned for our own
 * build (SIMPLE optimizations) into outDir; if that fails, the unminified UMD file is used and said so.
 */
export function peerBundles(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const out = {};
  const add = (name, pkg, file, p, note) => {
    const buf = fs.readFileSync(p);
    out[name] = { path: p, file, note, version: pkgVersion(pkg), raw: buf.length, gzip: gz(buf) };
  };
  add('Fuse.js', 'fuse.js', 'fuse.js/dist/fuse.min.mjs', path.join(NM, 'fuse.js/dist/fuse.min.mjs'),
    `the package's minified ES module, full build (its fuzzy-only dist/fuse.basic.min.mjs would be ${gz(fs.readFileSync(path.join(NM, 'fuse.js/dist/fuse.basic.min.mjs')))} B gz)`);
  const umd = path.join(NM, 'minisearch/dist/umd/index.js');
  const min = path.join(outDir, 'minisearch.min.js');
  let note;
  try {
    execFileSync(path.join(NM, '.bin/google-closure-compiler'), ['--compilation_level', 'SIMPLE', '--language_in', 'ECMASCRIPT_NEXT',
      '--language_out', 'ECMASCRIPT_2020', '--warning_level', 'QUIET', '--js', umd, '--js_output_file', min], { stdio: 'pipe' });
    note = `minisearch/dist/umd/index.js minified with google-closure-compiler ${pkgVersion('google-closure-compiler')} SIMPLE (the package ships no minified file; unminified: ${gz(fs.readFileSync(umd))} B gz)`;
  } catch (e) {
    fs.copyFileSync(umd, min);
    note = `minisearch/dist/umd/index.js, NOT minified (Closure failed: ${String(e.message).split('\n')[0]})`;
  }
  add('MiniSearch', 'minisearch', 'minisearch.min.js (generated)', min, note);
  add('FlexSearch', 'flexsearch', 'flexsearch/dist/flexsearch.bundle.module.min.mjs', path.join(NM, 'flexsearch/dist/flexsearch.bundle.module.min.mjs'),
    "the package's minified ES module, full bundle (Document index and charsets; the package's \"module\" entry)");
  return out;
}

/** Loads each peer's library from its browser bundle: { name: Lib }. */
export async function loadPeerLibs(bundles) {
  return {
    'Fuse.js': (await import(bundles['Fuse.js'].path)).default,
    MiniSearch: await import(bundles.MiniSearch.path).then(() => globalThis.MiniSearch), // UMD: sets globalThis.MiniSearch
    FlexSearch: (await import(bundles.FlexSearch.path)).default,
  };
}

/** The WebAssembly.Memory of the last instance created (to read our core's linear memory size). */
let lastInstance = null;
const origInstantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function instantiateHook(...args) {
  const r = await origInstantiate.apply(this, args);
  lastInstance = r.instance ?? r;
  return r;
};
const memoryOf = (inst) => Object.values(inst?.exports ?? {}).find((x) => x instanceof WebAssembly.Memory) ?? null;

/**
 * Engines for the scale runs: { name, build(text) -> { search(q) -> codes, dispose(), wasmBytes() } }.
 * Build starts from the data JSON text for everyone (JSON.parse included): ours is createMatcher(text);
 * a peer is JSON.parse + the official fields + its index.
 */
export function scaleEngines(site, libs) {
  const ours = {
    name: 'kzprof',
    async build(text) {
      const m = await site.createMatcher(text, { wasmBinary: site.wasmBinary });
      const mem = memoryOf(lastInstance);
      return {
        search: (q) => m.search(q, { limit: 10 }).results.map((r) => r.code),
        dispose: () => m.dispose(),
        wasmBytes: () => mem?.buffer.byteLength ?? null,
      };
    },
  };
  const peers = Object.keys(PEERS).map((name) => ({
    name,
    async build(text) {
      const search = PEERS[name].build(libs[name], officialDocs(JSON.parse(text)));
      return { search, dispose: () => {}, wasmBytes: () => null };
    },
  }));
  return [ours, ...peers];
}
