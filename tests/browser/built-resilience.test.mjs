// A site built by `wasm-blog build` whose takeover fails: what the page
// shows was served and stays as it is, the message above it with "Try
// again"; after "Try again" succeeds the widget takes the page over as usual.
// Each test sets `fault` to the failure it wants (the engine, the index, a
// post's Markdown); the built pages are served under /blog/ with a short
// response-timeout. Also: the click handler of a built page is tolerant of
// any href.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROOT, eventually, openPage, useBrowser, waitForRendered } from './harness.mjs';

const TOOL = process.env.BLOG_TOOL ? path.resolve(process.env.BLOG_TOOL) : path.join(ROOT, 'build/native/wasm-blog');
const TIMEOUT = 1000;  // the response-timeout the pages are served with (the default is 15 s)
const LAST_LINE = 'If you spot something wrong, let me know.';
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-blog-built-resilience-'));
const SITE = path.join(site, 'src');
const OUT = path.join(site, 'public');
fs.cpSync(path.join(ROOT, 'posts'), path.join(SITE, 'posts'), { recursive: true });
fs.copyFileSync(path.join(ROOT, 'hugo.toml'), path.join(SITE, 'hugo.toml'));
process.on('exit', () => fs.rmSync(site, { recursive: true, force: true }));

// fault(req, res, ctx): true when it answered the request (or left it hanging).
let fault = null;
const env = useBrowser({ setup(server) {
  execFileSync(TOOL, ['build', SITE, OUT, '--base-url', 'https://example.com/blog/', '--assets', DIST],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  // A static host, its pages with response-timeout set on the widget.
  server.route('/blog/', (req, res, ctx) => {
    if (fault && fault(req, res, ctx)) return;
    const file = ctx.file(OUT);
    if (file && file.endsWith('.html')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(fs.readFileSync(file, 'utf8').replace('<wasm-blog ', `<wasm-blog response-timeout="${TIMEOUT}" `));
    }
    if (file) return ctx.serve({}, OUT);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end('not found');
  });
} });

const hits = (p) => env.server.requests.filter((r) => r.path === p).length;
const failWith = (rel, status) => (req, res, ctx) => {
  if (ctx.rel !== rel) return false;
  res.writeHead(status, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
  res.end(`${status}`);
  return true;
};
const hang = (rel) => (req, res, ctx) => ctx.rel === rel;
// Serves the site with `handler`'s failure until mend() is called; the
// test's finally clears it.
function failUntilMended(handler) {
  let on = true;
  fault = (req, res, ctx) => on && handler(req, res, ctx);
  return { mend: () => { on = false; } };
}

// Opens urlPath recording, before any script runs, the served screen (its
// node and markup), every wasm-blog-error and wasm-blog-rendered detail.
async function openBuilt(urlPath) {
  const opened = await openPage(env, null);
  await opened.context.addInitScript(() => {
    window.__errors = [];
    window.__rendered = [];
    document.addEventListener('DOMContentLoaded', () => {
      window.__served = document.querySelector('wasm-blog > div.wasm-blog');
      window.__servedHtml = window.__served && window.__served.innerHTML;
    });
    document.addEventListener('wasm-blog-error', (e) => window.__errors.push(e.detail));
    document.addEventListener('wasm-blog-rendered', (e) => window.__rendered.push(e.detail));
  });
  await opened.page.goto(env.server.url(urlPath));
  return opened;
}
const errorEvents = (page) => page.evaluate(() => window.__errors);
const renderedEvents = (page) => page.evaluate(() => window.__rendered);
const nthError = (page, n, what) => eventually(async () => (await errorEvents(page))[n - 1],
  { timeout: 15000, what: what || `wasm-blog-error number ${n}` });
const takeover = (page) => eventually(async () => (await renderedEvents(page)).find((d) => d.prerendered),
  { timeout: 15000, what: 'the takeover (wasm-blog-rendered with detail.prerendered)' });

// The served screen is on show as served: the same node, the same markup,
// still in the page's light DOM.
const servedIntact = (page) => page.evaluate(() => {
  const host = document.querySelector('wasm-blog');
  const served = host.querySelector(':scope > div.wasm-blog');
  return served === window.__served && served.innerHTML === window.__servedHtml
    && !!host.shadowRoot.querySelector('slot');
});
const notice = (page) => page.locator('wasm-blog .notice-error');
const top = async (locator) => (await locator.boundingBox()).y;

async function pressTryAgain(page, { keyboard = false } = {}) {
  await page.evaluate(() => { window.__sameDocument = 'yes'; });
  if (keyboard) {
    await notice(page).locator('button.retry').focus();
    await page.keyboard.press('Enter');
  } else {
    await notice(page).locator('button.retry').click();
  }
}
const focused = (page) => page.evaluate(() => {
  const el = document.querySelector('wasm-blog').shadowRoot.activeElement;
  return el ? `${el.localName}.${el.className}` : null;
});
async function assertTakenOverInPlace(page) {
  assert.equal((await takeover(page)).prerendered, 'kept', 'the core\'s screen is the served one');
  assert.equal(await notice(page).count(), 0, 'the notice is gone');
  assert.equal(await page.evaluate(() => window.__sameDocument), 'yes', 'the page was not reloaded');
  assert.equal(await page.evaluate(() => document.querySelector('wasm-blog').shadowRoot.querySelector('div.wasm-blog')
    === window.__served), true, 'the served nodes are the widget\'s screen');
}

test('built, resilience: a post whose Markdown answers HTTP 500 keeps its title and body, the message above them, and "Try again" takes over', async () => {
  const failure = failUntilMended(failWith('posts/lets-go.md', 500));
  const { page, errors, close } = await openBuilt('/blog/posts/lets-go/');
  try {
    const error = await nthError(page, 1);
    assert.deepEqual(error, { message: 'Could not load /blog/posts/lets-go.md: HTTP 500', code: 'post',
      route: '/blog/posts/lets-go/', served: true });
    assert.equal(await notice(page).locator('p').first().innerText(), error.message);
    const title = page.locator('wasm-blog h1.post-title');
    const lastLine = page.locator('wasm-blog .post-content p', { hasText: LAST_LINE });
    assert.equal(await title.innerText(), 'Lets Go');
    assert.ok(await title.isVisible() && await lastLine.isVisible() && await notice(page).isVisible());
    assert.ok(await top(notice(page)) < await top(page.locator('wasm-blog .logo a')), 'the notice is above the served screen');
    assert.equal(await servedIntact(page), true, 'the served screen is untouched');
    assert.equal(await page.getAttribute('wasm-blog', 'data-kind'), 'post');
    assert.deepEqual(await renderedEvents(page), [], 'no screen of the core\'s was shown');
    // The served post's own anchors still lead within it.
    const anchor = page.locator('wasm-blog .post-content h2 a.anchor').last();
    const id = (await anchor.getAttribute('href')).split('#')[1];
    await anchor.evaluate((a) => a.click());  // shown on hover only
    await eventually(() => page.evaluate(() => location.hash), { what: 'the anchor in the URL' });
    assert.equal(new URL(page.url()).hash, `#${id}`);
    assert.ok(await page.evaluate(() => window.scrollY > 0), 'scrolled to the heading');
    assert.equal(await servedIntact(page), true);
    assert.equal(await notice(page).count(), 1);

    failure.mend();
    const asked = hits('/blog/posts/lets-go.md');
    await pressTryAgain(page, { keyboard: true });
    await assertTakenOverInPlace(page);
    assert.equal(await focused(page), 'h1.post-title', 'the keyboard continues from the post\'s title');
    assert.equal(await lastLine.isVisible(), true);
    assert.equal(hits('/blog/posts/lets-go.md'), asked + 1);
    // (The anchor's navigation asked for the post again, and said so again.)
    assert.ok((await errorEvents(page)).every((e) => e.served && e.code === 'post'));
    assert.deepEqual(errors, []);
  } finally {
    fault = null;
    await close();
  }
});

test('built, resilience: a post whose Markdown is missing (HTTP 404) keeps its served text, the message above it, and "Try again" takes over', async () => {
  const failure = failUntilMended(failWith('posts/lets-go.md', 404));
  const { page, errors, close } = await openBuilt('/blog/posts/lets-go/');
  try {
    const error = await nthError(page, 1);
    assert.deepEqual(error, { message: 'Could not load /blog/posts/lets-go.md: HTTP 404', code: 'post',
      route: '/blog/posts/lets-go/', served: true });
    assert.ok(await page.locator('wasm-blog .post-content p', { hasText: LAST_LINE }).isVisible());
    assert.equal(await page.locator('wasm-blog .not-found').count(), 0, 'not "Post not found" over a served post');
    assert.equal(await servedIntact(page), true);

    failure.mend();
    await pressTryAgain(page);
    await assertTakenOverInPlace(page);
    assert.deepEqual(errors, []);
  } finally {
    fault = null;
    await close();
  }
});

test('built, resilience: an index.json that never answers keeps the header and the list, the message above them, and "Try again" takes over', async () => {
  const failure = failUntilMended(hang('posts/index.json'));
  const { page, errors, close } = await openBuilt('/blog/');
  try {
    const entries = page.locator('wasm-blog .post-entry');
    const served = await entries.count();
    assert.ok(served >= 4, `the served list has its entries (${served})`);
    const error = await nthError(page, 1);
    assert.deepEqual(error, { message: `Could not load /blog/posts/index.json: no response from the server after ${TIMEOUT / 1000} s.`,
      code: 'index', route: '/blog/', served: true });
    assert.equal(await notice(page).locator('p').first().innerText(), error.message);
    assert.equal(await entries.count(), served);
    assert.ok(await page.locator('wasm-blog .logo a').isVisible() && await page.locator('wasm-blog #menu').isVisible()
      && await entries.first().isVisible(), 'the header and the list stay');
    assert.ok(await top(notice(page)) < await top(page.locator('wasm-blog .logo a')));
    assert.equal(await servedIntact(page), true);
    assert.deepEqual(await renderedEvents(page), []);

    failure.mend();
    await pressTryAgain(page);
    await assertTakenOverInPlace(page);
    assert.equal(await entries.count(), served);
    assert.deepEqual(errors, []);
  } finally {
    fault = null;
    await close();
  }
});

test('built, resilience: a link followed while the index is missing shows that screen\'s message, and "Try again" shows it', async () => {
  const failure = failUntilMended(hang('posts/index.json'));
  const { page, errors, close } = await openBuilt('/blog/');
  try {
    await nthError(page, 1);
    await page.evaluate(() => { window.__sameDocument = 'yes'; });
    await page.locator('wasm-blog .post-entry', { hasText: 'Lets Go' }).click();
    await page.waitForURL('**/blog/posts/lets-go/');
    // The served list was the previous screen's: the new one is the core's, as without a build.
    await waitForRendered(page, 'notice-error', { timeout: 15000 });
    assert.equal(await page.locator('wasm-blog .notice-error p').first().innerText(),
      `Could not load /blog/posts/index.json: no response from the server after ${TIMEOUT / 1000} s.`);
    assert.equal(await page.locator('wasm-blog .post-entry').count(), 0);
    assert.equal(await page.evaluate(() => document.querySelectorAll('wasm-blog > div.wasm-blog').length), 0);
    const last = (await errorEvents(page)).at(-1);
    assert.equal(last.served, undefined);
    assert.equal(last.route, '/blog/posts/lets-go/');

    failure.mend();
    await page.locator('wasm-blog .notice-error button.retry').click();
    await page.locator('wasm-blog .post-content p', { hasText: LAST_LINE }).waitFor({ timeout: 15000 });
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), 'Lets Go');
    assert.equal(await page.evaluate(() => window.__sameDocument), 'yes');
    assert.deepEqual(errors, []);
  } finally {
    fault = null;
    await close();
  }
});

test('built, resilience: an engine that never answers keeps the served post, the message above it, and "Try again" takes over', async () => {
  // blog-full.wasm is preloaded by the page: "Try again" must not wait behind the preload.
  const failure = failUntilMended(hang('blog-full.wasm'));
  const { page, errors, close } = await openBuilt('/blog/posts/lets-go/');
  try {
    const error = await nthError(page, 1);
    assert.deepEqual(error, {
      message: `The blog could not start: its engine (${env.server.url('/blog/blog-full.wasm')}) could not be loaded `
        + `(no response from the server after ${TIMEOUT / 1000} s).`,
      code: 'engine', route: '/blog/posts/lets-go/', served: true,
    });
    assert.equal(await notice(page).locator('p').first().innerText(), error.message);
    assert.ok(await page.locator('wasm-blog h1.post-title').isVisible()
      && await page.locator('wasm-blog .post-content p', { hasText: LAST_LINE }).isVisible());
    assert.equal(await servedIntact(page), true);

    failure.mend();
    await pressTryAgain(page);
    await assertTakenOverInPlace(page);
    assert.deepEqual(errors, []);
  } finally {
    fault = null;
    await close();
  }
});

// Hrefs a URL parser refuses or reads oddly. The core's link policy decides
// what a post may link to; the click handler must hold whatever a screen has.
const ODD_HREFS = [
  '///javascript:alert(1)', '//', '///x', 'http://[', 'http://[::1', 'a:b', 'http://127.0.0.1:99999/',
  '\\\\x', '%zz', '#', '#/', '?', 'http://exa\u0000mple.com/', '/blog/posts/\u0000/', '\u0001\u001f///x',
  'javascript\u0000:alert(1)', '/blog/' + 'a'.repeat(100000), 'http://' + 'x'.repeat(70000) + '/',
  `/blog/posts/${'a'.repeat(3 << 20)}/`,  // longer than the 2 MB a history entry's URL may have
];

test('built: a click (and a pointer or focus) on a link with any href throws no error in the page', async () => {
  const { page, errors, dialogs, close } = await openBuilt('/blog/posts/lets-go/');
  try {
    assert.equal((await takeover(page)).prerendered, 'kept');
    await page.evaluate(() => {
      window.__sameDocument = 'yes';
      // The browser's own default (leaving the page) is not what is tested here.
      window.addEventListener('click', (e) => { if (e.target.closest && e.target.closest('wasm-blog')) e.preventDefault(); });
    });
    for (const href of ODD_HREFS) {
      const what = `href ${JSON.stringify(href.slice(0, 40))}`;
      // Into the screen on show (a link that is a route, "?" or "#", shows a new one).
      await page.evaluate((h) => {
        const main = document.querySelector('wasm-blog').shadowRoot.querySelector('main');
        const a = document.createElement('a');
        a.setAttribute('href', h);
        a.className = 'odd';
        a.textContent = 'an odd link';
        main.prepend(a);
      }, href);
      const link = page.locator('wasm-blog a.odd').first();
      await link.focus();  // focusin: the prefetch
      await link.click();  // pointerover, pointerdown (the prefetch), click
      // A round trip: an error thrown by the handlers has reached pageerror.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      assert.deepEqual(errors, [], what);
      await page.evaluate(() => document.querySelector('wasm-blog').shadowRoot.querySelectorAll('a.odd').forEach((a) => a.remove()));
    }
    assert.equal(await page.evaluate(() => window.__sameDocument), 'yes', 'the page was not left');
    assert.deepEqual(dialogs, []);
  } finally {
    await close();
  }
});
