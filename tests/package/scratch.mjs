// Shared by the package tests: the release made from the built site (package/release.mjs, as
// .ci/release does after its clean build), and a scratch project that installs the npm tarball
// offline, as an integrator would (npm install ./kz-professions-VERSION.tgz).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../..');
export const SITE = path.resolve(process.env.KZPROF_SITE ?? path.join(REPO, 'build/site'));
export const VERSION = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
export const NAME = JSON.parse(fs.readFileSync(path.join(REPO, 'package/package.json'), 'utf8')).name;

/** { tmp, dist, folder, zip, tgz, project, pkg }: pkg is the installed package's folder. */
export function scratchProject() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kzprof-pkg-'));
  const dist = path.join(tmp, 'dist');
  execFileSync(process.execPath, [path.join(REPO, 'package/release.mjs'), '--site', SITE, '--out', dist,
    '--stage', path.join(tmp, 'stage')], { stdio: 'pipe' });
  const base = `${NAME}-${VERSION}`;
  const project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  const manifest = { name: 'scratch', private: true, type: 'module' };
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify(manifest));
  const tgz = path.join(dist, `${base}.tgz`);
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tgz],
    { cwd: project, stdio: 'pipe' });
  return { tmp, dist, folder: path.join(dist, base), zip: path.join(dist, `${base}.zip`), tgz, project,
    pkg: path.join(project, 'node_modules', NAME), cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Runs the package's data command as an integrator would (npx, offline, in the project). */
export function kzprofData(project, args) {
  try {
    const stdout = execFileSync('npx', ['--offline', '--no-install', 'kzprof-data', ...args],
      { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    return { code: e.status, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The official data with one more (unofficial) alias and a new data version: a valid update. */
export function updatedData(code = '2217-4-001', alias = 'мозгоправ', version = '2099.01.01-1') {
  const data = JSON.parse(fs.readFileSync(path.join(SITE, 'professions.json'), 'utf8'));
  data.meta.data_version = version;
  data.professions.find((p) => p.code === code).unofficial.aliases.ru.push(alias);
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Copies the files the README tells an integrator to copy from the package into dir. */
export function copyWidgetFiles(pkg, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const files = /^(kzprof-widget\.mjs|kzprof-core\.wasm|professions\.json)(\.gz|\.br)?$/;
  for (const f of fs.readdirSync(pkg).filter((n) => files.test(n)))
    fs.copyFileSync(path.join(pkg, f), path.join(dir, f));
}
