// Static file server for the built site, sending the strict Content-Security-Policy an official
// site would use and the precompressed files as a real static host does. Used by the README's run
// command and by the browser tests.
//   node web/server.mjs [DIR=build/site] [PORT=8080] [--cors]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { COMPRESSIBLE } from './precompress.mjs';

// The policy of the issue, verbatim, plus directives that only restrict further.
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json' };

/** The encodings the request accepts (q=0 means refused), from Accept-Encoding. */
function accepted(header = '') {
  return new Set(header.split(',').map((part) => part.trim().split(/\s*;\s*q=/))
    .filter(([name, q]) => name && (q === undefined || Number(q) > 0)).map(([name]) => name.toLowerCase()));
}

/**
 * Serves dir as a static host with precompression does: FILE.br or FILE.gz (written by build-site.mjs)
 * with Content-Encoding when the browser accepts it, and Vary: Accept-Encoding on every compressible
 * file. A precompressed copy older than its original is ignored, so a file replaced by hand (a test, a
 * data update that forgot the copies) is never served stale. cors: Access-Control-Allow-Origin: *,
 * as a CDN on another origin must send.
 */
export function serve(dir, port = 0, { csp = CSP, cors = false } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end('bad request'); return; }
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) { res.writeHead(403).end('forbidden'); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache' };
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    headers['Content-Type'] = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let body = file;
    if (COMPRESSIBLE.test(file)) {
      headers.Vary = 'Accept-Encoding';
      const ok = accepted(req.headers['accept-encoding']);
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!ok.has(enc)) continue;
        const packed = fs.statSync(file + ext, { throwIfNoEntry: false });
        if (packed && packed.mtimeMs >= stat.mtimeMs) { body = file + ext; headers['Content-Encoding'] = enc; break; }
      }
    }
    fs.readFile(body, (err, bytes) => {
      if (err) { res.writeHead(500, { 'Content-Type': 'text/plain' }).end('read error'); return; }
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : bytes);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [dir = 'build/site', port = 8080] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const server = await serve(dir, Number(port), { cors: process.argv.includes('--cors') });
  console.log(`Serving ${dir} at http://127.0.0.1:${server.address().port}/  (Ctrl-C stops)`);
}
