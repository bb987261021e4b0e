// The widget never stays blank or spins forever: a request without a response
// ends in a message with "Try again", a failure can be retried without a
// reload, something shows before the engine arrives, and a missing engine
// says so in a reader's words. Each case has its own route on the test server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, eventually, openPage, renderedCount, useBrowser, waitForBlog, waitForRendered } from './harness.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const TIMEOUT = 800;  // the response-timeout these pages set (the default is 15 s)

// A standalone page like dist/index.html, without its preloads (a preload
// would count as the first request of a route that changes over time).
const page = (attrs) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title>
<link rel="stylesheet" href="wasm-blog.css"><script type="module" src="wasm-blog.js"></script></head>
<body><wasm-blog ${attrs}></wasm-blog></body></html>`;
const PAGE = page(`src="posts/index.json" response-timeout="${TIMEOUT}"`);

function sendHtml(res, html) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

const LAST_LINE = 'If you spot something wrong, let me know.';
const wasmSent = { at: 0 };  // when /slow-wasm/ answered for blog-core.wasm

const env = useBrowser({ setup(server) {
  // Every .json and .md request gets no answer at all.
  server.route('/hang/', (req, res, ctx) => {
    if (ctx.rel === 'page.html') return sendHtml(res, PAGE);
    if (/\.(json|md)$/.test(ctx.rel)) return;  // never answers
    ctx.serve();
  });
  // The index answers; the posts never do.
  server.route('/hang-post/', (req, res, ctx) => {
    if (ctx.rel === 'page.html') return sendHtml(res, PAGE);
    if (ctx.rel.endsWith('.md')) return;
    ctx.serve();
  });
  // Posts: headers at once, then the body in ten pieces over 2.5 s (> the timeout).
  server.route('/trickle/', async (req, res, ctx) => {
    if (ctx.rel === 'page.html') return sendHtml(res, PAGE);
    if (!ctx.rel.endsWith('.md')) return ctx.serve();
    const body = fs.readFileSync(ctx.file());
    res.on('error', () => {});
    res.writeHead(200, { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store' });
    res.flushHeaders();
    const pieces = 10;
    for (let i = 0; i < pieces; i++) {
      await sleep(250);
      res.write(body.subarray(Math.floor((i * body.length) / pieces), Math.floor(((i + 1) * body.length) / pieces)));
    }
    res.end();
  });
  // Posts: headers and part of the body, then nothing more (a dead
  // connection): lets-go.md 40 KB of the 100 KB its Content-Length says,
  // new-blog.md nothing at all and no Content-Length.
  server.route('/stall/', async (req, res, ctx) => {
    if (ctx.rel === 'page.html') return sendHtml(res, PAGE);
    if (!ctx.rel.endsWith('.md')) return ctx.serve();
    res.on('error', () => {});
    const lengths = ctx.rel === 'posts/lets-go.md' ? { 'Content-Length': 100 * 1024 } : {};
    res.writeHead(200, { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store', ...lengths });
    if (lengths['Content-Length']) res.write(`# Stalled\n\n${'word '.repeat(8192)}`);  // 40 KB and 11 bytes
    else res.flushHeaders();
  });
  // The index fails with HTTP 500 the first time, then is served.
  server.route('/flaky/', (req, res, ctx) => {
    if (ctx.rel === 'page.html') return sendHtml(res, PAGE);
    if (ctx.rel === 'posts/index.json' && ctx.hit === 1) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      return res.end('Internal Server Error');
    }
    ctx.serve();
  });
  // A post's first response breaks off after its headers (a network error:
  // Chromium silently retries a request whose connection closes before any
  // response, but not one whose body fails), then it is served.
  server.route('/flaky-post/', (req, res, ctx) => {
    if (ctx.rel === 'page.html') return sendHtml(res, PAGE);
    if (ctx.rel.endsWith('.md') && ctx.hit === 1) {
      res.writeHead(200, { 'Content-Type': 'text/markdown; charset=utf-8', 'Content-Length': 100000 });
      res.write('# The start of a post that never ');
      setTimeout(() => req.socket.destroy(), 100);
      return;
    }
    ctx.serve();
  });
  // dist/ with blog-core.wasm answered after 4 s.
  server.route('/slow-wasm/', async (req, res, ctx) => {
    if (ctx.rel === 'blog-core.wasm') {
      await sleep(4000);
      wasmSent.at = Date.now();
    }
    ctx.serve();
  });
  // dist/ without blog-core.wasm.
  server.route('/no-wasm/', (req, res, ctx) => {
    if (ctx.rel === 'blog-core.wasm') return ctx.serve({}, '/nonexistent');
    ctx.serve();
  });
  // dist/ without blog-core.js (the engine's JavaScript half).
  server.route('/no-glue/', (req, res, ctx) => {
    if (ctx.rel === 'page.html') return sendHtml(res, PAGE);
    if (ctx.rel === 'blog-core.js') return ctx.serve({}, '/nonexistent');
    ctx.serve();
  });
  // blog-core.wasm never answers.
  server.route('/hang-wasm/', (req, res, ctx) => {
    if (ctx.rel === 'page.html') return sendHtml(res, PAGE);
    if (ctx.rel === 'blog-core.wasm') return;
    ctx.serve();
  });
  // blog-core.wasm is missing the first time, there the second.
  server.route('/wasm-once/', (req, res, ctx) => {
    if (ctx.rel === 'page.html') return sendHtml(res, PAGE);
    if (ctx.rel === 'blog-core.wasm' && ctx.hit === 1) return ctx.serve({}, '/nonexistent');
    ctx.serve();
  });
  // blog-core.wasm with a MIME type that streaming compilation refuses.
  server.route('/wasm-octet/', (req, res, ctx) => {
    if (ctx.rel === 'blog-core.wasm') {
      const body = fs.readFileSync(ctx.file());
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
      return res.end(body);
    }
    ctx.serve();
  });
} });

const hits = (path) => env.server.requests.filter((r) => r.path === path).length;
const message = (page) => page.locator('wasm-blog .notice-error p').first().innerText();
const retryButton = (page) => page.locator('wasm-blog .notice-error button.retry');

// Presses "Try again" (a click, or Enter from the keyboard) after leaving a
// marker in the page: the marker survives only if the page was not reloaded.
async function retryInPlace(page, { keyboard = false } = {}) {
  await page.evaluate(() => { window.__sameDocument = 'yes'; });
  if (keyboard) {
    await retryButton(page).focus();
    await page.keyboard.press('Enter');
  } else {
    await retryButton(page).click();
  }
}
const focused = (page) => page.evaluate(() => {
  const el = document.querySelector('wasm-blog').shadowRoot.activeElement;
  return el ? `${el.localName}.${el.className}` : null;
});
async function assertNoReload(page) {
  assert.equal(await page.evaluate(() => window.__sameDocument), 'yes', 'the page was not reloaded');
  assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1);
}

test('resilience: an index.json that never answers ends, after response-timeout, in a message with "Try again"', async () => {
  const { page, errors, close } = await openPage(env, null);
  try {
    // "Loading…" lasts the timeout (800 ms): recorded when it is shown, as a
    // busy machine may look only after it is gone.
    await page.addInitScript(() => {
      window.__sawLoading = false;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function attachShadow(init) {
        const root = attach.call(this, init);
        new MutationObserver(() => { if (root.querySelector('p.loading')) window.__sawLoading = true; })
          .observe(root, { childList: true, subtree: true });
        return root;
      };
    });
    const sawLoading = () => eventually(() => page.evaluate(() => window.__sawLoading), { what: '"Loading…" shown' });
    const start = Date.now();
    await page.goto(env.server.url('/hang/page.html'), { waitUntil: 'commit' });
    await sawLoading();
    await waitForRendered(page, 'notice-error', { timeout: 5000 });
    const waited = Date.now() - start;
    assert.ok(waited >= TIMEOUT, `not before the timeout (${waited} ms)`);
    assert.equal(await message(page),
      `Could not load ${env.server.url('/hang/posts/index.json')}: no response from the server after ${TIMEOUT} ms.`);
    assert.equal(await retryButton(page).innerText(), 'Try again');
    assert.equal(await page.locator('wasm-blog p.loading').count(), 0, 'no longer loading');
    // "Try again" asks the server again, and says so again when it still does not answer.
    const before = hits('/hang/posts/index.json');
    await page.evaluate(() => { window.__sawLoading = false; });
    await retryInPlace(page);
    await eventually(() => hits('/hang/posts/index.json') === before + 1, { what: 'a second request for the index' });
    await sawLoading();
    await waitForBlog(page, '.notice-error p', { hasText: 'no response from the server', timeout: 5000 });
    await assertNoReload(page);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: a post that never answers ends in a message with "Try again"; the index is not refetched', async () => {
  const { page, errors, close } = await openPage(env, '/hang-post/page.html#/posts/lets-go');
  try {
    await waitForRendered(page, 'notice-error', { timeout: 5000 });
    assert.equal(await message(page),
      `Could not load ${env.server.url('/hang-post/posts/lets-go.md')}: no response from the server after ${TIMEOUT} ms.`);
    await retryInPlace(page);
    await eventually(() => hits('/hang-post/posts/lets-go.md') === 2, { what: 'a second request for the post' });
    await waitForBlog(page, '.notice-error p', { hasText: 'no response from the server', timeout: 5000 });
    assert.equal(hits('/hang-post/posts/index.json'), 1);
    await assertNoReload(page);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: a body still arriving after its headers is not cut off by the timeout', async () => {
  const { page, errors, close } = await openPage(env, null);
  try {
    const start = Date.now();
    await page.goto(env.server.url('/trickle/page.html#/posts/lets-go'));
    await waitForBlog(page, '.post-content p', { hasText: LAST_LINE, timeout: 10000 });
    const took = Date.now() - start;
    assert.ok(took > 2 * TIMEOUT, `the body took longer than the timeout (${took} ms)`);
    const shown = await page.evaluate(() => window.__wasmBlogRendered.flatMap((r) => r.shows));
    assert.ok(!shown.includes('notice-error'), `no error screen on the way: ${shown}`);
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'Lets Go');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: a body that stops arriving is given up after the timeout, saying how much of it came, with "Try again"', async () => {
  const { page, errors, close } = await openPage(env, '/stall/page.html#/posts/lets-go');
  try {
    await waitForRendered(page, 'notice-error');
    assert.equal(await message(page), `Could not load ${env.server.url('/stall/posts/lets-go.md')}: `
      + `the server stopped sending it after 40 KB of 100 KB (nothing more for ${TIMEOUT} ms).`);
    assert.equal(await page.locator('wasm-blog .notice-error button.retry').count(), 1);
    // Headers, then nothing of the body (and no Content-Length).
    const before = await renderedCount(page);
    await page.evaluate(() => { location.hash = '#/posts/new-blog'; });
    await waitForRendered(page, 'notice-error', { after: before });
    assert.equal(await message(page), `Could not load ${env.server.url('/stall/posts/new-blog.md')}: `
      + `the server answered but sent none of it (nothing for ${TIMEOUT} ms).`);
    assert.equal(await page.locator('wasm-blog .notice-error button.retry').count(), 1);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: an index that fails once (HTTP 500) shows the list after "Try again", without a reload', async () => {
  const { page, errors, close } = await openPage(env, '/flaky/page.html');
  try {
    await waitForRendered(page, 'notice-error');
    assert.equal(await message(page), `Could not load ${env.server.url('/flaky/posts/index.json')}: HTTP 500`);
    await retryInPlace(page);
    await waitForRendered(page, 'post-entry');
    assert.equal(await page.locator('wasm-blog .post-entry').count(), 10);
    assert.equal(await page.locator('wasm-blog .notice-error').count(), 0);
    assert.equal(hits('/flaky/posts/index.json'), 2);
    await assertNoReload(page);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: a post whose download breaks off (network error) shows after "Try again" (keyboard), without a reload', async () => {
  const { page, errors, close } = await openPage(env, '/flaky-post/page.html#/posts/lets-go');
  try {
    await waitForRendered(page, 'notice-error');
    assert.match(await message(page), new RegExp(`^Could not load ${env.server.url('/flaky-post/posts/lets-go.md')
      .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\S`));
    await retryInPlace(page, { keyboard: true });
    await waitForBlog(page, '.post-content p', { hasText: LAST_LINE });
    assert.equal(await focused(page), 'h1.post-title', 'the keyboard continues from the post\'s title');
    assert.equal(hits('/flaky-post/posts/lets-go.md'), 2);
    await assertNoReload(page);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: while the engine downloads, the widget shows "Loading…" at once, then the blog', async () => {
  const { page, errors, close } = await openPage(env, null);
  try {
    wasmSent.at = 0;
    const start = Date.now();
    await page.goto(env.server.url('/slow-wasm/'), { waitUntil: 'commit' });
    const loading = await waitForBlog(page, 'p.loading', { timeout: 1500 });
    await loading.waitFor({ state: 'visible', timeout: 1500 });
    const shownAfter = Date.now() - start;
    assert.ok(shownAfter < 1500, `"Loading…" within about a second (${shownAfter} ms)`);
    assert.equal(await loading.innerText(), 'Loading…');
    assert.equal(wasmSent.at, 0, 'the engine had not arrived yet');
    await waitForRendered(page, 'post-entry', { timeout: 15000 });
    assert.ok(wasmSent.at > 0 && Date.now() - start >= 4000, 'the list came after the delayed engine');
    assert.equal(await page.locator('wasm-blog .post-entry').count(), 10);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: a missing blog-core.wasm says so in a reader\'s words, with "Try again"', async () => {
  const { page, errors, close } = await openPage(env, '/no-wasm/');
  try {
    await waitForRendered(page, 'notice-error');
    assert.equal(await message(page),
      `The blog could not start: its engine (${env.server.url('/no-wasm/blog-core.wasm')}) could not be loaded (HTTP 404).`);
    assert.equal(await retryButton(page).innerText(), 'Try again');
    assert.doesNotMatch(await page.locator('wasm-blog').innerText(), /Aborted|ASSERTIONS/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: a missing blog-core.js says so too', async () => {
  const { page, errors, close } = await openPage(env, '/no-glue/page.html');
  try {
    await waitForRendered(page, 'notice-error');
    assert.ok((await message(page)).startsWith(
      `The blog could not start: its engine (${env.server.url('/no-glue/blog-core.js')}) could not be loaded (`),
    await message(page));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: "Try again" after a missing engine starts the blog once the engine is there, without a reload', async () => {
  const { page, errors, close } = await openPage(env, '/wasm-once/page.html');
  try {
    await waitForRendered(page, 'notice-error');
    assert.match(await message(page), /could not be loaded \(HTTP 404\)\.$/);
    await retryInPlace(page);
    await waitForRendered(page, 'post-entry');
    assert.equal(await page.locator('wasm-blog .post-entry').count(), 10);
    assert.equal(hits('/wasm-once/blog-core.wasm'), 2);
    await assertNoReload(page);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: a blog-core.wasm that never answers ends, after response-timeout, in a message with "Try again"', async () => {
  const { page, errors, close } = await openPage(env, null);
  try {
    await page.goto(env.server.url('/hang-wasm/page.html'), { waitUntil: 'commit' });
    await waitForRendered(page, 'notice-error', { timeout: 5000 });
    assert.equal(await message(page), `The blog could not start: its engine (${env.server.url('/hang-wasm/blog-core.wasm')
    }) could not be loaded (no response from the server after ${TIMEOUT} ms).`);
    // From the keyboard, "Try again" leads to the next "Try again".
    const before = await renderedCount(page);
    await retryInPlace(page, { keyboard: true });
    await eventually(() => hits('/hang-wasm/blog-core.wasm') === 2, { what: 'a second request for the engine' });
    await waitForRendered(page, 'notice-error', { after: before, timeout: 5000 });
    assert.equal(await focused(page), 'button.retry');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: the widget\'s default timeout for the engine is the core\'s (15 s), mirrored once', () => {
  const core = fs.readFileSync(path.join(ROOT, 'core/app/controller.hpp'), 'utf8').match(/struct ControllerConfig \{[\s\S]*?response_timeout_ms = (\d+);/);
  const widget = fs.readFileSync(path.join(ROOT, 'web/widget/engines.js'), 'utf8').match(/DEFAULT_RESPONSE_TIMEOUT_MS = (\d+);/);
  assert.ok(core && widget, 'both constants are found');
  assert.equal(widget[1], core[1]);
  assert.equal(core[1], '15000');
});

test('resilience: the standalone page compiles the engine while it downloads, from its one preloaded request', async () => {
  const { context, page, errors, requests, close } = await openPage(env, null);
  try {
    await context.addInitScript(() => {
      const calls = (window.__wasmCalls = []);
      const streaming = WebAssembly.compileStreaming;
      WebAssembly.compileStreaming = function (source) {
        calls.push('compileStreaming');
        return streaming.call(this, source);
      };
      const compile = WebAssembly.compile;
      WebAssembly.compile = function (bytes) {
        calls.push('compile');
        return compile.call(this, bytes);
      };
      const plain = WebAssembly.instantiate;
      WebAssembly.instantiate = function (source, imports) {
        calls.push(source instanceof WebAssembly.Module ? 'instantiate(Module)' : 'instantiate(bytes)');
        return plain.call(this, source, imports);
      };
    });
    await page.goto(env.server.url('/'));
    await waitForRendered(page, 'post-entry');
    assert.deepEqual(await page.evaluate(() => window.__wasmCalls), ['compileStreaming', 'instantiate(Module)']);
    assert.equal(requests.filter((u) => new URL(u).pathname === '/blog-core.wasm').length, 1,
      'the preload and the widget share one request');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('resilience: a blog-core.wasm served with the wrong MIME type still starts (ArrayBuffer fallback)', async () => {
  const { page, errors, consoleErrors, close } = await openPage(env, '/wasm-octet/');
  try {
    await waitForRendered(page, 'post-entry');
    assert.equal(await page.locator('wasm-blog .post-entry').count(), 10);
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});
