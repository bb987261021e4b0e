// Shared machinery for the browser tests: a real HTTP server over dist/ (the
// project's static server, scripts/static-server.mjs, on an ephemeral port:
// test files may run in parallel), the
// committed fixtures and a per-run folder of generated content, and one
// Debian Chromium per test file driven by playwright-core.
//
//   /              dist/ (run `make dist` first)
//   /fixtures/     tests/browser/fixtures/
//   /generated/    a temp folder the test file fills (big and hostile posts)
//   /fixtures/unreachable/...   the connection is destroyed: a network error
//   /csp/<name>/   dist/ again, every response with the header set CSP[name]
//                  (Content-Security-Policy, Trusted Types)
//   server.route(prefix, handler): a test file's own behaviour under a prefix
//                  (a route that never answers, fails once, trickles, ...)
import { after, before } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { TEXT, listen, mimeOf, notFoundText, readable, resolvePath, sendFile as sendStatic } from '../../scripts/static-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// BLOG_DIST serves another build (e.g. a copy with a deliberate fault, to
// check that the tests notice it); the default is the project's dist/.
export const DIST = process.env.BLOG_DIST ? path.resolve(process.env.BLOG_DIST) : path.join(ROOT, 'dist');
export const FIXTURES = path.join(ROOT, 'tests/browser/fixtures');
export const SCREENSHOTS = path.join(ROOT, 'build/screenshots');

// Debian's chromium-headless-shell: the same Chromium (one Debian source
// package) without the browser's window machinery, what Playwright itself
// runs for headless tests. It passes every test at 192 CPU-seconds where the
// full browser (BLOG_CHROMIUM=/usr/bin/chromium, also passing) takes 243.
const CHROMIUM = process.env.BLOG_CHROMIUM || '/usr/bin/chromium-headless-shell';
// The full Chromium 156 opens its address bar's popup as a WebUI page in a renderer
// of its own for every window, so for every context the tests create: about
// as much CPU as the tests' own pages (embed-host.test.mjs: 77 CPU-seconds
// with it, 45 without). Chromium reads only the last --disable-features, so
// the list repeats playwright-core's own (1.65, package-lock.json) first.
const PLAYWRIGHT_DISABLED_FEATURES = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose',
  'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch'];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'].join(',')}`];

// Header sets served under /csp/<name>/ (with dist/ below the prefix).
const TT = "require-trusted-types-for 'script'; trusted-types wasm-blog";
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
export const CSP = {
  tt: { 'Content-Security-Policy': TT },
  strict: { 'Content-Security-Policy': STRICT },
  both: { 'Content-Security-Policy': `${STRICT}; ${TT}` },
  // A host that enforces Trusted Types but did not list the widget's policy.
  ttother: { 'Content-Security-Policy': "require-trusted-types-for 'script'; trusted-types other" },
};

// Prefixes whose requests fail at the network level (the socket is destroyed
// before any response), so the browser reports a network error, not a status.
const UNREACHABLE = ['/fixtures/unreachable/'];

export function assertDistBuilt() {
  for (const f of ['index.html', 'wasm-blog.js', 'blog-core.js', 'blog-core.wasm', 'blog-full.js', 'blog-full.wasm']) {
    if (!fs.existsSync(path.join(DIST, f))) {
      throw new Error(`${path.relative(ROOT, DIST) || DIST}/${f} is missing: run make dist first (the browser tests serve dist/)`);
    }
  }
}

export { mimeOf };

// The file a URL path names below one of the mounts, or null.
const resolveFile = (mounts, urlPath) => resolvePath(mounts, urlPath)?.file ?? null;

// Answers with `file` (or a 404 when it is null), adding `headers`; nothing is cached.
function sendFile(req, res, file, urlPath, headers = {}) {
  const all = { 'Cache-Control': 'no-store', ...headers };
  if (!file) {
    res.writeHead(404, { 'Content-Type': TEXT, ...all });
    res.end(notFoundText(urlPath));
    return;
  }
  sendStatic(req, res, file, all);
}

// Starts the server on a free port. Every request is recorded in `requests`
// (method and path) so tests can check what the page asked for.
export async function startServer() {
  assertDistBuilt();
  const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-blog-browser-'));
  const mounts = [['/fixtures/', FIXTURES], ['/generated/', generated], ['/', DIST]];
  const requests = [];
  const routes = [];  // [prefix, handler], longest prefix first
  const hits = new Map();  // path -> how many requests it got, for routes that change over time
  const { port, close } = await listen(async (req, res) => {
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    requests.push({ method: req.method, path: urlPath });
    hits.set(urlPath, (hits.get(urlPath) || 0) + 1);
    if (UNREACHABLE.some((p) => urlPath.startsWith(p))) {
      req.socket.destroy();
      return;
    }
    const canRead = readable(req);
    const route = routes.find(([prefix]) => urlPath.startsWith(prefix));
    if (route) {
      const rel = urlPath.slice(route[0].length);
      const ctx = {
        rel,
        hit: hits.get(urlPath),  // 1 for the first request of this path
        // Serves dist/ (or `dir`) at the path below the prefix, with extra headers.
        serve: (headers = {}, dir = DIST) => sendFile(req, res, canRead ? resolveFile([['/', dir]], `/${rel}`) : null, urlPath, headers),
        file: (dir = DIST) => resolveFile([['/', dir]], `/${rel}`),
      };
      try {
        await route[1](req, res, ctx);
      } catch (err) {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(err));
      }
      return;
    }
    const csp = urlPath.match(/^\/csp\/([a-z]+)\//);
    if (csp && CSP[csp[1]]) {
      const file = canRead ? resolveFile([[csp[0], DIST]], urlPath) : null;
      sendFile(req, res, file, urlPath, CSP[csp[1]]);
      return;
    }
    sendFile(req, res, canRead ? resolveFile(mounts, urlPath) : null, urlPath);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    url: (p) => `http://127.0.0.1:${port}${p}`,
    generated,
    requests,
    // Handles every request below `prefix` with handler(req, res, ctx):
    // ctx.rel is the path below the prefix, ctx.hit counts the requests for
    // this path (1 the first time), ctx.serve(headers?, dir?) answers with
    // the file at ctx.rel below dist/ (or dir), ctx.file(dir?) finds it.
    // A handler that never answers leaves the request hanging (closed with
    // the server).
    route(prefix, handler) {
      routes.push([prefix, handler]);
      routes.sort((a, b) => b[0].length - a[0].length);
    },
    // Writes a file below /generated/ and returns its URL path.
    write(rel, content) {
      const file = path.join(generated, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return `/generated/${rel}`;
    },
    async close() {
      await close();
      fs.rmSync(generated, { recursive: true, force: true });
    },
  };
}

// The run's shared Chromium (run.mjs: BLOG_BROWSER_WS), else one of the file's own.
export function launchBrowser() {
  if (process.env.BLOG_BROWSER_WS) return chromium.connect(process.env.BLOG_BROWSER_WS);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export function launchBrowserServer() {
  return chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// Registers before/after hooks for one test file: one server, one browser.
// Returns an object whose fields are filled in once the hooks have run.
// `setup(server)` runs after the server starts (to write /generated/ content).
export function useBrowser({ setup } = {}) {
  const env = { server: null, browser: null, spare: null };
  before(async () => {
    env.server = await startServer();
    if (setup) await setup(env.server);
    env.browser = await launchBrowser();
  });
  after(async () => {
    if (env.spare) await env.spare.context.close().catch(() => {});
    if (env.browser) await env.browser.close();
    if (env.server) await env.server.close();
  });
  return env;
}

// A page is handed to the next test of the file when its test left nothing
// behind but its documents: creating a page starts a renderer process, most
// of a short test's time. The next test gets it on a fresh document
// (about:blank first, so even a URL differing by its fragment loads anew),
// with the origin's storage cleared and its own viewport. A test that changes
// the context or the page beyond navigating (routes, init scripts, media
// emulation, listeners, other pages) marks it spent, and it is closed; so is
// a page after SPARE_USES tests, before its history nears Chromium's 50.
const SPARE_USES = 8;
const SPENDING_PAGE_CALLS = new Set(['on', 'once', 'addListener', 'prependListener', 'route', 'unroute',
  'unrouteAll', 'routeFromHAR', 'addInitScript', 'exposeFunction', 'exposeBinding', 'emulateMedia',
  'setExtraHTTPHeaders', 'context', 'close', 'setDefaultTimeout', 'setDefaultNavigationTimeout',
  'addLocatorHandler', 'requestGC']);

// `target` as the test sees it: a call that would outlive the test marks `slot` spent.
function watched(target, slot, spends) {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function') return value;
      if (spends(prop)) slot.spent = true;
      return value.bind(obj);
    },
  });
}

async function newSlot(env, viewport) {
  const context = await env.browser.newContext({ viewport });
  // Records each 'wasm-blog-rendered' event (sent once a screen and its
  // on-demand enhancements, code and math, are done) with what it showed.
  await context.addInitScript(() => {
    document.addEventListener('wasm-blog-rendered', (e) => {
      const root = e.target.shadowRoot;
      const kinds = ['post-content', 'post-entry', 'not-found', 'notice-error'];
      (window.__wasmBlogRendered ||= []).push({
        title: e.detail && e.detail.title,
        shows: kinds.filter((k) => root && root.querySelector(`.${k}`)),
      });
    });
  });
  // Records Content-Security-Policy and Trusted Types violations (from the
  // document and from shadow roots: the event is composed).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ||= []).push(`${e.effectiveDirective}: ${e.blockedURI || ''} ${e.sample || ''}`.trim());
    }, true);
  });
  const page = await context.newPage();
  return { context, page, uses: 0, spent: false, origins: new Set() };  // origins: those the page asked, to clear
}

// Opens a page with no cache, storage or history of an earlier test (see
// SPARE_USES above for how a page is reused). Collects uncaught page errors,
// console errors, dialogs and every request URL; cspViolations() returns the
// page's securitypolicyviolation events so far. `waitUntil` is passed to
// page.goto ('commit' returns before the page loads).
export async function openPage(env, urlPath, { viewport = { width: 1280, height: 800 }, waitUntil = 'load' } = {}) {
  let slot = env.spare;
  env.spare = null;
  if (slot) {
    await slot.page.goto('about:blank');
    const cdp = await slot.context.newCDPSession(slot.page);
    for (const origin of slot.origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    await cdp.detach();
    slot.origins.clear();
    await slot.context.clearCookies();
    await slot.page.setViewportSize(viewport);
  } else {
    slot = await newSlot(env, viewport);
  }
  slot.uses += 1;
  const { context, page: realPage } = slot;
  const errors = [];
  const consoleErrors = [];
  const dialogs = [];
  const requests = [];
  const listeners = {
    pageerror: (err) => errors.push(err.message),
    console: (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); },
    dialog: (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); },
    request: (r) => {
      requests.push(r.url());
      if (/^https?:/.test(r.url())) slot.origins.add(new URL(r.url()).origin);
    },
  };
  for (const [event, fn] of Object.entries(listeners)) realPage.on(event, fn);
  const page = watched(realPage, slot, (prop) => SPENDING_PAGE_CALLS.has(prop));
  const testContext = watched(context, slot, () => true);
  if (urlPath != null) await page.goto(env.server.url(urlPath), { waitUntil });
  const cspViolations = () => page.evaluate(() => window.__cspViolations || []);
  const close = async () => {
    for (const [event, fn] of Object.entries(listeners)) realPage.off(event, fn);
    if (slot.spent || slot.uses >= SPARE_USES || env.spare || realPage.isClosed() || !env.browser.isConnected()) {
      await context.close().catch(() => {});
    } else {
      env.spare = slot;
    }
  };
  return { context: testContext, page, errors, consoleErrors, dialogs, requests, cspViolations, close };
}

// Waits until the widget shows `selector` (inside its shadow root; Playwright
// CSS locators pierce open shadow roots) and returns the locator.
export async function waitForBlog(page, selector, { timeout = 10000, hasText } = {}) {
  const loc = page.locator(`wasm-blog ${selector}`, hasText ? { hasText } : undefined).first();
  await loc.waitFor({ state: 'attached', timeout });
  return loc;
}

// Waits for a 'wasm-blog-rendered' event whose screen shows `kind`
// ('post-content', 'post-entry', ...): the screen is complete, code and math
// included. `after`: only events after the first `after` ones (see renderedCount).
export async function waitForRendered(page, kind, { timeout = 10000, after = 0 } = {}) {
  await page.waitForFunction(([k, n]) => (window.__wasmBlogRendered || []).slice(n).some((r) => r.shows.includes(k)),
    [kind, after], { timeout });
}

// How many 'wasm-blog-rendered' events the page has seen so far.
export function renderedCount(page) {
  return page.evaluate(() => (window.__wasmBlogRendered || []).length);
}

// Polls fn until it returns a truthy value, and returns it. When the time runs
// out it throws, naming what it waited for (`what`, else fn's source) and the
// last value, so the test fails there.
export async function eventually(fn, { timeout = 5000, interval = 50, what } = {}) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await fn();
    if (value) return value;
    if (Date.now() > end) {
      let last;
      try { last = JSON.stringify(value); } catch { last = String(value); }
      throw new Error(`timed out after ${timeout} ms waiting for ${what || fn.toString()} (last value: ${last})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

// The hash part of the page's URL ("#/posts/lets-go").
export function hashOf(page) {
  const u = new URL(page.url());
  return u.hash;
}

export function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
