// The two engines (issue 9): the list's (blog-core, no Markdown, no terms
// overviews, archive or search) is all a visit of the list downloads; the
// full one (blog-full) comes when a post, the archive, the tags or search is
// opened (or a post about to be), takes the route over from the list engine
// without fetching the index or the post a second time, and without moving
// the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, eventually, hashOf, openPage, useBrowser, waitForBlog, waitForRendered } from './harness.mjs';

const env = useBrowser({
  setup(server) {
    // dist/ whose blog-full.wasm is missing the first time it is asked for.
    server.route('/full-once/', (req, res, ctx) => {
      if (ctx.rel === 'blog-full.wasm' && ctx.hit === 1) return ctx.serve({}, '/nonexistent');
      ctx.serve();
    });
    // A blog whose menu has no search entry: "/" opens the search screen
    // through the widget's search (blog_search), not through a link.
    server.write('nosearch/index.json', JSON.stringify({
      title: 'Notes',
      menu: [{ name: 'Home', url: '#/' }],
      posts: [
        { slug: 'borg', title: 'Borg at Google', date: '2023-03-02', summary: 'Cluster management.' },
        { slug: 'mesos', title: 'Mesos', date: '2023-03-01', summary: 'Two-level scheduling.' },
      ],
    }));
    server.write('nosearch/index.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
      + '<link rel="icon" href="data:,"><script type="module" src="/wasm-blog.js"></script></head>'
      + '<body><wasm-blog src="index.json"></wasm-blog></body></html>');
  },
});
const seed = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed/expected-list.json'), 'utf8')).posts;
const mesos = 'Goal: A Paper Every Day. Day One: Mesos Paper';

const named = (requests, name) => requests.filter((u) => new URL(u).pathname.endsWith(`/${name}`));

test('engines: the list is shown by the list engine alone; opening a post loads the full engine once, and the index and the post once', async () => {
  const { page, errors, requests, close } = await openPage(env, '/');
  try {
    await waitForRendered(page, 'post-entry');
    assert.equal(named(requests, 'blog-core.wasm').length, 1);
    assert.deepEqual(named(requests, 'blog-full.wasm'), [], 'the list needs no Markdown engine');
    assert.deepEqual(named(requests, 'blog-full.js'), []);
    await page.locator('wasm-blog .post-entry', { hasText: 'Day One: Mesos Paper' }).click();
    await waitForBlog(page, 'h1.post-title', { hasText: mesos });
    await waitForBlog(page, '.post-content');
    assert.equal(hashOf(page), '#/posts/paper-day-1-mesos');
    assert.equal(named(requests, 'blog-full.wasm').length, 1);
    assert.equal(named(requests, 'blog-full.js').length, 1);
    assert.equal(named(requests, 'index.json').length, 1, 'the full engine reads the index the list engine fetched');
    assert.equal(named(requests, 'paper-day-1-mesos.md').length, 1);
    // And on from there: another post, the list, back: no more engines or indexes.
    await page.goBack();
    await waitForRendered(page, 'post-entry', { after: 0 });
    await eventually(async () => (await page.locator('wasm-blog .post-entry').count()) === seed.length,
      { what: 'the list again' });
    await page.locator('wasm-blog .post-entry', { hasText: seed[2].title }).click();
    await waitForBlog(page, 'h1.post-title', { hasText: seed[2].title });
    await waitForBlog(page, '.post-content');
    assert.equal(named(requests, 'blog-full.wasm').length + named(requests, 'blog-core.wasm').length, 2);
    assert.equal(named(requests, 'index.json').length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('engines: a link to a post to start with shows it, through both engines', async () => {
  const { page, errors, requests, close } = await openPage(env, '/#/posts/paper-day-1-mesos#mesos');
  try {
    await waitForBlog(page, '.post-content');
    assert.equal(await page.locator('wasm-blog h1.post-title').innerText(), mesos);
    assert.equal(named(requests, 'index.json').length, 1);
    assert.equal(named(requests, 'paper-day-1-mesos.md').length, 1);
    assert.equal(named(requests, 'blog-full.wasm').length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('engines: a pointer resting on an entry loads the full engine and the post; the reader\'s place in the list does not move', async () => {
  const { page, errors, requests, close } = await openPage(env, '/', { viewport: { width: 800, height: 400 } });
  try {
    await waitForRendered(page, 'post-entry');
    const entry = page.locator('wasm-blog .post-entry').nth(4);
    await entry.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 100, `the list is scrolled (${y})`);
    const rendered = await page.evaluate(() => window.__wasmBlogRendered.length);
    await entry.hover();
    await eventually(() => named(requests, 'blog-full.wasm').length === 1, { what: 'the full engine requested' });
    // The full engine takes the list over (its screen is the same: nothing
    // changes on the page) once it has started.
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.scrollY), y, 'the page did not move');
    assert.equal(await page.evaluate(() => window.__wasmBlogRendered.length), rendered, 'the screen was not shown again');
    assert.equal(hashOf(page), '', 'nothing was opened');
    await entry.click();
    await waitForBlog(page, '.post-content');
    assert.equal(named(requests, 'blog-full.wasm').length, 1);
    assert.equal(named(requests, 'index.json').length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('engines: a full engine that cannot be loaded says so on the post, and "Try again" then shows the post', async () => {
  const { page, errors, close } = await openPage(env, '/full-once/');
  try {
    await waitForRendered(page, 'post-entry');
    await page.locator('wasm-blog .post-entry', { hasText: 'Day One: Mesos Paper' }).click();
    const notice = await waitForBlog(page, '.notice-error p');
    assert.equal(await notice.innerText(),
      `The blog could not start: its engine (${env.server.url('/full-once/blog-full.wasm')}) could not be loaded (HTTP 404).`);
    await page.locator('wasm-blog .notice-error button.retry').click();
    await waitForBlog(page, 'h1.post-title', { hasText: mesos });
    await waitForBlog(page, '.post-content');
    assert.equal(await page.locator('wasm-blog .notice-error').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('engines: the archive opened from the list is shown by the full engine, loaded once; the tags then need nothing more', async () => {
  const { page, errors, requests, close } = await openPage(env, '/');
  try {
    await waitForRendered(page, 'post-entry');
    assert.deepEqual(named(requests, 'blog-full.wasm'), [], 'the list needs no full engine');
    await page.locator('wasm-blog #menu a', { hasText: 'Archive' }).click();
    await waitForBlog(page, '.archive-month-header');
    assert.equal(hashOf(page), '#/archive');
    assert.equal(await page.locator('wasm-blog').getAttribute('data-kind'), 'archive');
    assert.equal(await page.locator('wasm-blog .archive-entry').count(), seed.length);
    assert.equal(named(requests, 'blog-full.wasm').length, 1);
    assert.equal(named(requests, 'blog-full.js').length, 1);
    assert.equal(named(requests, 'index.json').length, 1, 'the full engine reads the index the list engine fetched');
    await page.locator('wasm-blog #menu a', { hasText: 'Tags' }).click();
    await waitForBlog(page, '.terms-tags');
    assert.equal(hashOf(page), '#/tags');
    await page.goBack();
    await waitForBlog(page, '.archive-month-header');
    assert.equal(named(requests, 'blog-full.wasm').length + named(requests, 'blog-core.wasm').length, 2);
    assert.equal(named(requests, 'index.json').length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

for (const [what, where, word, found] of [
  ['through the menu\'s search entry', '/', 'borg', 'Borg'],
  ['through the widget\'s search (a menu without one)', '/generated/nosearch/index.html', 'borg', 'Borg'],
]) {
  test(`engines: a search typed from the list (${what}) is shown by the full engine, loaded once`, async () => {
    const { page, errors, requests, close } = await openPage(env, where);
    try {
      await waitForRendered(page, 'post-entry');
      assert.deepEqual(named(requests, 'blog-full.wasm'), [], 'the list needs no full engine');
      await page.keyboard.press('/');
      await waitForBlog(page, 'input#searchInput');
      await eventually(() => page.evaluate(() => document.querySelector('wasm-blog').shadowRoot.activeElement?.id === 'searchInput'),
        { what: 'the box to have the focus' });
      await page.keyboard.type(word);
      await waitForBlog(page, '#searchResults mark', { hasText: found });
      await eventually(() => hashOf(page) === `#/search?q=${word}`, { what: 'the URL to hold the words' });
      assert.equal(await page.locator('wasm-blog input#searchInput').inputValue(), word);
      assert.equal(named(requests, 'blog-full.wasm').length, 1);
      assert.equal(named(requests, 'blog-core.wasm').length, 1);
      assert.equal(named(requests, 'index.json').length, 1);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}

// make-dist gives the widget's private members short names (esbuild
// --mangle-props): none may land on a name the element already has from
// HTMLElement (an "id" or a "title" would change the page, not the widget).
test('engines: the widget\'s members, as shipped, shadow nothing of HTMLElement\'s', async () => {
  const { page, errors, close } = await openPage(env, '/');
  try {
    await waitForRendered(page, 'post-entry');
    await page.locator('wasm-blog .post-entry a.entry-link').first().click();
    await waitForBlog(page, '.post-content');
    const clashes = await page.evaluate(() => {
      const builtIn = new Set();
      for (let o = HTMLElement.prototype; o; o = Object.getPrototypeOf(o)) {
        for (const name of Object.getOwnPropertyNames(o)) builtIn.add(name);
      }
      const el = document.querySelector('wasm-blog');
      const own = [...Object.getOwnPropertyNames(el), ...Object.getOwnPropertyNames(Object.getPrototypeOf(el))];
      return { count: own.length, clashes: own.filter((name) => name !== 'constructor' && builtIn.has(name)) };
    });
    assert.ok(clashes.count > 40, `the widget's members are found (${clashes.count})`);
    assert.deepEqual(clashes.clashes, []);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
