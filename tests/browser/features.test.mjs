// The Markdown features, on the hidden sample post posts/features/markdown-features.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, eventually, hashOf, openPage, renderedCount, useBrowser, waitForBlog, waitForRendered } from './harness.mjs';

const env = useBrowser();
const POST = '/#/posts/markdown-features';
const SOURCE = fs.readFileSync(path.join(ROOT, 'posts/features/markdown-features.md'), 'utf8');

// The headings of the sample (levels 2-4, outside code fences), as the TOC
// should nest them: [{ text, children: [...] }].
function expectedToc() {
  const top = [];
  const stack = [{ level: 1, children: top }];
  let fence = null;
  for (const line of SOURCE.split('\n')) {
    const f = line.match(/^(`{3,}|~{3,})/);
    if (f) { fence = fence ? (line.startsWith(fence) ? null : fence) : f[1]; continue; }
    if (fence) continue;
    const m = line.match(/^(#{2,4}) (.+?)\s*$/);
    if (!m) continue;
    const node = { text: m[2], children: [] };
    const level = m[1].length;
    while (stack[stack.length - 1].level >= level) stack.pop();
    stack[stack.length - 1].children.push(node);
    stack.push({ level, children: node.children });
  }
  return top;
}

// The TOC as the page shows it, with the same shape.
function tocTree() {
  const root = document.querySelector('wasm-blog').shadowRoot.querySelector('.toc .inner > ul');
  const walk = (ul) => [...ul.children].map((li) => ({
    text: li.querySelector(':scope > a').textContent,
    children: li.querySelector(':scope > ul') ? walk(li.querySelector(':scope > ul')) : [],
  }));
  return root ? walk(root) : null;
}

const inViewport = (locator) => locator.evaluate((el) => {
  const top = el.getBoundingClientRect().top;
  return top > -1 && top < window.innerHeight;  // scrollIntoView may land a fraction of a pixel above 0
});

// Waits until the page's fonts (KaTeX's included) are loaded and laid out.
const settled = (page) => page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r()))));

const vendorRequests = (requests) => requests.filter((u) => new URL(u).pathname.startsWith('/vendor/'));

test('features: the table of contents lists the headings as nested lists', async () => {
  const { page, errors, consoleErrors, close } = await openPage(env, POST);
  try {
    await waitForRendered(page, 'post-content');
    const summary = page.locator('wasm-blog .toc details > summary');
    assert.equal((await summary.textContent()).trim(), 'Table of Contents');
    assert.equal(await page.locator('wasm-blog .toc details').getAttribute('open'), null, 'closed at first');
    const want = expectedToc();
    assert.equal(want.length, 8, 'the sample has eight level-2 headings');
    assert.deepEqual(await page.evaluate(tocTree), want);
    // Every entry points at a heading of the post.
    const targets = await page.locator('wasm-blog .toc a').evaluateAll((links) => links.map((a) => {
      const id = decodeURIComponent(a.getAttribute('href').split('#')[2]);
      const heading = a.getRootNode().getElementById(id);
      return heading ? `${heading.localName}:${heading.firstChild.textContent}` : `missing #${id}`;
    }));
    assert.ok(targets.every((t) => /^h[2-4]:/.test(t)), targets.join(', '));
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('features: clicking a TOC entry goes to #/posts/markdown-features#<id> and scrolls to the heading', async () => {
  const { page, close } = await openPage(env, POST, { viewport: { width: 1280, height: 800 } });
  try {
    await waitForRendered(page, 'post-content');
    await page.locator('wasm-blog .toc summary').click();
    const link = page.locator('wasm-blog .toc a', { hasText: 'Images' });
    await link.waitFor({ state: 'visible' });
    const before = await renderedCount(page);
    await link.click();
    await eventually(() => hashOf(page) === '#/posts/markdown-features#images', { what: 'the URL hash #/posts/markdown-features#images' });
    const heading = page.locator('wasm-blog .post-content h2#images');
    await eventually(() => inViewport(heading), { what: 'the "Images" heading to be in view' });
    // It stays in view once code and math are typeset above it (and KaTeX's fonts are in).
    await waitForRendered(page, 'post-content', { after: before });
    await settled(page);
    assert.ok(await inViewport(heading), 'the "Images" heading is still in view after the enhancements');
    assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the page scrolled');
  } finally {
    await close();
  }
});

test('features: a deep link /#/posts/markdown-features#tables opens scrolled to "Tables"', async () => {
  const { page, close } = await openPage(env, `${POST}#tables`);
  try {
    await waitForRendered(page, 'post-content');
    await settled(page);
    const heading = page.locator('wasm-blog .post-content h2#tables');
    assert.equal((await heading.textContent()).replace(/#$/, ''), 'Tables');
    assert.ok(await inViewport(heading), 'the "Tables" heading is in view');
    assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the page scrolled');
  } finally {
    await close();
  }
});

test('features: every heading has a unique id; the two "Example" headings get example and example-1', async () => {
  const { page, close } = await openPage(env, POST);
  try {
    await waitForRendered(page, 'post-content');
    const ids = await page.locator('wasm-blog .post-content :is(h1, h2, h3, h4, h5, h6)')
      .evaluateAll((hs) => hs.map((h) => h.id));
    assert.ok(ids.length >= 10, `headings: ${ids}`);
    assert.ok(ids.every((id) => id.length > 0), `every heading has an id: ${ids}`);
    assert.equal(new Set(ids).size, ids.length, `ids are unique: ${ids}`);
    const examples = await page.locator('wasm-blog .post-content h3', { hasText: 'Example' })
      .evaluateAll((hs) => hs.map((h) => h.id));
    assert.deepEqual(examples, ['example', 'example-1']);
  } finally {
    await close();
  }
});

test('features: the relative image img/diagram.svg resolves to /posts/features/img/diagram.svg and loads', async () => {
  const { page, close } = await openPage(env, POST);
  try {
    await waitForRendered(page, 'post-content');
    const img = page.locator('wasm-blog .post-content img[alt="Architecture diagram"]');
    assert.equal(new URL(await img.evaluate((el) => el.src)).pathname, '/posts/features/img/diagram.svg');
    await img.scrollIntoViewIfNeeded();
    await eventually(() => img.evaluate((el) => el.complete && el.naturalWidth > 0), { what: 'the image to load (naturalWidth > 0)' });
  } finally {
    await close();
  }
});

test('features: a link to another post\'s .md file is an in-app route that opens that post', async () => {
  const { page, errors, close } = await openPage(env, POST);
  try {
    await waitForRendered(page, 'post-content');
    const link = page.locator('wasm-blog .post-content a', { hasText: 'the first paper post' });
    assert.equal(await link.getAttribute('href'), '#/posts/paper-day-1-mesos');
    await link.click();
    await waitForBlog(page, 'h1.post-title', { hasText: 'Goal: A Paper Every Day. Day One: Mesos Paper' });
    assert.equal(hashOf(page), '#/posts/paper-day-1-mesos');
    await waitForBlog(page, '.post-content', { hasText: 'The rules are simple' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('features: code blocks are highlighted for c, cpp, go, python, javascript, json, bash and yaml', async () => {
  const { page, requests, errors, close } = await openPage(env, POST);
  try {
    await waitForRendered(page, 'post-content');
    const classes = await page.locator('wasm-blog .post-content pre > code').evaluateAll((codes) =>
      Object.fromEntries(codes.map((c) => [c.className.replace(/\s*hljs\s*/, ' ').trim() || '(none)',
        [...new Set([...c.querySelectorAll('span')].flatMap((s) => [...s.classList]))]])));
    const want = {
      c: ['hljs-keyword', 'hljs-meta', 'hljs-string'],
      cpp: ['hljs-keyword', 'hljs-meta', 'hljs-string'],
      go: ['hljs-keyword', 'hljs-string'],
      python: ['hljs-keyword', 'hljs-string', 'hljs-comment'],
      javascript: ['hljs-keyword', 'hljs-string'],
      json: ['hljs-attr', 'hljs-string'],
      bash: ['hljs-meta', 'hljs-built_in', 'hljs-string'],
      yaml: ['hljs-attr', 'hljs-literal'],
    };
    for (const [lang, spans] of Object.entries(want)) {
      const got = classes[`language-${lang}`];
      assert.ok(got, `a <code class="language-${lang}"> block exists`);
      for (const cls of spans) assert.ok(got.includes(cls), `${lang}: span.${cls} in ${got}`);
    }
    assert.deepEqual(classes['(none)'], [], 'the fence without a language stays plain text');
    const vendor = vendorRequests(requests).map((u) => new URL(u).pathname);
    assert.ok(vendor.includes('/vendor/highlight/core.min.js'), `highlight.js is loaded: ${vendor}`);
    assert.ok(vendor.includes('/vendor/highlight/languages/go.min.js'), `the go grammar is loaded: ${vendor}`);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('features: math is typeset by KaTeX inside .math.inline and .math.display', async () => {
  const { page, requests, close } = await openPage(env, POST);
  try {
    await waitForRendered(page, 'post-content');
    assert.equal(await page.locator('wasm-blog .post-content .math.inline').count(), 2);
    assert.equal(await page.locator('wasm-blog .post-content .math.inline .katex').count(), 2);
    assert.equal(await page.locator('wasm-blog .post-content .math.display .katex').count(), 1);
    assert.equal(await page.locator('wasm-blog .post-content .katex-error').count(), 0);
    const vendor = vendorRequests(requests).map((u) => new URL(u).pathname);
    assert.ok(vendor.includes('/vendor/katex/katex.min.js'), `KaTeX is loaded: ${vendor}`);
  } finally {
    await close();
  }
});

test('features: the list and a post without code or math request nothing under /vendor/', async () => {
  const { page, requests, close } = await openPage(env, '/');
  try {
    await waitForRendered(page, 'post-entry');
    // A sleep that checks that something does NOT happen: no late request for an enhancer.
    await page.waitForTimeout(300);
    assert.deepEqual(vendorRequests(requests), [], 'the list loads no highlight.js or KaTeX');
    await page.locator('wasm-blog .post-entry', { hasText: 'Day One: Mesos Paper' }).click();
    await waitForRendered(page, 'post-content');
    await page.waitForTimeout(300);  // (the same: nothing is requested late)
    assert.deepEqual(vendorRequests(requests), [], 'a post without code or math loads no highlight.js or KaTeX');
  } finally {
    await close();
  }
});

test('features: a post with code but no math loads highlight.js and not KaTeX', async () => {
  const { page, requests, close } = await openPage(env, '/#/posts/lets-go');
  try {
    await waitForRendered(page, 'post-content');  // highlighting is done by then
    // A sleep that checks that something does NOT happen: no late request for KaTeX.
    await page.waitForTimeout(300);
    const vendor = vendorRequests(requests).map((u) => new URL(u).pathname);
    assert.ok(vendor.includes('/vendor/highlight/core.min.js'), `highlight.js is loaded: ${vendor}`);
    assert.deepEqual(vendor.filter((p) => p.startsWith('/vendor/katex/')), [], 'KaTeX is not loaded');
  } finally {
    await close();
  }
});

test('features: every request the page makes goes to 127.0.0.1', async () => {
  const { page, requests, close } = await openPage(env, POST);
  try {
    await waitForRendered(page, 'post-content');
    // Scroll to the bottom so lazy images and KaTeX fonts are fetched too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await eventually(() => page.evaluate(() => [...document.querySelector('wasm-blog').shadowRoot.querySelectorAll('img')]
      .every((img) => img.complete)), { what: 'every image of the post to load' });
    await settled(page);
    const foreign = requests.filter((u) => {
      const url = new URL(u);
      if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
      return url.hostname !== '127.0.0.1';
    });
    assert.ok(requests.length > 10, `the page made its requests (${requests.length})`);
    assert.deepEqual(foreign, []);
  } finally {
    await close();
  }
});

test('features: at 375px images are lazy and nothing is wider than the column; the page does not scroll sideways', async () => {
  const { page, close } = await openPage(env, POST, { viewport: { width: 375, height: 700 } });
  try {
    await waitForRendered(page, 'post-content');
    const img = page.locator('wasm-blog .post-content img').first();
    await img.scrollIntoViewIfNeeded();
    await eventually(() => img.evaluate((el) => el.complete && el.naturalWidth > 0), { what: 'the first image to load' });
    const m = await page.evaluate(() => {
      const content = document.querySelector('wasm-blog').shadowRoot.querySelector('.post-content');
      const column = content.getBoundingClientRect();
      const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width }; };
      return {
        column: { left: column.left, right: column.right },
        lazy: [...content.querySelectorAll('img')].map((i) => i.getAttribute('loading')),
        images: [...content.querySelectorAll('img')].map(box),
        tables: [...content.querySelectorAll('table')].map(box),
        pres: [...content.querySelectorAll('pre')].map(box),
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    assert.ok(m.lazy.length > 0 && m.lazy.every((l) => l === 'lazy'), `loading="lazy" on every image: ${m.lazy}`);
    for (const [kind, boxes] of Object.entries({ image: m.images, table: m.tables, 'code block': m.pres })) {
      for (const b of boxes) {
        assert.ok(b.left >= m.column.left - 0.5 && b.right <= m.column.right + 0.5,
          `the ${kind} (${b.left}..${b.right}) fits the column (${m.column.left}..${m.column.right})`);
      }
    }
    assert.ok(m.scrollWidth <= 375, `document scrollWidth ${m.scrollWidth} <= 375`);
  } finally {
    await close();
  }
});

test('features: at 375px a too-wide table scrolls inside the column and a too-wide image shrinks to it', async () => {
  const { page, close } = await openPage(env, '/fixtures/wide/index.html#/posts/wide', { viewport: { width: 375, height: 700 } });
  try {
    await waitForRendered(page, 'post-content');
    const img = page.locator('wasm-blog .post-content img');
    await img.scrollIntoViewIfNeeded();
    await eventually(() => img.evaluate((el) => el.complete && el.naturalWidth === 1600), { what: 'the wide image to load' });
    const m = await page.evaluate(() => {
      const content = document.querySelector('wasm-blog').shadowRoot.querySelector('.post-content');
      const column = content.getBoundingClientRect();
      const table = content.querySelector('table');
      const image = content.querySelector('img').getBoundingClientRect();
      const t = table.getBoundingClientRect();
      return { column: [column.left, column.right], table: [t.left, t.right], image: [image.left, image.right],
        tableScroll: [table.scrollWidth, table.clientWidth], scrollWidth: document.documentElement.scrollWidth };
    });
    assert.ok(m.tableScroll[0] > m.tableScroll[1], `the table scrolls inside itself (${m.tableScroll})`);
    assert.ok(m.table[0] >= m.column[0] - 0.5 && m.table[1] <= m.column[1] + 0.5, `table ${m.table} within column ${m.column}`);
    assert.ok(m.image[0] >= m.column[0] - 0.5 && m.image[1] <= m.column[1] + 0.5, `image ${m.image} within column ${m.column}`);
    assert.ok(m.scrollWidth <= 375, `document scrollWidth ${m.scrollWidth} <= 375`);
  } finally {
    await close();
  }
});

test('features: relative links and images in a post go to the files beside the post, wherever the page is', async () => {
  const { page, errors, close } = await openPage(env, '/fixtures/links/site/page.html#/posts/here');
  try {
    await waitForRendered(page, 'post-content');
    const img = page.locator('wasm-blog .post-content img[alt="A dot"]');
    await eventually(() => img.evaluate((el) => el.complete && el.naturalWidth === 40), { what: 'the image beside the post to load' });
    for (const [text, file, body] of [['the notes', '/fixtures/links/blog/files/notes.txt', 'Notes beside the post.'],
      ['the shared readme', '/fixtures/links/shared/readme.txt', 'The shared readme.']]) {
      const link = page.locator('wasm-blog .post-content a', { hasText: text });
      // Resolved by the core against the index's absolute URL: never relative to the page.
      assert.match(await link.getAttribute('href'), /^(\/|https?:\/\/)/, `${text}: a path-absolute or absolute href`);
      await link.click();
      await page.waitForURL(env.server.url(file));
      assert.equal((await page.locator('body').innerText()).trim(), body);
      await page.goBack();
      await waitForRendered(page, 'post-content');
    }
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('features: a code block\'s copy button puts exactly its code on the clipboard and says "copied!"', async () => {
  const { page, errors, close } = await openPage(env, POST);
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url('/').replace(/\/$/, '') });
    await waitForRendered(page, 'post-content');
    const block = page.locator('wasm-blog .post-content pre').filter({ has: page.locator('code.language-go') }).first();
    const code = await block.locator('code').evaluate((el) => el.textContent);
    assert.ok(code.includes('func'), 'the Go block of the sample');
    const button = block.locator('button.copy-code');
    assert.equal(await button.textContent(), 'copy');
    await block.hover();
    await button.click();
    assert.equal(await button.textContent(), 'copied!');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code, 'the code, without the button\'s word');
    await eventually(async () => (await button.textContent()) === 'copy', { timeout: 4000, what: 'the button says "copy" again' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('features: on a long post the scroll-to-top button appears after 800 px and takes the reader back to the top', async () => {
  const { page, errors, close } = await openPage(env, POST, { viewport: { width: 1280, height: 600 } });
  try {
    await waitForRendered(page, 'post-content');
    const button = page.locator('wasm-blog button.top-link[data-action="top"]');
    assert.equal(await button.count(), 1, 'one button, the core\'s');
    const shown = () => button.evaluate((el) => getComputedStyle(el).visibility);
    assert.equal(await shown(), 'hidden', 'at the top there is nothing to go back to');
    await page.evaluate(() => window.scrollTo(0, 1500));
    await eventually(async () => (await shown()) === 'visible', { what: 'the button shows once scrolled' });
    await button.click();
    await eventually(() => page.evaluate(() => window.scrollY === 0), { what: 'back at the top' });
    assert.equal(await hashOf(page), '#/posts/markdown-features', 'the URL is left as it was');
    await eventually(async () => (await shown()) === 'hidden', { what: 'hidden again at the top' });
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
