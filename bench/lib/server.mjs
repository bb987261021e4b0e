// A static HTTP server on 127.0.0.1 for the browser benchmarks: URL prefixes
// mapped to folders, files kept in memory after the first read (so disk
// speed does not enter a timing), and a log of every response (path, status,
// body bytes, and the body's gzip -9 size, computed once per file) so that a
// benchmark can count what a page load transferred. Responses are sent
// uncompressed; Cache-Control: max-age=600, as a static host (GitHub Pages)
// sends, so a second page of the same site may reuse the first's files.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

export function mimeOf(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

// mounts: [[urlPrefix ('/docsify4/'), folder], ...]; the longest prefix wins.
export async function startStaticServer(mounts) {
  const sorted = [...mounts].sort((a, b) => b[0].length - a[0].length);
  const cache = new Map();  // file -> { body, gzip }
  const log = [];           // { at, path, status, bytes, gzip }
  let inFlight = 0;

  function resolve(urlPath) {
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    for (const [prefix, dir] of sorted) {
      if (!decoded.startsWith(prefix)) continue;
      let file = path.join(dir, decoded.slice(prefix.length));
      if (file !== dir && !file.startsWith(dir + path.sep)) return null;
      try {
        if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
        if (fs.statSync(file).isFile()) return file;
      } catch {
        return null;
      }
      return null;
    }
    return null;
  }

  const server = http.createServer((req, res) => {
    inFlight++;
    res.on('close', () => { inFlight--; });
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolve(urlPath) : null;
    if (!file) {
      const body = Buffer.from(`404 Not Found: ${urlPath}\n`);
      log.push({ at: Date.now(), path: urlPath, status: 404, bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
      res.end(body);
      return;
    }
    let entry = cache.get(file);
    if (!entry) {
      const body = fs.readFileSync(file);
      entry = { body, gzip: zlib.gzipSync(body, { level: 9 }).length };
      cache.set(file, entry);
    }
    log.push({ at: Date.now(), path: urlPath, status: 200, bytes: entry.body.length, gzip: entry.gzip });
    res.writeHead(200, { 'Content-Type': mimeOf(file), 'Content-Length': entry.body.length, 'Cache-Control': 'max-age=600' });
    res.end(req.method === 'HEAD' ? undefined : entry.body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    log,
    inFlight: () => inFlight,
    // Folders can be added once the port is known (a site built for this origin).
    mount(prefix, dir) {
      sorted.push([prefix, dir]);
      sorted.sort((a, b) => b[0].length - a[0].length);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
