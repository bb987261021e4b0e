// The one static file server of the project, as a static host (GitHub Pages,
// nginx) serves a folder: `make serve` (scripts/serve.mjs), the browser tests
// (tests/browser/harness.mjs) and the benchmarks (bench/lib/server.mjs) build
// on it, each adding its own behaviour around it (live reload and redirects;
// test hooks and header sets; an in-memory cache and a log of bytes).
//
// What it decides, once: the MIME type of a file (mimeOf), which file a URL
// path names below a folder, never outside it (resolvePath: URL-decoded, no
// NUL, a folder's index.html, optionally a redirect to a folder's "/"), how
// a file or a message is sent (HEAD: the headers only), and listening on
// 127.0.0.1 (port 0: an ephemeral port, so test files can run in parallel).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.map': 'application/json; charset=utf-8',
};
export const TEXT = MIME['.txt'];
export const HTML = MIME['.html'];

// Hugo names its feeds index.xml (the site's, each tag's): RSS, as Hugo's
// own server sends them; other .xml files (sitemap.xml) are plain XML.
export function mimeOf(file) {
  if (path.basename(file) === 'index.xml') return MIME['.rss'];
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

// What a URL path names below one of `mounts` ([[urlPrefix, folder], …],
// the longest prefix first; "/" for the root): { file }, or, when
// redirectDirs and the path names a folder without its "/", { redirect }
// (the path with "/"); null when it names nothing (or outside the folder).
export function resolvePath(mounts, urlPath, { redirectDirs = false } = {}) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const mount = mounts.find(([prefix]) => decoded.startsWith(prefix));
  if (!mount) return null;
  const [prefix, dir] = mount;
  let file = path.join(dir, decoded.slice(prefix.length));
  if (file !== dir && !file.startsWith(dir + path.sep)) return null;  // no escaping the root
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    if (redirectDirs && !urlPath.endsWith('/')) return { redirect: `${urlPath}/` };
    file = path.join(file, 'index.html');
  } else if (!stat) {
    return null;
  }
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? { file } : null;
}

// Mounts sorted as resolvePath wants them (longest prefix first).
export const byPrefix = (mounts) => [...mounts].sort((a, b) => b[0].length - a[0].length);

// Sends a response: `body` (a string or bytes) with its length; HEAD sends the headers only.
export function send(req, res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// A file (read now unless `body` is given), with its MIME type.
export function sendFile(req, res, file, headers = {}, body = fs.readFileSync(file)) {
  send(req, res, 200, mimeOf(file), body, headers);
}

export const notFoundText = (urlPath) => `404 Not Found: ${urlPath}\n`;

// Only GET and HEAD read a static host.
export const readable = (req) => req.method === 'GET' || req.method === 'HEAD';

// Starts an HTTP server on 127.0.0.1:port (0: a free one) with `handler`
// (req, res); a handler that throws answers 500. Resolves to { server,
// port, origin, close() }; close() ends open connections too.
export async function listen(handler, port = 0) {
  const server = http.createServer(async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': TEXT });
      res.end(`${err.stack || err}\n`);
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const actual = server.address().port;
  return {
    server,
    port: actual,
    origin: `http://127.0.0.1:${actual}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
