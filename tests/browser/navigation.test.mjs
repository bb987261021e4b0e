// Moving around the blog: list -> post -> back, deep links, pages, prev/next, tags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, FIXTURES, ROOT, eventually, hashOf, openPage, useBrowser, waitForBlog } from './harness.mjs';

const env = useBrowser();
const seed = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed/expected-list.json'), 'utf8')).posts;
const titles = seed.map((p) => p.title);

const listTitles = (page) => page.locator('wasm-blog .post-entry .entry-header h2').allInnerTexts();
const postTitle = (page) => page.locator('wasm-blog h1.post-title').innerText();

// Waits until the list shows exactly `want` (titles) and returns it; on a
// timeout the test fails, showing what the list shows instead.
async function waitForList(page, want) {
  await waitForBlog(page, '.post-entry');
  let got;
  try {
    await eventually(async () => JSON.stringify(got = await listTitles(page)) === JSON.stringify(want),
      { what: 'the list to show the expected titles' });
  } catch (err) {
    assert.deepEqual(got, want, err.message);
    throw err;
  }
  return got;
}

async function waitForPost(page, title) {
  await waitForBlog(page, 'h1.post-title', { hasText: title });
  await waitForBlog(page, '.post-content');
}

test('navigation: clicking an entry opens the post, and Back returns to the list', async () => {
  const { page, errors, close } = await openPage(env, '/');
  try {
    await waitForList(page, titles);
    const title = 'Goal: A Paper Every Day. Day One: Mesos Paper';
    await page.locator('wasm-blog .post-entry', { hasText: title }).click();
    await waitForPost(page, title);
    assert.equal(hashOf(page), '#/posts/paper-day-1-mesos');
    assert.equal(await postTitle(page), title);

    const meta = (await page.locator('wasm-blog .post-meta').textContent()).replace(/\u00a0/g, ' ');
    assert.match(meta, /^July 17, 2022 · \d+ min · \d+ words · Jose Villalta$/);
    assert.equal(await page.locator('wasm-blog .post-meta span[title]').getAttribute('title'),
      '2022-07-17 13:04:01 -0700 -0700');
    const body = await page.locator('wasm-blog .post-content').innerText();
    assert.ok(body.includes('The rules are simple: read one paper a day'), 'the body text of the Markdown file is shown');
    assert.ok(body.includes('I’ve decided to read a research paper each day.'));
    assert.equal(await page.title(), `${title} | Jose Villalta`);

    const home = page.locator('wasm-blog .breadcrumbs a');
    assert.equal(await home.innerText(), 'Home');
    assert.equal(await home.getAttribute('href'), '#/');

    await page.goBack();
    assert.deepEqual(await waitForList(page, titles), titles);
    assert.ok(['', '#/'].includes(hashOf(page)), `back on the list, got ${page.url()}`);
    assert.equal(await page.locator('wasm-blog .post-single').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation: Back returns to where the reader was in the list, a new post opens at its top', async () => {
  const { page, errors, close } = await openPage(env, '/');
  try {
    await waitForList(page, titles);
    const entry = page.locator('wasm-blog .post-entry', { hasText: titles[7] });
    await entry.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    const listY = await page.evaluate(() => window.scrollY);
    assert.ok(listY > 400, `the list is scrolled down (${listY})`);
    await entry.click();
    await waitForPost(page, titles[7]);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the post opens at its top');
    await page.goBack();
    await waitForList(page, titles);
    await eventually(async () => Math.abs(await page.evaluate(() => window.scrollY) - listY) <= 2,
      { what: `Back to restore the list position ${listY}` });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation: with the keyboard, Enter on an entry opens the post and focus moves to its title', async () => {
  const { page, errors, close } = await openPage(env, '/');
  try {
    await waitForList(page, titles);
    await page.locator('wasm-blog .post-entry .entry-link').nth(1).focus();
    await page.keyboard.press('Enter');
    await waitForPost(page, titles[1]);
    const focused = await page.evaluate(() => {
      const el = document.querySelector('wasm-blog').shadowRoot.activeElement;
      return el ? `${el.tagName.toLowerCase()}.${el.className}` : null;
    });
    assert.equal(focused, 'h1.post-title', 'focus is on the post title');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation: the post\'s link back to the list works', async () => {
  const { page, close } = await openPage(env, '/#/posts/lets-go');
  try {
    await waitForPost(page, 'Lets Go');
    await page.locator('wasm-blog .breadcrumbs a').click();
    assert.deepEqual(await waitForList(page, titles), titles);
    assert.equal(hashOf(page), '#/');
  } finally {
    await close();
  }
});

test('navigation: a deep link /#/posts/paper-day-1-mesos opens the post directly', async () => {
  const { page, errors, close } = await openPage(env, '/#/posts/paper-day-1-mesos');
  try {
    await waitForPost(page, 'Goal: A Paper Every Day. Day One: Mesos Paper');
    assert.equal(await page.locator('wasm-blog .post-entry').count(), 0);
    assert.ok((await page.locator('wasm-blog .post-content').innerText()).includes('The rules are simple'));
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation: with page-size="5", #/page/2 shows posts 6-10 and « Prev leads to posts 1-5', async () => {
  const { page, errors, close } = await openPage(env, '/fixtures/paged/index.html#/page/2');
  try {
    assert.deepEqual(await waitForList(page, titles.slice(5)), titles.slice(5));
    assert.equal(await page.locator('wasm-blog .pagination a.next').count(), 0, 'page 2 is the last page');
    const prev = page.locator('wasm-blog .pagination a.prev');
    assert.equal((await prev.innerText()).replace(/\u00a0/g, ' '), '« Prev');
    await prev.click();
    assert.deepEqual(await waitForList(page, titles.slice(0, 5)), titles.slice(0, 5));
    assert.equal(hashOf(page), '#/');
    assert.equal(await page.locator('wasm-blog .pagination a.prev').count(), 0, 'page 1 has no « Prev');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation: with page-size="5", Next » on page 1 leads to page 2', async () => {
  const { page, close } = await openPage(env, '/fixtures/paged/index.html');
  try {
    assert.deepEqual(await waitForList(page, titles.slice(0, 5)), titles.slice(0, 5));
    const next = page.locator('wasm-blog .pagination a.next');
    assert.equal((await next.innerText()).replace(/\u00a0/g, ' '), 'Next »');
    await next.click();
    assert.deepEqual(await waitForList(page, titles.slice(5)), titles.slice(5));
    assert.equal(hashOf(page), '#/page/2');
    assert.equal(await page.title(), 'Page 2 | Jose Villalta');
  } finally {
    await close();
  }
});

test('navigation: « Prev and Next » under a post lead to the newer and the older post', async () => {
  const { page, close } = await openPage(env, '/#/posts/paper-day-7-borg');
  try {
    await waitForPost(page, titles[2]);
    const prev = page.locator('wasm-blog .paginav a.prev');
    const next = page.locator('wasm-blog .paginav a.next');
    assert.equal(await prev.locator('.title').textContent(), '«\u00a0Prev');
    assert.equal(await next.locator('.title').textContent(), 'Next\u00a0»');
    assert.ok((await prev.innerText()).includes(titles[1]), 'Prev names the newer post');
    assert.ok((await next.innerText()).includes(titles[3]), 'Next names the older post');

    await prev.click();
    await waitForPost(page, titles[1]);
    assert.equal(hashOf(page), '#/posts/paper-day-8-omega');

    await page.locator('wasm-blog .paginav a.next').click();
    await waitForPost(page, titles[2]);
    await page.locator('wasm-blog .paginav a.next').click();
    await waitForPost(page, titles[3]);
    assert.equal(hashOf(page), '#/posts/paper-day-6-hints-for-computer-design');
  } finally {
    await close();
  }
});

test('navigation: the newest post has no « Prev and the oldest no Next »', async () => {
  const { page, close } = await openPage(env, '/#/posts/lets-go');
  try {
    await waitForPost(page, titles[0]);
    assert.equal(await page.locator('wasm-blog .paginav a.prev').count(), 0);
    assert.ok((await page.locator('wasm-blog .paginav a.next').innerText()).includes(titles[1]));
    await page.goto(env.server.url('/#/posts/new-blog'));
    await waitForPost(page, 'New blog!');
    assert.equal(await page.locator('wasm-blog .paginav a.next').count(), 0);
    assert.ok((await page.locator('wasm-blog .paginav a.prev').innerText()).includes(titles[8]));
  } finally {
    await close();
  }
});

test('navigation: a tag link on a post opens #/tags/<tag> listing the posts with that tag', async () => {
  const index = JSON.parse(fs.readFileSync(path.join(DIST, 'posts/index.json'), 'utf8')).posts;
  const tagged = (tag) => titles.filter((t) => index.find((p) => p.title === t).tags.includes(tag));
  const { page, errors, close } = await openPage(env, '/#/posts/paper-day-8-omega');
  try {
    await waitForPost(page, titles[1]);
    const tags = await page.locator('wasm-blog .post-tags a').allInnerTexts();
    assert.deepEqual(tags, ['papers', 'distributed-systems', 'scheduling', 'google']);
    await page.locator('wasm-blog .post-tags a', { hasText: 'scheduling' }).click();
    const want = tagged('scheduling');
    assert.deepEqual(want, [titles[1], titles[8]]);
    assert.deepEqual(await waitForList(page, want), want);
    assert.equal(hashOf(page), '#/tags/scheduling');
    assert.equal(await page.locator('wasm-blog .page-header h1').innerText(), 'scheduling');

    await page.goto(env.server.url('/#/tags/papers'));
    assert.deepEqual(await waitForList(page, tagged('papers')), tagged('papers'));
    assert.equal(tagged('papers').length, 8);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('navigation: a pointer resting on an entry loads its post before the click; the click then shows it with no second request', async () => {
  const { page, errors, requests, close } = await openPage(env, '/');
  try {
    await waitForList(page, titles);
    const mesos = (u) => new URL(u).pathname.endsWith('/paper-day-1-mesos.md');
    const entry = page.locator('wasm-blog .post-entry', { hasText: 'Day One: Mesos Paper' });
    await entry.hover();
    await eventually(() => requests.some(mesos), { what: 'the post\'s Markdown requested while the pointer rests' });
    assert.equal(hashOf(page), '', 'still on the list: nothing was opened');
    assert.equal(await page.locator('wasm-blog h1.post-title').count(), 0);
    await entry.click();
    await waitForPost(page, 'Goal: A Paper Every Day. Day One: Mesos Paper');
    assert.equal(requests.filter(mesos).length, 1, 'fetched once');
    // A link that is not a screen of the blog's (the paper's link, elsewhere) loads nothing.
    const before = requests.length;
    await page.locator('wasm-blog .post-content a[href^="http"]').first().hover();
    await page.waitForTimeout(150);
    assert.equal(requests.length, before);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
