// The core's own limits (SECURITY.md): a post or an index too big for a
// reader's tab, or a post whose HTML would balloon, ends in a message in the
// view, quickly, and the rest of the blog keeps working; one bad byte of
// UTF-8 in the index costs one character, not the index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, openPage, useBrowser, waitForBlog } from './harness.mjs';

const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>' +
  '<link rel="icon" href="data:,"><script type="module" src="/wasm-blog.js"></script></head>' +
  '<body><wasm-blog src="index.json"></wasm-blog></body></html>';
const streamed = { sent: 0, closedEarly: false };
const STREAM_BYTES = 128 * 1048576;

const wideTable = 'th|'.repeat(128) + '\n' + '-|'.repeat(128) + '\n' + 'td\n'.repeat(4000);

const env = useBrowser({ setup(server) {
  server.write('limits/index.json', JSON.stringify({
    title: 'Limits',
    posts: [
      { slug: 'huge', title: 'A 5 MB post', date: '2022-07-24T10:00:00Z', summary: 'Too big to render.' },
      { slug: 'balloon', title: 'A post whose HTML balloons', date: '2022-07-23T10:00:00Z', summary: 'A wide table.' },
      { slug: 'fine', title: 'An ordinary post', date: '2022-07-22T10:00:00Z', summary: 'Fine.' },
    ],
  }));
  server.write('limits/huge.md', 'A paragraph of an ordinary post, again and again.\n\n'.repeat(110000).slice(0, 5 * 1048576));
  server.write('limits/balloon.md', wideTable);
  server.write('limits/fine.md', 'The ordinary post renders.\n');
  // An index with one byte that is not UTF-8 (0xE9, Latin-1's é) in a title.
  server.write('utf8/index.json', Buffer.concat([
    Buffer.from('{"title": "Bytes", "posts": [\n {"slug": "a", "title": "Caf'),
    Buffer.from([0xe9]),
    Buffer.from(' notes", "date": "2022-07-24", "summary": "s"},\n {"slug": "b", "title": "Clean", "date": "2022-07-23", "summary": "t"}\n]}'),
  ]));
  // A post of 128 MB sent without Content-Length, in 256 KB pieces: the
  // widget must stop reading at 4 MB, not download it all. What the server
  // has handed to its socket runs ahead of what the page has read by the
  // kernel's buffers on both ends and Chromium's network pipe (17 MB seen
  // on a loaded machine), so "stopped early" means well short of the end.
  server.route('/stream/', async (req, res, ctx) => {
    if (ctx.rel === 'index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return res.end(PAGE);
    }
    if (ctx.rel === 'index.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ title: 'Stream', posts: [{ slug: 'endless', title: 'Endless', summary: 's' }] }));
    }
    const piece = Buffer.alloc(256 * 1024, 'Words of a post that does not end.\n\n');
    res.on('error', () => {});
    res.writeHead(200, { 'Content-Type': 'text/markdown; charset=utf-8', 'Cache-Control': 'no-store' });
    streamed.sent = 0;
    streamed.closedEarly = false;
    req.socket.on('close', () => { if (streamed.sent < STREAM_BYTES) streamed.closedEarly = true; });
    for (let i = 0; i < STREAM_BYTES / piece.length && !res.destroyed && !req.socket.destroyed; i++) {
      if (!res.write(piece)) {
        await new Promise((r) => {
          const done = () => { res.off('drain', done); res.off('close', done); r(); };
          res.on('drain', done);
          res.on('close', done);
        });
      }
      streamed.sent += piece.length;
    }
    res.end();
  });
  // 10^5 different tags on one post, and 10 posts sharing 1,000 more
  // (0.9 MB of index): the tags page and the post must come at once, with
  // the index's bound in the notice.
  const many = Array.from({ length: 100000 }, (_, i) => `t${i}`);
  const shared = Array.from({ length: 1000 }, (_, i) => `s${i}`);
  server.write('tags/index.json', JSON.stringify({
    title: 'Tags',
    posts: [
      { slug: 'tagged', title: 'A post of 100,000 tags', date: '2022-07-24T10:00:00Z', summary: 'Many.', tags: many },
      ...Array.from({ length: 10 }, (_, i) => ({
        slug: `p${i}`, title: `Post ${i}`, date: '2022-07-23T10:00:00Z', summary: 's', tags: shared,
      })),
    ],
  }));
  server.write('tags/tagged.md', 'The post with many tags.\n');
  for (const dir of ['limits', 'utf8', 'tags']) {
    server.write(`${dir}/index.html`, PAGE);
  }
} });

const errorText = async (page) => (await waitForBlog(page, '.notice-error p')).innerText();

test('limits: a post over 4 MB is not rendered: the view says how big it is, and the blog goes on', async () => {
  const { page, errors, close } = await openPage(env, '/generated/limits/index.html#/posts/huge');
  try {
    const shown = await errorText(page);
    assert.equal(shown, `${env.server.url('/generated/limits/huge.md')}: the post is 5.0 MB, more than the 4.0 MB a post may have`);
    await page.evaluate(() => { location.hash = '#/posts/fine'; });
    await waitForBlog(page, '.post-content', { hasText: 'The ordinary post renders.' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('limits: a post whose HTML would balloon stops with a message instead of filling the tab', async () => {
  const { page, errors, close } = await openPage(env, '/generated/limits/index.html#/posts/balloon');
  try {
    const shown = await errorText(page);
    assert.match(shown, /: rendering stopped: the HTML of this 12 KB post would be more than 1\.2 MB \(16 times its size\)/);
    const heap = await page.evaluate(() => performance.memory && performance.memory.usedJSHeapSize);
    if (heap) assert.ok(heap < 64 * 1048576, `the page's JS heap stays small (${heap} bytes)`);
    await page.evaluate(() => { location.hash = '#/'; });
    await waitForBlog(page, '.post-entry h2', { hasText: 'An ordinary post' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('limits: one invalid UTF-8 byte in a title costs one character and is reported, the index still loads', async () => {
  const { page, errors, close } = await openPage(env, '/generated/utf8/index.html');
  try {
    await waitForBlog(page, '.post-entry');
    assert.deepEqual(await page.locator('wasm-blog .post-entry h2').allInnerTexts(), ['Caf\uFFFD notes', 'Clean']);
    const notice = await (await waitForBlog(page, '.notice-warn')).innerText();
    assert.match(notice, /posts\[0\]\.title: not valid UTF-8; the bad bytes are shown as \uFFFD/);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('limits: a post sent without its size stops downloading at 4 MB, with a message', async () => {
  const { page, errors, close } = await openPage(env, '/stream/index.html#/posts/endless');
  try {
    const shown = await errorText(page);
    assert.equal(shown, `${env.server.url('/stream/endless.md')}: the post is larger than the 4.0 MB a post may have`);
    await eventually(() => streamed.closedEarly, { what: 'the server to see the download given up' });
    assert.ok(streamed.sent < 48 * 1048576, `the download stopped early (${streamed.sent} of ${STREAM_BYTES} bytes sent)`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('limits: an index of 100,000 tags keeps the tags page and the post instant, with the bound in the notice', async () => {
  const { page, errors, close } = await openPage(env, '/generated/tags/index.html');
  try {
    const notice = await (await waitForBlog(page, '.notice-warn')).innerText();
    assert.match(notice, /posts\[0\]\.tags: 100000 tags, more than the 1000 a post may have; the first 1000 are kept/);
    await page.evaluate(() => { location.hash = '#/tags'; });
    await waitForBlog(page, '.terms-tags li');
    assert.equal(await page.locator('wasm-blog .terms-tags li').count(), 2000,
      'the first 1,000 tags of the big post and the 1,000 shared ones, each once');
    const s0 = await page.locator('wasm-blog .terms-tags li a[href$="/tags/s0"]').innerText();
    assert.equal(s0.replace(/\s+/g, ' '), 's0 10', 'a shared tag counts its ten posts');
    await page.evaluate(() => { location.hash = '#/posts/tagged'; });
    await waitForBlog(page, '.post-content', { hasText: 'The post with many tags.' });
    assert.equal(await page.locator('wasm-blog .post-tags li').count(), 1000);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
