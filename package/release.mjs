// Assembles the release from a built site (run by .ci/release, which builds the site from a clean
// export of the commit first):
//   OUT/kz-professions-VERSION/       the folder to copy to a static host (with .gz/.br), LICENSE, README
//   OUT/kz-professions-VERSION.zip    that folder, zipped
//   OUT/kz-professions-VERSION.tgz    the npm package (npm pack of a staging folder)
//   OUT/SHA256SUMS                    sha256sum -c format, for the zip and the tarball
// Every output is a function of the inputs only (sorted entries, fixed zip times, npm pack's fixed
// tar times, deterministic zlib), so two runs on one commit give identical bytes.
//   node package/release.mjs --site build/site --out dist [--stage build/release/npm]
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { compressFile } from '../web/precompress.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };

/** The files of dir, relative, '/'-separated, sorted. */
const listFiles = (dir) => fs.readdirSync(dir, { recursive: true }).map((f) => String(f).split(path.sep).join('/'))
  .filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

/**
 * A zip of entries [{ name, data }] with nothing but the entries in it: fixed time (1980-01-01 00:00),
 * regular files 0644, deflate where it helps. Node has no zip writer; this is the format's minimum.
 */
export function zip(entries) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const common = (b, at) => {  // version needed, flags (UTF-8 names), method, time, date, crc, sizes, name length
      b.writeUInt16LE(20, at); b.writeUInt16LE(0x0800, at + 2); b.writeUInt16LE(stored ? 0 : 8, at + 4);
      b.writeUInt16LE(0, at + 6);                      // 00:00
      b.writeUInt16LE((0 << 9) | (1 << 5) | 1, at + 8); // 1980-01-01 (DOS date: years since 1980, month, day)
      b.writeUInt32LE(zlib.crc32(data), at + 10);
      b.writeUInt32LE(body.length, at + 14);
      b.writeUInt32LE(data.length, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);  // made by: Unix, so the external attributes are file modes
    common(central, 6);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A text file of the package with the version header after its first line when that is a #! line. */
function withHeader(text, header) {
  const shebang = text.startsWith('#!') ? text.slice(0, text.indexOf('\n') + 1) : '';
  return `${shebang}// ${header}\n${text.slice(shebang.length)}`;
}

function main() {
  const site = path.resolve(arg('--site', path.join(root, 'build/site')));
  const out = path.resolve(arg('--out', path.join(root, 'dist')));
  const stage = path.resolve(arg('--stage', path.join(root, 'build/release/npm')));
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const manifest = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
  const name = `${manifest.name}-${version}`;
  const header = `${manifest.name} ${version} | MIT licence (LICENSE) | see README.md`;
  if (!fs.readFileSync(path.join(site, 'kzprof-widget.mjs'), 'utf8').includes(`kzprof ${version} `))
    throw new Error(`${site} was built for another version than ${version}: rebuild the site`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  // 1. The static-host folder and its zip.
  const folder = path.join(out, name);
  fs.cpSync(site, folder, { recursive: true });
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(folder, 'LICENSE.txt'));
  compressFile(path.join(folder, 'LICENSE.txt'));
  for (const f of ['README.md', 'CHANGELOG.md'])
    fs.copyFileSync(f === 'README.md' ? path.join(here, f) : path.join(root, f), path.join(folder, f));
  fs.writeFileSync(path.join(out, `${name}.zip`), zip(listFiles(folder).map((f) => ({
    name: `${name}/${f}`, data: fs.readFileSync(path.join(folder, f)) }))));

  // 2. The npm package: the element and the API with the files they load, types, the manifest, the
  //    data command and the official texts it checks against.
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(path.join(stage, 'sources'), { recursive: true });
  const shipped = /^(kzprof-widget\.mjs|kzprof\.mjs|kzprof-core\.mjs|kzprof-core\.wasm|professions\.json)(\.gz|\.br)?$/;
  for (const f of listFiles(site).filter((n) => shipped.test(n)))
    fs.copyFileSync(path.join(site, f), path.join(stage, f));
  for (const f of ['kzprof.d.ts', 'kzprof-widget.d.ts', 'custom-elements.json', 'README.md'])
    fs.copyFileSync(path.join(here, f), path.join(stage, f));
  for (const [f, from] of [['kzprof-data.mjs', here], ['precompress.mjs', path.join(root, 'web')]])
    fs.writeFileSync(path.join(stage, f), withHeader(fs.readFileSync(path.join(from, f), 'utf8'), header));
  for (const f of fs.readdirSync(path.join(root, 'data/sources')).filter((n) => n.endsWith('.txt')))
    fs.copyFileSync(path.join(root, 'data/sources', f), path.join(stage, 'sources', f));
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
  fs.copyFileSync(path.join(root, 'CHANGELOG.md'), path.join(stage, 'CHANGELOG.md'));
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  // Modes set here, not inherited from the build (the linker makes the wasm executable).
  for (const f of listFiles(stage)) fs.chmodSync(path.join(stage, f), f === 'kzprof-data.mjs' ? 0o755 : 0o644);
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out],
    { cwd: stage, encoding: 'utf8' }));
  fs.renameSync(path.join(out, packed[0].filename), path.join(out, `${name}.tgz`));

  // 3. Checksums of the two downloads.
  const sums = [`${name}.tgz`, `${name}.zip`].map((f) =>
    `${crypto.createHash('sha256').update(fs.readFileSync(path.join(out, f))).digest('hex')}  ${f}`);
  fs.writeFileSync(path.join(out, 'SHA256SUMS'), `${sums.join('\n')}\n`);
  for (const f of [name, `${name}.zip`, `${name}.tgz`]) {
    const p = path.join(out, f);
    const dir = fs.statSync(p).isDirectory();
    const size = dir ? listFiles(p).reduce((n, x) => n + fs.statSync(path.join(p, x)).size, 0) : fs.statSync(p).size;
    console.log(`release: ${path.relative(process.cwd(), p)}${dir ? '/' : ''} ${size} B`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
