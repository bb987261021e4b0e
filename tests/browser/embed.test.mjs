// The widget on pages other than dist's own index.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, openPage, useBrowser, waitForBlog, waitForRendered } from './harness.mjs';

const env = useBrowser();
const seed = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed/expected-list.json'), 'utf8')).posts;
const titles = seed.map((p) => p.title);
const paths = (requests) => requests.map((u) => new URL(u)).filter((u) => u.protocol.startsWith('http')).map((u) => u.pathname);

test('embed: a page in another folder, loading ../../wasm-blog.js, renders the list', async () => {
  const { page, requests, errors, close } = await openPage(env, '/fixtures/embed/page.html');
  try {
    await waitForRendered(page, 'post-entry');
    assert.deepEqual(await page.locator('wasm-blog .post-entry h2').allTextContents(), titles);
    const asked = paths(requests);
    // The module is found next to the script, not next to the page.
    assert.ok(asked.includes('/blog-core.wasm'), `blog-core.wasm from the site root: ${asked}`);
    assert.ok(!asked.includes('/fixtures/embed/blog-core.wasm'), 'not relative to the page');
    assert.ok(asked.includes('/posts/index.json'));
    // The page's own content is still there, and posts open.
    assert.equal(await page.locator('body > h1').textContent(), 'Someone else\'s page');
    await page.locator('wasm-blog .post-entry', { hasText: 'Lets Go' }).click();
    await waitForBlog(page, 'h1.post-title', { hasText: 'Lets Go' });
    await waitForBlog(page, '.post-content', { hasText: 'I have been writing go since a little after last year' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('embed: two <wasm-blog> elements with different src show their own posts and share one module', async () => {
  const { page, requests, errors, close } = await openPage(env, '/fixtures/two/index.html');
  try {
    await page.locator('#seed .post-entry').first().waitFor();
    await page.locator('#other .post-entry').first().waitFor();
    assert.deepEqual(await page.locator('#seed .post-entry h2').allTextContents(), titles);
    assert.deepEqual(await page.locator('#other .post-entry h2').allTextContents(),
      ['The other blog\'s first post', 'The other blog\'s second post']);
    assert.equal(await page.locator('#other .logo a').textContent(), 'The other blog');
    assert.equal(await page.locator('#seed .logo a').textContent(), 'Jose Villalta');
    assert.equal(await page.locator('#seed .post-entry', { hasText: 'The other blog' }).count(), 0);
    const asked = paths(requests);
    assert.equal(asked.filter((p) => p.endsWith('/blog-core.wasm')).length, 1, `blog-core.wasm is fetched once: ${asked}`);
    assert.equal(asked.filter((p) => p.endsWith('/blog-core.js')).length, 1, 'blog-core.js is fetched once');
    assert.ok(asked.includes('/fixtures/two/b/index.json') && asked.includes('/posts/index.json'), 'each index is fetched');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('embed: of two hash-routed widgets only the first follows the URL; the second routes inside itself', async () => {
  const { page, errors, close } = await openPage(env, '/fixtures/two/index.html');
  try {
    await page.locator('#other .post-entry').first().waitFor();
    await page.locator('#seed .post-entry').first().waitFor();
    await page.locator('#other .post-entry', { hasText: 'The other blog\'s second post' }).click();
    await page.locator('#other h1.post-title', { hasText: 'The other blog\'s second post' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the second widget leaves the URL alone');
    assert.equal(await page.locator('#seed .post-entry').count(), titles.length, 'the first keeps its list');
    await page.locator('#seed .post-entry', { hasText: 'Lets Go' }).click();
    await page.locator('#seed h1.post-title', { hasText: 'Lets Go' }).waitFor();
    assert.equal(new URL(page.url()).hash, '#/posts/lets-go');
    assert.equal(await page.locator('#other h1.post-title').innerText(), 'The other blog\'s second post', 'the second keeps its post');
    await page.goBack();
    await page.locator('#seed .post-entry').first().waitFor();
    assert.equal(await page.locator('#other h1.post-title').innerText(), 'The other blog\'s second post');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('embed: a widget with routing="internal" navigates inside itself, leaving the host URL and title alone', async () => {
  const { page, errors, close } = await openPage(env, '/fixtures/internal/index.html#host-section');
  try {
    const widget = page.locator('#inside');
    await widget.locator('.post-entry').first().waitFor();
    assert.deepEqual(await widget.locator('.post-entry h2').allTextContents(), titles.slice(0, 3));
    await widget.locator('.pagination .next').click();
    await widget.locator('.post-entry h2', { hasText: titles[3] }).waitFor();
    await widget.locator('.post-entry', { hasText: titles[4] }).click();
    await widget.locator('h1.post-title', { hasText: titles[4] }).waitFor();
    assert.equal(new URL(page.url()).hash, '#host-section', 'the host URL is untouched');
    assert.equal(await page.title(), 'Host page', 'the host title is untouched');
    await widget.locator('.breadcrumbs a').click();
    await widget.locator('.post-entry h2', { hasText: titles[0] }).waitFor();
    assert.equal(new URL(page.url()).hash, '#host-section');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('embed: our own page downloads each of its files once (the stylesheet it links is the one the widget adopts)', async () => {
  const { page, requests, errors, close } = await openPage(env, '/');
  try {
    await page.locator('wasm-blog .post-entry').first().waitFor();
    await page.waitForLoadState('networkidle');
    const asked = paths(requests);
    const twice = [...new Set(asked)].filter((p) => asked.filter((q) => q === p).length > 1);
    assert.deepEqual(twice, [], `fetched more than once: ${twice.join(', ')} (all: ${asked.join(' ')})`);
    assert.ok(asked.includes('/wasm-blog.css'), 'the stylesheet is fetched');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
