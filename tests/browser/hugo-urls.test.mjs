// A Hugo blog carried over by `wasm-blog build` (issue 16): the fixture
// tests/fixtures/hugo-blog/ built into a temporary folder and served at the
// host's root, as a static host serves it. Its pages are at the URLs Debian's
// Hugo 0.111.3 gives them (tests/hugo_site_test.cpp lists them), and the
// widget routes to those same paths in the page: a nested post, a post with
// `url:`, a term merged from two letter cases, the French home under /fr/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROOT, openPage, renderedCount, useBrowser, waitForBlog, waitForRendered } from './harness.mjs';

const TOOL = process.env.BLOG_TOOL ? path.resolve(process.env.BLOG_TOOL) : path.join(ROOT, 'build/native/wasm-blog');
const SITE = path.join(ROOT, 'tests/fixtures/hugo-blog');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-blog-hugo-urls-'));
const OUT = path.join(tmp, 'public');
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

const env = useBrowser({ setup(server) {
  execFileSync(TOOL, ['build', SITE, OUT, '--base-url', 'https://compat.example/', '--assets', DIST],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  // A static host at the root: the file, a folder's index.html, else 404.html with 404.
  server.route('/', (req, res, ctx) => {
    if (ctx.file(OUT)) return ctx.serve({}, OUT);
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(fs.readFileSync(path.join(OUT, '404.html')));
  });
} });

const pathOf = (page) => new URL(page.url()).pathname;
// The list's entry whose title is `title` exactly (a summary may name another post).
const escapeRe = (text) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
const entry = (page, title) => page.locator('wasm-blog .post-entry')
  .filter({ has: page.locator('h2', { hasText: new RegExp(`^\\s*${escapeRe(title)}\\s*$`) }) });

test('hugo urls: a nested post opens at its Hugo URL, and the list leads in-page to a post with a custom url', async () => {
  const { page, errors, close } = await openPage(env, '/post/2021/spring-notes/');
  try {
    await waitForRendered(page, 'post-content');
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'Spring Notes');
    assert.equal(await page.title(), 'Spring Notes | Compat Notes');
    assert.equal(pathOf(page), '/post/2021/spring-notes/');
    await page.evaluate(() => { window.__sameDocument = true; });

    // To the home list by the header's link, then to the post whose front
    // matter sets url: /custom/moved-post/.
    let seen = await renderedCount(page);
    await page.locator('wasm-blog .logo a').click();
    await page.waitForURL((u) => new URL(u).pathname === '/');
    await waitForRendered(page, 'post-entry', { after: seen });
    seen = await renderedCount(page);
    await entry(page, 'Moved Post').click();
    await page.waitForURL((u) => new URL(u).pathname === '/custom/moved-post/');
    await waitForRendered(page, 'post-content', { after: seen });
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'Moved Post');
    assert.equal(await page.title(), 'Moved Post | Compat Notes');

    // Back, then a permalink-pattern note and a bundle whose folder is "My Trip!".
    await page.goBack();
    await page.waitForURL((u) => new URL(u).pathname === '/');
    await waitForBlog(page, '.post-entry', { hasText: 'First Note' });
    seen = await renderedCount(page);
    await entry(page, 'First Note').click();
    await page.waitForURL((u) => new URL(u).pathname === '/2023/04/tiny-note/');
    await waitForRendered(page, 'post-content', { after: seen });
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'First Note');
    await page.goBack();
    await waitForBlog(page, '.post-entry', { hasText: 'My Trip!' });
    seen = await renderedCount(page);
    await entry(page, 'My Trip!').click();
    await page.waitForURL((u) => new URL(u).pathname === '/post/my-trip/');
    await waitForRendered(page, 'post-content', { after: seen });
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'My Trip!');
    // The bundle's photo loads.
    await page.waitForFunction(() => {
      const img = document.querySelector('wasm-blog').shadowRoot.querySelector('.post-content img');
      return img && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 10000 });

    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the widget routed in the page, no reload');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('hugo urls: a link in a post to another post\'s Hugo URL is followed in the page', async () => {
  const { page, errors, close } = await openPage(env, '/post/2021/spring-notes/');
  try {
    await waitForRendered(page, 'post-content');
    await page.evaluate(() => { window.__sameDocument = true; });
    const seen = await renderedCount(page);
    await page.locator('wasm-blog .post-content a', { hasText: 'the moved post' }).click();
    await page.waitForURL((u) => new URL(u).pathname === '/custom/moved-post/');
    await waitForRendered(page, 'post-content', { after: seen });
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'Moved Post');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('hugo urls: /tags/macos/ lists the posts tagged macOS and MacOS; CI/CD is at /tags/ci/cd/', async () => {
  const { page, errors, close } = await openPage(env, '/tags/macos/');
  try {
    await waitForRendered(page, 'post-entry');
    const titles = await page.locator('wasm-blog .post-entry h2').allInnerTexts();
    assert.deepEqual(titles.map((t) => t.trim()).sort(), ['First Post', 'Spring Notes']);
    assert.equal(pathOf(page), '/tags/macos/');

    await page.goto(env.server.url('/tags/ci/cd/'));
    await waitForRendered(page, 'post-entry');
    const cicd = await page.locator('wasm-blog .post-entry h2').allInnerTexts();
    assert.deepEqual(cicd.map((t) => t.trim()).sort(), ['First Post', 'Part 1: Setup']);
    assert.equal(pathOf(page), '/tags/ci/cd/');

    // From a post, its tag link goes to Hugo's term URL.
    await page.goto(env.server.url('/post/first-post/'));
    await waitForRendered(page, 'post-content');
    const seen = await renderedCount(page);
    await page.locator('wasm-blog .post-tags a', { hasText: 'CI/CD' }).click();
    await page.waitForURL((u) => new URL(u).pathname === '/tags/ci/cd/');
    await waitForRendered(page, 'post-entry', { after: seen });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('hugo urls: the French home is at /fr/ and leads to the French post at /fr/post/first-post/', async () => {
  const { page, errors, close } = await openPage(env, '/fr/');
  try {
    await waitForRendered(page, 'post-entry');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    assert.match(await page.title(), /Notes de Compat/);
    const titles = await page.locator('wasm-blog .post-entry h2').allInnerTexts();
    assert.deepEqual(titles.map((t) => t.trim()), ['Premier billet']);
    await page.evaluate(() => { window.__sameDocument = true; });
    const seen = await renderedCount(page);
    await entry(page, 'Premier billet').click();
    await page.waitForURL((u) => new URL(u).pathname === '/fr/post/first-post/');
    await waitForRendered(page, 'post-content', { after: seen });
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'Premier billet');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
