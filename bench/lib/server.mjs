// A static HTTP server on 127.0.0.1 for the browser benchmarks, on the
// project's static server (scripts/static-server.mjs: MIME types, path
// safety, HEAD): URL prefixes mapped to folders, files kept in memory after
// the first read (so disk speed does not enter a timing), and a log of every
// response (path, status, body bytes, and the body's gzip -9 size, computed
// once per file) so that a benchmark can count what a page load transferred.
// Responses are sent uncompressed; Cache-Control: max-age=600, as a static
// host (GitHub Pages) sends, so a second page of the same site may reuse the
// first's files.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { TEXT, byPrefix, listen, mimeOf, notFoundText, readable, resolvePath, send } from '../../scripts/static-server.mjs';

export { mimeOf };

// mounts: [[urlPrefix ('/docsify4/'), folder], ...]; the longest prefix wins.
export async function startStaticServer(mounts) {
  let sorted = byPrefix(mounts);
  const cache = new Map();  // file -> { body, gzip }
  const log = [];           // { at, path, status, bytes, gzip }
  let inFlight = 0;

  const { port, origin, close } = await listen((req, res) => {
    inFlight++;
    res.on('close', () => { inFlight--; });
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    const file = readable(req) ? resolvePath(sorted, urlPath)?.file : null;
    if (!file) {
      const body = Buffer.from(notFoundText(urlPath));
      log.push({ at: Date.now(), path: urlPath, status: 404, bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
      send(req, res, 404, TEXT, body);
      return;
    }
    let entry = cache.get(file);
    if (!entry) {
      const body = fs.readFileSync(file);
      entry = { body, gzip: zlib.gzipSync(body, { level: 9 }).length };
      cache.set(file, entry);
    }
    log.push({ at: Date.now(), path: urlPath, status: 200, bytes: entry.body.length, gzip: entry.gzip });
    send(req, res, 200, mimeOf(file), entry.body, { 'Cache-Control': 'max-age=600' });
  });
  return {
    port,
    origin,
    log,
    inFlight: () => inFlight,
    // Folders can be added once the port is known (a site built for this origin).
    mount(prefix, dir) {
      sorted = byPrefix([...sorted, [prefix, dir]]);
    },
    close,
  };
}
