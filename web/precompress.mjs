// Precompressed copies for static hosts: NAME.gz and NAME.br beside each text and wasm file, as
// nginx (gzip_static, brotli_static), Caddy (precompressed) and web/server.mjs serve them.
// Used by web/build-site.mjs and by the npm package's data command (kzprof-data.mjs), so a data
// update refreshes them the same way. Node only.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Files that get precompressed copies (web/server.mjs serves copies for the same list). */
export const COMPRESSIBLE = /\.(html|mjs|js|css|json|wasm|svg|txt|webmanifest)$/;

/**
 * Writes FILE.gz and FILE.br where they are smaller than FILE, and removes stale ones where not.
 * Deterministic: zlib's gzip header has no name and a zero mtime; brotli has neither.
 */
export function compressFile(file) {
  const raw = fs.readFileSync(file);
  const gz = zlib.gzipSync(raw, { level: 9 });
  const br = zlib.brotliCompressSync(raw, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  for (const [ext, bytes] of [['.gz', gz], ['.br', br]]) {
    if (bytes.length < raw.length) fs.writeFileSync(file + ext, bytes);
    else fs.rmSync(file + ext, { force: true });
  }
}

/** Compresses every compressible file under dir; returns how many. */
export function precompress(dir) {
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => COMPRESSIBLE.test(f)).sort();
  for (const f of files) compressFile(path.join(dir, f));
  return files.length;
}
