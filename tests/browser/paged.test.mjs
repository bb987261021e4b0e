// The paged index (docs/index-schema.md, "A big blog: the paged index"): a blog of 65
// posts written by the native tool as index.json (the newest 10) and parts
// of 20; the widget fetches a part only when a screen needs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, eventually, hashOf, openPage, useBrowser, waitForBlog, waitForRendered } from './harness.mjs';

const TOOL = process.env.BLOG_TOOL ? path.resolve(process.env.BLOG_TOOL) : path.join(ROOT, 'build/native/wasm-blog');
const POSTS = 65;
// Post n (1 = the oldest) is dated n days after 2020-01-01: post 65 is the newest.
const title = (n) => `Post number ${n}`;
const pad = (n) => String(n).padStart(2, '0');

const env = useBrowser({
  setup(server) {
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-blog-paged-'));
    fs.mkdirSync(path.join(site, 'posts'));
    fs.writeFileSync(path.join(site, 'hugo.toml'), 'title = "Paged"\n[params]\nauthor = "Ann"\n');
    for (let n = 1; n <= POSTS; ++n) {
      const date = new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
      fs.writeFileSync(path.join(site, 'posts', `post-${pad(n)}.md`),
        `---\ntitle: "${title(n)}"\ndate: ${date}\ntags: [${n % 2 ? 'odd' : 'even'}]\n---\n\nThe body of post ${n}.\n`);
    }
    const out = path.join(server.generated, 'paged', 'posts');
    execFileSync(TOOL, ['index', site, '--out', out, '--first', '10', '--part-size', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const f of fs.readdirSync(path.join(site, 'posts'))) fs.copyFileSync(path.join(site, 'posts', f), path.join(out, f));
    server.write('paged/index.html', '<!doctype html><meta charset="utf-8"><title>Paged</title>\n'
      + '<script type="module" src="/wasm-blog.js"></script>\n<wasm-blog src="posts/index.json"></wasm-blog>\n');
    fs.rmSync(site, { recursive: true, force: true });
  },
});

const entries = (page) => page.locator('wasm-blog .post-entry .entry-header h2').allInnerTexts();
const asked = (requests, name) => requests.filter((u) => new URL(u).pathname === `/generated/paged/posts/${name}`).length;
// The titles of list page `n` (ten a page, newest first).
const pageTitles = (n) => Array.from({ length: 10 }, (_, i) => POSTS - (n - 1) * 10 - i).filter((k) => k >= 1).map(title);

test('paged index: the first list page downloads index.json alone, and each next page only the part it needs', async () => {
  const files = fs.readdirSync(path.join(env.server.generated, 'paged/posts')).filter((f) => f.endsWith('.json')).sort();
  assert.deepEqual(files, ['index-2.json', 'index-3.json', 'index-4.json', 'index.json']);
  const { page, errors, requests, close } = await openPage(env, '/generated/paged/');
  try {
    await waitForRendered(page, 'post-entry');
    assert.deepEqual(await entries(page), pageTitles(1));
    assert.equal(asked(requests, 'index.json'), 1);
    assert.equal(asked(requests, 'index-2.json'), 0, 'the first page needs no part');
    await page.locator('wasm-blog .pagination a.next').click();
    await eventually(async () => JSON.stringify(await entries(page)) === JSON.stringify(pageTitles(2)),
      { what: 'list page 2' });
    assert.equal(hashOf(page), '#/page/2');
    assert.equal(asked(requests, 'index-2.json'), 1);
    assert.equal(asked(requests, 'index-3.json'), 0, 'page 2 needs the first part only');
    // Page 7, the last (65 posts): the parts up to it, each once.
    await page.goto(env.server.url('/generated/paged/#/page/7'));
    await eventually(async () => JSON.stringify(await entries(page)) === JSON.stringify(pageTitles(7)),
      { what: 'list page 7' });
    assert.equal(await page.locator('wasm-blog .pagination a.next').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('paged index: a post in the last part, the archive and a tag load every part', async () => {
  const { page, errors, requests, close } = await openPage(env, '/generated/paged/#/posts/post-01');
  try {
    await waitForBlog(page, 'h1.post-title', { hasText: title(1) });
    await waitForBlog(page, '.post-content');
    for (const f of ['index-2.json', 'index-3.json', 'index-4.json']) assert.equal(asked(requests, f), 1, f);
    await page.goto(env.server.url('/generated/paged/#/archive'));
    await waitForBlog(page, '.archive-entry');
    assert.equal(await page.locator('wasm-blog .archive-entry').count(), POSTS);
    await page.goto(env.server.url('/generated/paged/#/tags/odd'));
    await waitForRendered(page, 'post-entry');
    assert.equal(await page.locator('wasm-blog .page-header h1').innerText(), 'odd');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
