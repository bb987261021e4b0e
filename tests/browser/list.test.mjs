// The home page as a reader sees it: the seed blog's ten posts, in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, SCREENSHOTS, ensureDir, openPage, useBrowser, waitForBlog } from './harness.mjs';

const env = useBrowser();
const seed = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed/expected-list.json'), 'utf8')).posts;

// Title, summary and footer text of every entry on the page, as rendered.
async function entries(page) {
  return page.locator('wasm-blog .post-entry').evaluateAll((els) => els.map((el) => {
    const date = el.querySelector('.entry-footer span[title]');
    return {
      title: el.querySelector('.entry-header h2')?.textContent ?? null,
      summary: el.querySelector('.entry-content')?.textContent ?? null,
      footer: el.querySelector('.entry-footer')?.textContent ?? null,
      date: date ? date.textContent : null,
      tooltip: date ? date.getAttribute('title') : null,
      href: el.querySelector('a.entry-link')?.getAttribute('href') ?? null,
    };
  }));
}

test('list: / shows the seed\'s ten posts in order with summary, date, tooltip and author', async () => {
  const { page, errors, consoleErrors, close } = await openPage(env, '/', { viewport: { width: 1280, height: 800 } });
  try {
    await waitForBlog(page, '.post-entry');
    const shown = await entries(page);
    assert.equal(seed.length, 10, 'the seed lists ten posts');
    assert.deepEqual(shown.map((e) => e.title), seed.map((p) => p.title));
    for (const [i, want] of seed.entries()) {
      const got = shown[i];
      assert.equal(got.summary, want.summary, `summary of "${want.title}"`);
      if (want.date) {
        assert.ok(got.summary.endsWith('...'), `"${want.title}": the summary ends in "..."`);
        assert.equal(got.date, want.date, `visible date of "${want.title}"`);
        assert.equal(got.tooltip, want.tooltip, `date tooltip of "${want.title}"`);
        assert.equal(got.footer, `${want.date}\u00a0·\u00a0${want.author}`, `footer of "${want.title}"`);
      } else {
        assert.ok(!got.summary.endsWith('...'), `"${want.title}": a complete summary has no "..."`);
        assert.equal(got.date, null, `"${want.title}" has no date`);
        assert.equal(got.footer, want.author, `"${want.title}" shows the author alone`);
      }
      assert.match(got.href, /^#\/posts\/[a-z0-9-]+$/, `"${want.title}" links to its post`);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await close();
  }
});

test('list: the first entry reads "July 24, 2022 · Jose Villalta" with the seed\'s exact tooltip', async () => {
  const { page, close } = await openPage(env, '/');
  try {
    const date = await waitForBlog(page, '.post-entry .entry-footer span[title]');
    assert.equal(await date.innerText(), 'July 24, 2022');
    assert.equal(await date.getAttribute('title'), '2022-07-24 21:42:07 -0700 -0700');
    const footer = page.locator('wasm-blog .post-entry .entry-footer').first();
    assert.equal((await footer.innerText()).replace(/\u00a0/g, ' '), 'July 24, 2022 · Jose Villalta');
  } finally {
    await close();
  }
});

test('list: the hidden sample post is not listed and ten posts need no pagination', async () => {
  const { page, close } = await openPage(env, '/');
  try {
    await waitForBlog(page, '.post-entry');
    assert.equal(await page.locator('wasm-blog .post-entry').count(), 10);
    assert.equal(await page.locator('wasm-blog .post-entry', { hasText: 'Sample: Markdown features' }).count(), 0);
    assert.equal(await page.locator('wasm-blog a[href="#/posts/markdown-features"]').count(), 0);
    assert.equal(await page.locator('wasm-blog .pagination').count(), 0);
    assert.equal(await page.locator('wasm-blog .pagination a').count(), 0);
  } finally {
    await close();
  }
});

test('list: the document title is the blog\'s title', async () => {
  const { page, close } = await openPage(env, '/');
  try {
    await waitForBlog(page, '.post-entry');
    assert.equal(await page.title(), 'Jose Villalta');
    assert.equal(await page.locator('wasm-blog .logo a').innerText(), 'Jose Villalta');
  } finally {
    await close();
  }
});

test('list: a screenshot at 1280x800 is saved to build/screenshots/list-1280x800.png', async () => {
  const { page, close } = await openPage(env, '/', { viewport: { width: 1280, height: 800 } });
  try {
    await waitForBlog(page, '.post-entry');
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(ensureDir(SCREENSHOTS), 'list-1280x800.png');
    await page.screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 1000, 'the screenshot was written');
  } finally {
    await close();
  }
});

test('list: PaperMod\'s look: a grey page with white cards, the newest post as the first-entry; on a phone 18 px text and 14 px gaps', async () => {
  const { page, close } = await openPage(env, '/', { viewport: { width: 390, height: 800 } });
  try {
    await waitForBlog(page, '.post-entry');
    const look = await page.evaluate(() => {
      const root = document.querySelector('wasm-blog').shadowRoot.querySelector('.wasm-blog');
      const css = (el, p) => getComputedStyle(el).getPropertyValue(p);
      const entries = [...root.querySelectorAll('article')];
      return {
        page: css(root, 'background-color'),
        body: css(document.body, 'background-color'),
        classes: entries.map((e) => e.className),
        first: css(entries[0], 'background-color'),
        card: css(entries[1], 'background-color'),
        text: css(root, 'font-size'),
        cardPadding: css(entries[1], 'padding-top'),
      };
    });
    // PaperMod's grey list page, behind white cards; the page's own background too.
    assert.equal(look.page, 'rgb(245, 245, 245)');
    assert.equal(look.body, 'rgb(245, 245, 245)');
    assert.equal(look.classes[0], 'first-entry post-entry', 'the seed has no home info: the newest post is the first-entry');
    assert.ok(look.classes.slice(1).every((c) => c === 'post-entry'));
    assert.equal(look.first, 'rgba(0, 0, 0, 0)', 'the first-entry is no card');
    assert.equal(look.card, 'rgb(255, 255, 255)');
    assert.equal(look.text, '18px');
    assert.equal(look.cardPadding, '14px');
  } finally {
    await close();
  }
});

test('list: at 360 px wide no screen is wider than the window (list, post, tags, archive, search, categories)', async () => {
  const { page, errors, close } = await openPage(env, '/', { viewport: { width: 360, height: 740 } });
  try {
    for (const [hash, selector] of [['#/', '.post-entry'], ['#/posts/markdown-features', '.post-content'], ['#/tags', '.terms-tags'],
      ['#/archive', '.archive-entry'], ['#/search?q=paper', '.post-entry'], ['#/categories', '.page-header']]) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await waitForBlog(page, selector);
      await page.evaluate(() => document.fonts.ready);
      const wide = await page.evaluate(() => {
        const root = document.querySelector('wasm-blog').shadowRoot;
        const over = [...root.querySelectorAll('*')].filter((el) => {
          const box = el.getBoundingClientRect();
          // Inside a box that scrolls by itself (a wide table, a code block) is fine, as is KaTeX's MathML (visually hidden).
          return box.width > 0 && box.right > window.innerWidth + 0.5 && !el.closest('pre, .table-wrapper, table, .katex-display, .katex-mathml');
        }).map((el) => `${el.localName}.${el.className}`);
        return { scroll: document.documentElement.scrollWidth, over: over.slice(0, 5) };
      });
      assert.equal(wide.scroll, 360, `${hash}: the page does not scroll sideways`);
      assert.deepEqual(wide.over, [], `${hash}: nothing sticks out`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
