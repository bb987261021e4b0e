// What a reader sees when the content is wrong: missing, unreachable, invalid,
// or very big. Every case must end in a message that names the problem, never
// in a blank page or a page error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bigMarkdown } from './generate.mjs';
import { hashOf, openPage, useBrowser, waitForBlog, waitForRendered } from './harness.mjs';

const MARKERS = { 'big-1mb': 'FINAL-MARKER-1MB: the last paragraph of the one-megabyte post.',
  'big-2mb': 'FINAL-MARKER-2MB: the last paragraph of the two-megabyte post.' };

const env = useBrowser({ setup(server) {
  server.write('big/index.json', JSON.stringify({
    title: 'Big posts',
    author: 'Tester',
    posts: [
      { slug: 'big-1mb', title: 'A one-megabyte post', date: '2022-07-24T10:00:00Z', summary: '1 MB of Markdown.' },
      { slug: 'big-2mb', title: 'A two-megabyte post', date: '2022-07-23T10:00:00Z', summary: '2 MB of Markdown.' },
    ],
  }));
  server.write('big/big-1mb.md', bigMarkdown(1 << 20, MARKERS['big-1mb'], 1));
  server.write('big/big-2mb.md', bigMarkdown(2 << 20, MARKERS['big-2mb'], 2));
} });

// The error's message (the notice's first paragraph; the second holds "Try again").
const errorText = async (page) => (await waitForBlog(page, '.notice-error p')).innerText();

// Messages name the file by its full URL: src resolved against the page.
test('bad input: a missing index.json shows "Could not load <index URL>: HTTP 404" and a retry control', async () => {
  const { page, errors, close } = await openPage(env, '/fixtures/missing-index/index.html');
  try {
    const shown = await errorText(page);
    assert.equal(shown, `Could not load ${env.server.url('/fixtures/missing-index/no-such-folder/index.json')}: HTTP 404`);
    assert.equal(await page.locator('wasm-blog .notice-error button.retry').innerText(), 'Try again');
    assert.equal(await page.locator('wasm-blog .post-entry').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('bad input: an unreachable index.json shows "Could not load <src>: " and the network error', async () => {
  const { page, errors, close } = await openPage(env, '/fixtures/unreachable-index/index.html');
  try {
    const shown = await errorText(page);
    // The browser's own wording for a failed fetch ("Failed to fetch" in Chromium).
    const networkError = await page.evaluate(() => fetch('/fixtures/unreachable/probe.json').then(() => 'no error', (e) => e.message));
    assert.notEqual(networkError, 'no error', 'the server makes /fixtures/unreachable/ fail at the network level');
    assert.equal(shown, `Could not load ${env.server.url('/fixtures/unreachable/index.json')}: ${networkError}`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('bad input: an index.json that is not valid JSON names the file, the line and the column', async () => {
  const { page, errors, close } = await openPage(env, '/fixtures/invalid-json/index.html');
  try {
    const shown = await errorText(page);
    assert.ok(shown.startsWith(`${env.server.url('/fixtures/invalid-json/index.json')}: `), `names the file: ${shown}`);
    assert.match(shown, /\bline 5\b/, `names the line of the missing comma: ${shown}`);
    assert.match(shown, /\bcolumn \d+\b/, `names the column: ${shown}`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('bad input: an entry with a date that is not RFC 3339 is left out and named; the others render', async () => {
  const { page, errors, close } = await openPage(env, '/fixtures/bad-entry/index.html');
  try {
    const notice = await waitForBlog(page, '.notice-warn');
    assert.equal(await notice.locator('p').innerText(),
      `One entry of ${env.server.url('/fixtures/bad-entry/index.json')} was left out:`);
    assert.deepEqual(await notice.locator('li').allInnerTexts(),
      ['posts[1].date: expected RFC 3339 date, got "24/07/2022"']);
    assert.deepEqual(await page.locator('wasm-blog .post-entry h2').allInnerTexts(),
      ['Alpha post', 'Gamma post', 'Ghost post']);
    assert.equal(await page.locator('wasm-blog .post-entry', { hasText: 'Beta post' }).count(), 0);
    // The entry is gone, not just hidden from the list.
    await page.goto(env.server.url('/fixtures/bad-entry/index.html#/posts/beta'));
    await waitForBlog(page, '.not-found h1', { hasText: 'Post not found' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('bad input: a route to an unknown slug shows "Post not found" with a working link to the list', async () => {
  const { page, errors, close } = await openPage(env, '/#/posts/no-such-post');
  try {
    const box = await waitForBlog(page, '.not-found');
    assert.equal(await box.locator('h1').innerText(), 'Post not found');
    assert.ok((await box.innerText()).includes('no-such-post'), 'the message names the slug');
    const back = box.locator('a');
    assert.equal(await back.innerText(), '« Back to the list');
    await back.click();
    await waitForBlog(page, '.post-entry');
    assert.equal(await page.locator('wasm-blog .post-entry').count(), 10);
    assert.equal(hashOf(page), '#/');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('bad input: a post whose Markdown file is missing shows "Post not found" naming the .md file', async () => {
  const { page, errors, close } = await openPage(env, '/fixtures/bad-entry/index.html#/posts/ghost');
  try {
    const box = await waitForBlog(page, '.not-found');
    assert.equal(await box.locator('h1').innerText(), 'Post not found');
    const message = await box.locator('p').first().innerText();
    assert.equal(message, `Could not load ${env.server.url('/fixtures/bad-entry/ghost.md')}: HTTP 404`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

for (const [slug, size] of [['big-1mb', '1 MB'], ['big-2mb', '2 MB']]) {
  test(`bad input: a ${size} post renders completely, down to its last paragraph`, async () => {
    const { page, errors, close } = await openPage(env, `/fixtures/big/index.html#/posts/${slug}`);
    try {
      const marker = MARKERS[slug];
      await waitForBlog(page, '.post-content p', { hasText: marker, timeout: 20000 });
      const last = await page.locator('wasm-blog .post-content > *').last().innerText();
      assert.equal(last, marker, 'the marker is the last block of the post');
      const stats = await page.evaluate(() => {
        const content = document.querySelector('wasm-blog').shadowRoot.querySelector('.post-content');
        return { text: content.textContent.length, tables: content.querySelectorAll('table').length,
          code: content.querySelectorAll('pre > code').length, lists: content.querySelectorAll('ul, ol').length };
      });
      assert.ok(stats.text > (slug === 'big-1mb' ? 0.5e6 : 1e6), `all the text is there (${stats.text} characters)`);
      assert.ok(stats.tables > 100 && stats.code > 100 && stats.lists > 100, JSON.stringify(stats));
      // Let the on-demand highlighting finish before judging page errors.
      await waitForRendered(page, 'post-content', { timeout: 15000 });
      assert.ok(await page.locator('wasm-blog code.language-go.hljs').count() > 0, 'the Go code is highlighted');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
}
