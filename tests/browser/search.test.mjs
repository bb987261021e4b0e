// Full-text search as a reader uses it: words from deep in a post's body
// find it, with its best sections linked to their headings and the words
// marked; the query fetches the manifest, the shards of its words and the
// files of the posts shown, nothing else; on the no-build blog (dist/, hash
// routes) and on a built site (`wasm-blog build`, the /search/ page, path
// routes); a shard that fails says so and "Try again" brings the results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, ROOT, eventually, openPage, useBrowser, waitForBlog } from './harness.mjs';

const TOOL = process.env.BLOG_TOOL ? path.resolve(process.env.BLOG_TOOL) : path.join(ROOT, 'build/native/wasm-blog');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-blog-search-'));
const OUT = path.join(work, 'public');
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

const env = useBrowser({ setup(server) {
  execFileSync(TOOL, ['build', ROOT, OUT, '--base-url', 'https://example.com/blog/', '--assets', DIST],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  server.route('/blog/', (req, res, ctx) => {
    if (ctx.file(OUT)) return ctx.serve({}, OUT);
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('not found');
  });
  // dist/ again, where the first request of each shard fails.
  server.route('/flaky/', (req, res, ctx) => {
    if (ctx.rel.startsWith('posts/search/t/') && ctx.hit === 1) {
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      return res.end('busy');
    }
    return ctx.serve();
  });
} });

const shadow = (p, fn, arg) => p.evaluate(([src, a]) => {
  const root = document.querySelector('wasm-blog').shadowRoot;
  return new Function('root', 'arg', `return (${src})(root, arg)`)(root, a);
}, [fn.toString(), arg]);

// Waits for the full-text results (not the title search's, shown busy while
// the index's files come), and returns them: per post its title and sections.
async function results(p) {
  await eventually(() => shadow(p, (root) => !!root.querySelector('#searchResults:not([aria-busy])')
    && root.querySelectorAll('#searchResults > li .search-sections').length > 0), { what: 'the full-text results' });
  return shadow(p, (root) => [...root.querySelectorAll('#searchResults > li')].map((li) => ({
    title: li.querySelector('h2').textContent,
    href: li.querySelector('a.entry-link').getAttribute('href'),
    sections: [...li.querySelectorAll('.search-sections > li')].map((s) => ({
      heading: s.querySelector('a.search-section')?.textContent ?? null,
      href: s.querySelector('a.search-section')?.getAttribute('href') ?? null,
      headingHtml: s.querySelector('a.search-section')?.innerHTML ?? '',
      html: s.querySelector('p')?.innerHTML ?? '',
    })),
  })));
}

async function type(p, text) {
  const box = p.locator('wasm-blog input[data-action="search"]');
  await box.click();
  await p.keyboard.type(text);
}

test('search: words only in a post\'s body find it first, with the section they are in linked to its heading', async () => {
  const { page: p, requests, errors, close } = await openPage(env, '/#/search');
  try {
    await waitForBlog(p, '#searchbox');
    // Pasted at once: one query (typed, each letter's query fetches its own).
    await p.locator('wasm-blog input[data-action="search"]').fill('reconciliation loops');
    const found = await results(p);
    assert.equal(found[0].title, 'Paper every day. Day Two: Kubernetes');
    const section = found[0].sections.find((s) => s.heading === 'Reconciliation loops');
    assert.ok(section, `a section "Reconciliation loops": ${JSON.stringify(found[0].sections)}`);
    assert.equal(section.href, '#/posts/paper-day-2-kubernetes#reconciliation-loops');
    assert.equal(section.headingHtml, '<mark>Reconciliation</mark> <mark>loops</mark>', 'the words are marked');
    // What the query fetched: the manifest, the shards of its words, and the
    // files of the posts shown; no post's Markdown, no other file.
    const fetched = requests.filter((u) => u.includes('/posts/search/')).map((u) => new URL(u).pathname);
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'posts/search/manifest.json'), 'utf8'));
    assert.equal(fetched.filter((u) => u.endsWith('/manifest.json')).length, 1);
    const shards = fetched.filter((u) => u.includes('/search/t/'));
    assert.ok(shards.length >= 1 && shards.length <= manifest.files.length, `shards: ${shards}`);
    assert.equal(new Set(shards).size, shards.length, 'each shard once');
    assert.equal(fetched.filter((u) => u.includes('/search/d/')).length, found.length, 'a file per post shown');
    // The section's link opens the post at that heading.
    await p.locator('wasm-blog a.search-section', { hasText: 'Reconciliation loops' }).first().click();
    await waitForBlog(p, '.post-content');
    await eventually(() => p.evaluate(() => location.hash === '#/posts/paper-day-2-kubernetes#reconciliation-loops'));
    const top = await shadow(p, (root) => root.querySelector('#reconciliation-loops').getBoundingClientRect().top);
    assert.ok(top >= -2 && top < 200, `the heading is at the top of the window (${top})`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('search: a phrase, a typo and a word being typed each find what a reader means', async () => {
  const { page: p, close } = await openPage(env, '/#/search');
  try {
    await waitForBlog(p, '#searchbox');
    // The last word is a prefix while it is typed.
    await type(p, 'kubern');
    let found = await results(p);
    assert.ok(found.some((r) => r.title.includes('Kubernetes')));
    assert.ok(found.every((r) => r.sections.every((s) => !/<mark>/.test(s.html) || /<mark>kubern/i.test(s.html))));
    // One typo in a long word is forgiven.
    await p.locator('wasm-blog input[data-action="search"]').fill('');
    await type(p, 'kubernetis ');
    found = await results(p);
    assert.equal(found[0].title, 'Paper every day. Day Two: Kubernetes');
    // A phrase matches its words side by side only.
    await p.locator('wasm-blog input[data-action="search"]').fill('');
    await type(p, '"what you want"');
    await eventually(() => shadow(p, (root) => !root.querySelector('#searchResults[aria-busy]')), { what: 'the phrase\'s results' });
    const titles = await shadow(p, (root) => [...root.querySelectorAll('#searchResults > li h2')].map((h) => h.textContent));
    const says = fs.readdirSync(path.join(ROOT, 'posts')).filter((f) => f.endsWith('.md'))
      .filter((f) => /what\s+you\s+want/i.test(fs.readFileSync(path.join(ROOT, 'posts', f), 'utf8')));
    assert.equal(titles.length, says.length, `posts with the phrase: ${says}; shown: ${titles}`);
  } finally {
    await close();
  }
});

test('search: on a built site the /search/ page searches the full text, and its links are paths', async () => {
  const { page: p, errors, close } = await openPage(env, '/blog/search/');
  try {
    await waitForBlog(p, '#searchbox');
    await type(p, 'reconciliation loops');
    const found = await results(p);
    assert.equal(found[0].href, '/blog/posts/paper-day-2-kubernetes/');
    const section = found[0].sections.find((s) => s.heading === 'Reconciliation loops');
    assert.equal(section.href, '/blog/posts/paper-day-2-kubernetes/#reconciliation-loops');
    await eventually(() => p.evaluate(() => location.pathname + location.search === '/blog/search/?q=reconciliation%20loops'),
      { what: 'the URL to hold the query' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('search: a shard that fails says so, and "Try again" shows the results', async () => {
  const { page: p, close } = await openPage(env, '/flaky/#/search?q=borg');
  try {
    const notice = await waitForBlog(p, '#searchbox .notice-error');
    assert.match(await notice.innerText(), /The search could not read its index\. Could not load .*\/posts\/search\/t\/[0-9a-f]+\.txt: HTTP 503/);
    // Meanwhile the title, tag and summary search's results are there.
    assert.ok(await p.locator('wasm-blog #searchResults > li').count() > 0);
    await p.locator('wasm-blog #searchbox button[data-action="retry"]').click();
    const found = await results(p);
    assert.match(found[0].title, /Borg/);
    assert.equal(await p.locator('wasm-blog #searchbox .notice-error').count(), 0);
  } finally {
    await close();
  }
});

test('search: a widget embedded in someone else\'s page searches the full text from its own menu', async () => {
  const { page: p, requests, errors, close } = await openPage(env, '/fixtures/embed/page.html');
  try {
    await waitForBlog(p, '.post-entry');
    await p.locator('wasm-blog #menu a', { hasText: 'Search' }).click();
    await waitForBlog(p, '#searchbox');
    await type(p, 'reconciliation loops');
    const found = await results(p);
    assert.equal(found[0].title, 'Paper every day. Day Two: Kubernetes');
    assert.ok(found[0].sections.some((s) => s.heading === 'Reconciliation loops'));
    // The index's files are found beside the index the element names, not beside the page.
    const asked = requests.map((u) => new URL(u).pathname).filter((u) => u.includes('/search/'));
    assert.ok(asked.length > 0 && asked.every((u) => u.startsWith('/posts/search/')), `search files: ${asked}`);
    assert.equal(await p.locator('body > h1').textContent(), 'Someone else\'s page');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
