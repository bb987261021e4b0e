// A site built by the native tool (`wasm-blog build`, issue 7): the sample
// blog built into a temporary folder and served under /blog/ as a static host
// would serve it (a folder's index.html, 404.html for a missing path).
// - With JavaScript off, every prerendered page shows its screen and its
//   links lead to the other pages.
// - With JavaScript on, the widget takes each page over without re-rendering
//   it (the served nodes stay, nothing moves) and then navigates by real
//   paths, Back and Forward included.
// - The sitemap lists every page the site has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROOT, eventually, openPage, useBrowser, waitForBlog } from './harness.mjs';

const TOOL = process.env.BLOG_TOOL ? path.resolve(process.env.BLOG_TOOL) : path.join(ROOT, 'build/native/wasm-blog');
const BASE = 'https://example.com/blog/';
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-blog-built-'));
const OUT = path.join(site, 'public');
// The sample blog (hugo.toml and posts/ of the repository), four posts a page
// so that the list and a tag have several pages.
const SITE = path.join(site, 'src');
fs.cpSync(path.join(ROOT, 'posts'), path.join(SITE, 'posts'), { recursive: true });
fs.writeFileSync(path.join(SITE, 'hugo.toml'), fs.readFileSync(path.join(ROOT, 'hugo.toml'), 'utf8')
  .replace(/pagerSize\s*=\s*\d+/, 'pagerSize = 4'));
process.on('exit', () => fs.rmSync(site, { recursive: true, force: true }));

// Every HTML file of the built site, as the path it is served at ("/blog/posts/x/").
function builtPages(dir = OUT, rel = '') {
  const pages = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const name = path.posix.join(rel, entry.name);
    if (entry.isDirectory()) pages.push(...builtPages(dir, name));
    else if (entry.name === 'index.html') pages.push(`/blog/${rel ? `${rel}/` : ''}`);
  }
  return pages.sort();
}
const isRedirect = (urlPath) => fs.readFileSync(path.join(OUT, urlPath.slice('/blog/'.length), 'index.html'), 'utf8')
  .includes('http-equiv="refresh"');

let sitemapPaths = [];
const env = useBrowser({ setup(server) {
  execFileSync(TOOL, ['build', SITE, OUT, '--base-url', BASE, '--assets', DIST], { stdio: ['ignore', 'pipe', 'pipe'] });
  const sitemap = fs.readFileSync(path.join(OUT, 'sitemap.xml'), 'utf8');
  sitemapPaths = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]).pathname).sort();
  // A static host: the file, a folder's index.html, else 404.html with 404.
  server.route('/blog/', (req, res, ctx) => {
    if (ctx.file(OUT)) return ctx.serve({}, OUT);
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(fs.readFileSync(path.join(OUT, '404.html')));
  });
  // The same pages with one title changed after the build: a page the core
  // would render differently must be replaced, not kept.
  server.route('/stale/blog/', (req, res) => {
    const file = path.join(OUT, req.url.slice('/stale/blog/'.length).split('#')[0], 'index.html');
    const html = fs.readFileSync(file, 'utf8').replace('<h1 class="post-title">Lets Go</h1>', '<h1 class="post-title">Lets Go (old build)</h1>')
      .replaceAll('root="/blog/"', 'root="/stale/blog/"');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
} });

// Records, before any script of the page runs, the served screen (its node
// and markup) and every layout shift.
async function watchTakeover(context) {
  await context.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      window.__served = document.querySelector('wasm-blog > div.wasm-blog');
      window.__servedHtml = window.__served && window.__served.innerHTML;
      window.__servedKind = document.querySelector('wasm-blog').getAttribute('data-kind');
      // The first frame's background (a frame waits for the page's stylesheet).
      requestAnimationFrame(() => { window.__servedBg = getComputedStyle(document.body).backgroundColor; });
    });
    document.addEventListener('wasm-blog-rendered', (e) => {
      (window.__takeovers ||= []).push(e.detail.prerendered || null);
    });
  });
}

// The pages the browser visits: one of each screen kind as served (the
// widget's data-kind), and of each kind's later pages (/page/N/) and of
// posts with and without code; every page with BLOG_WALK_ALL=1. That each
// page holds the core's own screen for its path, byte for byte, is checked
// for every page natively (build_test.cpp, "each page holds the screen...").
function screenSample(paths) {
  if (process.env.BLOG_WALK_ALL === '1') return paths;
  const seen = new Set();
  return paths.filter((urlPath) => {
    const html = fs.readFileSync(path.join(OUT, urlPath.slice('/blog/'.length), 'index.html'), 'utf8');
    const kind = (html.match(/<wasm-blog\b[^>]*\bdata-kind="([^"]*)"/) || [])[1];
    const key = [kind, /\/page\/\d+\/$/.test(urlPath), /<pre\b/.test(html)].join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const firstRendered = (page) => eventually(() => page.evaluate(() => (window.__takeovers || [])[0]),
  { timeout: 15000, what: 'the first wasm-blog-rendered event' });

test('built: the sitemap lists every page of the site, and every page is prerendered', () => {
  const pages = builtPages().filter((p) => !isRedirect(p));
  assert.ok(pages.length >= 15, `pages: ${pages.join(' ')}`);
  assert.deepEqual(sitemapPaths, pages);
  for (const want of ['/blog/', '/blog/page/2/', '/blog/page/3/', '/blog/posts/lets-go/', '/blog/tags/',
    '/blog/tags/go/', '/blog/tags/papers/page/2/']) {
    assert.ok(pages.includes(want), `${want} is built`);
  }
  assert.ok(fs.existsSync(path.join(OUT, '404.html')));
});

test('built: with JavaScript on, the widget keeps each kind of prerendered screen as served (same nodes, no layout shift)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await watchTakeover(context);
  try {
    const sample = screenSample(sitemapPaths);
    assert.ok(sample.length >= 6, `screens visited: ${sample.join(' ')}`);
    for (const urlPath of sample) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(env.server.url(urlPath));
      assert.equal(await firstRendered(page), 'kept', `${urlPath}: the core's screen is the prerendered one`);
      // On a busy machine the first frame may come after the takeover.
      await eventually(() => page.evaluate(() => window.__servedBg), { what: `${urlPath}: the first frame` });
      const state = await page.evaluate(() => {
        const host = document.querySelector('wasm-blog');
        const view = host.shadowRoot.querySelector('div.wasm-blog');
        return {
          sameNode: view === window.__served,
          lightDomLeft: host.querySelectorAll(':scope > div.wasm-blog').length,
          hasCode: !!view.querySelector('pre code[class*="language-"]'),
          same: view.innerHTML === window.__servedHtml,
          shifts: window.__shifts,
          title: document.title,
          servedKind: window.__servedKind,
          kind: host.getAttribute('data-kind'),
          servedBg: window.__servedBg,
          bg: getComputedStyle(document.body).backgroundColor,
        };
      });
      assert.ok(state.sameNode, `${urlPath}: the served nodes are the ones on screen`);
      assert.equal(state.lightDomLeft, 0, `${urlPath}: no second copy`);
      if (!state.hasCode) assert.ok(state.same, `${urlPath}: the markup is unchanged`);
      assert.equal(state.shifts, 0, `${urlPath}: nothing moved`);
      // PaperMod's grey list pages: the served page says its screen's kind,
      // so the first frame has the background, and the takeover keeps it.
      assert.equal(state.kind, state.servedKind, `${urlPath}: the screen's kind as served`);
      const post = /\/posts\/[^/]+\/$/.test(urlPath);
      assert.ok(post ? state.servedKind === 'post' : /^[a-z-]+$/.test(state.servedKind || '') && state.servedKind !== 'post',
        `${urlPath}: served as ${state.servedKind}`);
      assert.equal(state.servedBg, post ? 'rgb(255, 255, 255)' : 'rgb(245, 245, 245)', `${urlPath}: the first frame's background`);
      assert.equal(state.bg, state.servedBg, `${urlPath}: the background after the takeover`);
      assert.ok(state.title.endsWith('Jose Villalta'), `${urlPath}: title ${state.title}`);
      assert.deepEqual(errors, [], urlPath);
      await page.close();
    }
  } finally {
    await context.close();
  }
});

test('built: a served page the core would render differently is replaced by the core\'s screen', async () => {
  const context = await env.browser.newContext();
  await watchTakeover(context);
  try {
    const page = await context.newPage();
    await page.goto(env.server.url('/stale/blog/posts/lets-go/'));
    assert.equal(await firstRendered(page), 'replaced');
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'Lets Go');
    assert.equal(await page.evaluate(() => document.querySelectorAll('wasm-blog > div.wasm-blog').length), 0);
  } finally {
    await context.close();
  }
});

test('built: with JavaScript off, each kind of page shows its screen and its links lead to the other pages', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    for (const urlPath of screenSample(sitemapPaths)) {
      const response = await page.goto(env.server.url(urlPath));
      assert.equal(response.status(), 200, urlPath);
      const text = await page.locator('wasm-blog main').innerText();
      assert.ok(text.trim().length > 20, `${urlPath} shows its screen`);
      assert.ok(await page.locator('wasm-blog main').isVisible(), `${urlPath}: visible`);
    }
    // List -> next page -> a post -> one of its tags -> the tags page -> home.
    await page.goto(env.server.url('/blog/'));
    await page.locator('wasm-blog .pagination a.next').click();
    await page.waitForURL('**/blog/page/2/');
    assert.ok((await page.locator('wasm-blog .post-entry').count()) > 0);
    await page.locator('wasm-blog .post-entry').first().click();
    await page.waitForURL(/\/blog\/posts\/[^/]+\/$/);
    assert.ok((await page.locator('wasm-blog .post-content').innerText()).length > 100);
    await page.goto(env.server.url('/blog/posts/lets-go/'));
    await page.locator('wasm-blog .post-tags a', { hasText: 'go' }).first().click();
    await page.waitForURL('**/blog/tags/go/');
    assert.ok(await page.locator('wasm-blog .post-entry', { hasText: 'Lets Go' }).count());
    await page.goto(env.server.url('/blog/tags/'));
    await page.locator('wasm-blog .terms-tags a', { hasText: 'go' }).first().click();
    await page.waitForURL('**/blog/tags/go/');
    await page.locator('wasm-blog .logo a').click();
    await page.waitForURL('**/blog/');
    // Headings have anchors at real paths too.
    await page.goto(env.server.url('/blog/posts/lets-go/'));
    const anchor = await page.locator('wasm-blog .post-content h2 a.anchor').first().getAttribute('href');
    assert.match(anchor, /^\/blog\/posts\/lets-go\/#/);
  } finally {
    await context.close();
  }
});

test('built: the widget navigates by real paths without reloading, Back and Forward included', async () => {
  const { page, errors, close } = await openPage(env, '/blog/');
  try {
    await waitForBlog(page, '.post-entry');
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('wasm-blog .post-entry', { hasText: 'Lets Go' }).click();
    await page.waitForURL('**/blog/posts/lets-go/');
    await waitForBlog(page, '.post-content');
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'Lets Go');
    assert.equal(await page.title(), 'Lets Go | Jose Villalta');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');

    await page.locator('wasm-blog .post-tags a', { hasText: 'go' }).first().click();
    await page.waitForURL('**/blog/tags/go/');
    await waitForBlog(page, '.page-header h1', { hasText: 'go' });

    await page.goBack();
    await page.waitForURL('**/blog/posts/lets-go/');
    await waitForBlog(page, 'h1.post-title', { hasText: 'Lets Go' });
    await page.goBack();
    await page.waitForURL(/\/blog\/$/);
    await waitForBlog(page, '.post-entry');
    await page.goForward();
    await page.waitForURL('**/blog/posts/lets-go/');
    await waitForBlog(page, 'h1.post-title', { hasText: 'Lets Go' });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'Back and Forward stay in the page');

    // A link that is not a screen (the feed) is left to the browser.
    const feed = await page.evaluate(() => document.querySelector('link[rel="alternate"]').getAttribute('href'));
    assert.equal(feed, '/blog/index.xml');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('built: a reload or a shared link of any screen opens that screen; a missing path is the 404 page', async () => {
  const { page, errors, close } = await openPage(env, '/blog/posts/paper-day-7-borg/');
  try {
    await waitForBlog(page, '.post-content');
    assert.match(await page.locator('wasm-blog h1.post-title').innerText(), /Borg/);
    await page.reload();
    await waitForBlog(page, '.post-content');
    assert.match(await page.locator('wasm-blog h1.post-title').innerText(), /Borg/);
    const response = await page.goto(env.server.url('/blog/no/such/page/'));
    assert.equal(response.status(), 404);
    await waitForBlog(page, '.not-found', { hasText: '/blog/no/such/page/' });
    await page.locator('wasm-blog .not-found a.back').click();
    await page.waitForURL(/\/blog\/$/);
    await waitForBlog(page, '.post-entry');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
