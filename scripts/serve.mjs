#!/usr/bin/env node
// The dev server of `make serve`: builds a Hugo-style SITE with the native
// tool (`wasm-blog build SITE OUT`), serves OUT on 127.0.0.1 as a static host
// would, and rebuilds when a post or the config is saved; open pages reload.
//
//   node scripts/serve.mjs [--site DIR] [--out DIR] [--port N] [--base-url URL]
//                          [--tool PATH] [--assets DIR]
//
// Defaults: --site . --out build/site --port 8000 --tool build/native/wasm-blog
// --assets dist; --base-url http://127.0.0.1:<port>/ (port 0 picks a free one).
//
// As a static host (GitHub Pages, nginx), on the project's static server
// (scripts/static-server.mjs: MIME types, path safety, HEAD): a folder's
// index.html, a folder asked for without its "/" is redirected to it, a
// missing path is 404.html with status 404. Nothing is cached.
//
// Live reload lives here only, never in OUT: every HTML response gets
// <script src="/__livereload.js"> as it is sent (a file of the same origin,
// so a page's Content Security Policy with script-src 'self' allows it);
// that script listens to /__livereload (Server-Sent Events) and reloads the
// page after each successful rebuild. The tool replaces OUT as a whole only
// when a build succeeds, so a failed build prints the tool's messages and
// the last good site stays served.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HTML, TEXT, listen, mimeOf, resolvePath, send as sendStatic } from './static-server.mjs';

const CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'config.toml', 'config.yaml', 'site.json'];
const DEBOUNCE_MS = 100;
const RELOAD_PATH = '/__livereload';
const RELOAD_SCRIPT = `${RELOAD_PATH}.js`;
const RELOAD_TAG = `<script src="${RELOAD_SCRIPT}"></script>`;
// The page reloads on a message; EventSource reconnects by itself when the
// server restarts (no message then: the page stays as it is). The stream is
// kept on window.__livereload (a test waits for it to be open).
const RELOAD_JS = `window.__livereload = new EventSource('${RELOAD_PATH}');\n` +
  'window.__livereload.onmessage = () => location.reload();\n';

export { mimeOf };

// The reload script before the last </body>, else at the end.
export function injectReload(html) {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? html + RELOAD_TAG : html.slice(0, at) + RELOAD_TAG + html.slice(at);
}

function parseArgs(argv) {
  const opts = { site: '.', out: 'build/site', port: 8000, baseUrl: '', tool: 'build/native/wasm-blog', assets: 'dist' };
  const names = { '--site': 'site', '--out': 'out', '--port': 'port', '--base-url': 'baseUrl', '--tool': 'tool', '--assets': 'assets' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 11)
        .map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
      process.exit(0);
    }
    const key = names[flag];
    const value = inline !== undefined ? inline : argv[++i];
    if (!key || value === undefined || value === '') fail(`serve: ${key ? `${flag} needs a value` : `unknown option ${arg}`} (see --help)`, 2);
    opts[key] = value;
  }
  opts.port = Number(opts.port);
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) fail(`serve: --port: expected a port number, got ${opts.port}`, 2);
  return opts;
}

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// A path as the user would name it: relative below the current folder, else absolute.
const rel = (p) => {
  const r = path.relative(process.cwd(), p);
  return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? p : r;
};

const opts = parseArgs(process.argv.slice(2));
const SITE = path.resolve(opts.site);
const OUT = path.resolve(opts.out);
const TOOL = path.resolve(opts.tool);
const ASSETS = path.resolve(opts.assets);
if (!fs.statSync(SITE, { throwIfNoEntry: false })?.isDirectory()) fail(`serve: the site folder ${opts.site} does not exist`);
try {
  fs.accessSync(TOOL, fs.constants.X_OK);
} catch {
  fail(`serve: ${opts.tool} is missing: run \`make serve\` (it builds the native tool) or pass --tool`);
}
// Hugo's layout (content/posts/) when SITE has content/, else posts/ (the
// folder `wasm-blog` reads; the whole content/ is watched).
const POSTS = fs.existsSync(path.join(SITE, 'content')) ? path.join(SITE, 'content') : path.join(SITE, 'posts');

const state = {
  baseUrl: '',
  mount: '/',       // the base URL's path: OUT is served below it
  built: false,     // OUT holds a site this server built
  lastError: '',    // the last failed build's messages, shown while nothing was ever built
  building: false,
  again: '',        // what changed during a build: build once more after it
};
const clients = new Set();

function runTool() {
  const args = ['build', SITE, OUT, '--base-url', state.baseUrl, '--assets', ASSETS];
  return new Promise((resolve) => {
    const child = spawn(TOOL, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    state.child = child;
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', (err) => resolve({ code: -1, stdout, stderr: `${stderr}${err.message}\n` }));
    child.on('close', (code, signal) => { state.child = null; resolve({ code: code ?? 128, signal, stdout, stderr }); });
  });
}

// One build into OUT; true when it succeeded. `why`: what changed.
async function build(why) {
  const r = await runTool();
  if (r.code === 0) {
    if (r.stderr) process.stderr.write(r.stderr);  // warnings (a shortcode, a missing image)
    const said = r.stdout.trim() || `built ${rel(OUT)}`;
    process.stdout.write(why ? `serve: ${why}: ${said}\n` : `${said}\n`);
    state.built = true;
    state.lastError = '';
    return true;
  }
  if (/unknown command build/.test(r.stderr)) {
    fail(`serve: ${opts.tool} has no \`build\` command yet (it printed: ${r.stderr.split('\n')[0]}); rebuild it with make native-tool`, 3);
  }
  state.lastError = r.stderr || `exit status ${r.code}`;
  process.stderr.write(`${r.stderr}serve: ${why ? `${why}: ` : ''}the build failed (exit ${r.signal || r.code}); ` +
    `${state.built || fs.existsSync(OUT) ? `still serving the last good site in ${rel(OUT)}` : 'nothing to serve yet'}\n`);
  return false;
}

async function rebuild(why) {
  if (state.building) {
    state.again = why || 'a change';
    return;
  }
  state.building = true;
  try {
    for (let reason = why; ; reason = state.again) {
      state.again = '';
      if (await build(reason)) for (const res of clients) res.write('data: reload\n\n');
      if (!state.again) break;
    }
  } finally {
    state.building = false;
  }
}

let timer = null;
let changed = new Set();
function onChange(file) {
  const name = path.basename(file);
  // Editors' swap, backup and probe files; OUT itself when it lies inside a watched folder.
  if (!name || name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp)$/.test(name) || name === '4913') return;
  if (file === OUT || file.startsWith(OUT + path.sep)) return;
  changed.add(rel(file));
  clearTimeout(timer);
  timer = setTimeout(() => {
    // Named by the files a writer meant (an editor's temp file has no extension).
    const all = [...changed];
    const files = all.some((f) => path.extname(f)) ? all.filter((f) => path.extname(f)) : all;
    changed = new Set();
    rebuild(files.length > 3 ? `${files.length} files changed` : `${files.join(', ')} changed`);
  }, DEBOUNCE_MS);
}

// Every change below `dir`. macOS and Windows: fs.watch with recursive:
// true (native there). Linux: one plain watcher per folder, added as folders
// appear, since Node's recursive mode there loses a file once an editor saves
// it by replacing it (write a temp file, rename it over: sed -i, Emacs,
// gedit); a folder's own watcher sees every name that changes inside it.
function watchTree(dir) {
  if (!fs.existsSync(dir)) return () => {};
  if (process.platform === 'darwin' || process.platform === 'win32') {
    const w = fs.watch(dir, { recursive: true }, (ev, name) => onChange(path.join(dir, String(name ?? ''))));
    return () => w.close();
  }
  const watchers = new Map();
  const add = (d) => {
    if (watchers.has(d)) return;
    try {
      const w = fs.watch(d, (ev, name) => {
        const file = path.join(d, String(name ?? ''));
        if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) add(file);
        onChange(file);
      });
      w.on('error', () => { w.close(); watchers.delete(d); });  // the folder was removed
      watchers.set(d, w);
      for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) add(path.join(d, e.name));
    } catch { /* a folder removed while it was being added */ }
  };
  add(dir);
  return () => { for (const w of watchers.values()) w.close(); };
}

function watchSite() {
  const closers = [watchTree(POSTS)];
  // The config files: SITE's own entries, so an editor that saves by
  // replacing the file (write, then rename) is seen too.
  const w = fs.watch(SITE, (ev, name) => { if (CONFIG_FILES.includes(String(name))) onChange(path.join(SITE, String(name))); });
  closers.push(() => w.close());
  return () => closers.forEach((c) => c());
}

// Every response: not cached; HTML with the reload script.
function send(req, res, status, type, body, headers = {}) {
  if (type.startsWith('text/html')) body = Buffer.from(injectReload(body.toString('utf8')));
  sendStatic(req, res, status, type, body, { 'Cache-Control': 'no-store', ...headers });
}

function handle(req, res) {
  const { pathname, search } = new URL(req.url, 'http://127.0.0.1');
  if (pathname === RELOAD_PATH) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 500\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  if (pathname === RELOAD_SCRIPT) return send(req, res, 200, mimeOf('.js'), RELOAD_JS);
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, TEXT, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
  if (!state.built && !fs.existsSync(OUT)) {
    // Nothing built yet: the first build runs or failed. The page reloads once one succeeds.
    const what = state.lastError ? `<h1>The build failed</h1><pre>${escapeHtml(state.lastError)}</pre>` : '<h1>Building…</h1>';
    return send(req, res, 503, HTML, `<!doctype html><meta charset="utf-8"><title>wasm-blog serve</title><body>${what}</body>`);
  }
  if (state.mount !== '/' && (pathname === '/' || pathname === '/index.html')) return send(req, res, 302, TEXT, '', { Location: state.mount });
  // The files of OUT below the base URL's path; a folder without its "/" is redirected.
  const found = resolvePath([[state.mount, OUT]], pathname, { redirectDirs: true });
  if (found?.redirect) return send(req, res, 301, TEXT, '', { Location: found.redirect + search });
  if (found) {
    try {
      return send(req, res, 200, mimeOf(found.file), fs.readFileSync(found.file));
    } catch { /* replaced by a rebuild between stat and read: a 404 this once */ }
  }
  const page404 = path.join(OUT, '404.html');
  if (fs.existsSync(page404)) {
    try {
      return send(req, res, 404, HTML, fs.readFileSync(page404));
    } catch { /* as above */ }
  }
  return send(req, res, 404, TEXT, `404 Not Found: ${pathname}\n`);
}

// Comments keep idle event streams open through proxies and timeouts.
const ping = setInterval(() => { for (const res of clients) res.write(': ping\n\n'); }, 25000);
ping.unref();

let server;
try {
  server = await listen(handle, opts.port);
} catch (err) {
  if (err.code === 'EADDRINUSE') fail(`serve: port ${opts.port} is in use (is make serve already running? try make serve PORT=8080)`);
  fail(`serve: ${err.message}`);
}
const { port } = server;
state.baseUrl = opts.baseUrl || `http://127.0.0.1:${port}/`;
try {
  state.mount = new URL(state.baseUrl).pathname.replace(/\/?$/, '/');
} catch {
  fail(`serve: --base-url: not a URL: ${state.baseUrl}`, 2);
}
const stopWatching = watchSite();
await rebuild('');
const watched = [rel(POSTS) + '/', ...CONFIG_FILES.filter((f) => fs.existsSync(path.join(SITE, f))).map((f) => rel(path.join(SITE, f)))];
process.stdout.write(`Serving ${rel(OUT)} on http://127.0.0.1:${port}${state.mount} ` +
  `(rebuilt when ${watched.join(' or ')} change; Ctrl-C to stop)\n`);
const stop = () => {
  stopWatching();
  clearTimeout(timer);
  if (state.child) state.child.kill('SIGTERM');
  for (const res of clients) res.end();
  server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
